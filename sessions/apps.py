from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    """The programme. Labelled `programme` because django.contrib.sessions owns `sessions`."""

    name = "sessions"
    label = "programme"
    verbose_name = "Programme"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from delegations.selectors import add_checklist_item

        # Registers the Celery tasks in every process: publishing a release hands the warm-up of
        # the feeds to `programme.warm_feeds` by its name (tasks import the services).
        from sessions import tasks  # noqa: F401
        from sessions.selectors import has_chosen_places

        # The registration's checklist (delegations app, below this one) asks for roundtables.
        add_checklist_item(
            "sessions",
            _("Roundtables chosen"),
            "portal:programme",
            is_done=has_chosen_places,
            position=4,
        )
