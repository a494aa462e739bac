from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Delegations")

    def ready(self):
        # Registers the Celery tasks in every process, the web's included: the outbox's services
        # hand rows to `delegations.deliver_messages` by its name (tasks import the services, so
        # the services cannot import the tasks).
        from delegations import tasks  # noqa: F401
