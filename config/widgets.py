"""The console's date-and-time widget: Django's, with the conference's time beside it."""

from django.contrib.admin import options
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import models

from conference.local_time import current_time_label


class ConferenceSplitDateTime(AdminSplitDateTime):
    """Says in which time the date and time are typed: "Hanoi time, UTC+7"."""

    template_name = "console/widgets/split_datetime.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["conference_time_label"] = current_time_label()
        return context


def use_conference_time_widget():
    """Make every console form's date-and-time field use the widget above.

    Django's admin takes the widget of a DateTimeField from one table of defaults that every
    ModelAdmin and inline copies when it is made; changing it there, before the apps' consoles
    are registered, reaches them all without each having to remember it.
    """
    options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateTimeField] = {
        **options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateTimeField],
        "widget": ConferenceSplitDateTime,
    }
