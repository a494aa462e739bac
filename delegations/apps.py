from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Delegations")

    def ready(self):
        # Registers the Celery tasks in every process, the web's included: the outbox's services
        # hand rows to `delegations.deliver_messages` by its name (tasks import the services, so
        # the services cannot import the tasks).
        # The conference's console page asks, per badge category, for the badges a delegation
        # may hold and the zones the badge opens.
        from conference.admin_settings_fields import register_badge_categories
        from delegations import tasks  # noqa: F401
        from delegations.models.badges import BADGE_CATEGORIES

        register_badge_categories(BADGE_CATEGORIES)
