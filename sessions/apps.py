from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """The programme. Labelled `programme` because django.contrib.sessions owns `sessions`."""

    name = "sessions"
    label = "programme"
    verbose_name = _("Programme")

    def ready(self):
        from conference.services import check_room_change
        from delegations.selectors import add_checklist_item
        from delegations.services import add_admission_rule
        from delegations.services.badges import withhold_zones

        # Registers the Celery tasks in every process: publishing a release hands the warm-up of
        # the feeds to `programme.warm_feeds` by its name (tasks import the services).
        from sessions import tasks  # noqa: F401
        from sessions.selectors import (
            banquet_zones_withheld,
            has_chosen_places,
            media_pool_admission,
        )
        from sessions.services import check_room_booths

        # The registration's checklist (delegations app, below this one) asks for roundtables.
        add_checklist_item(
            "sessions",
            _("Roundtables chosen"),
            "portal:programme",
            is_done=has_chosen_places,
            position=4,
        )
        # Badges (delegations app) open the banquet hall only to those invited to the banquet.
        withhold_zones(banquet_zones_withheld)
        # Rooms (conference app) keep the booths their sessions to come need.
        check_room_change(check_room_booths)
        # The doors (delegations' check-in) admit only the media pool to a restricted event.
        add_admission_rule(media_pool_admission)
