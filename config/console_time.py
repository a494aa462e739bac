"""Which conference's time a console page speaks in, and each row of a list in its own.

A page about one object speaks in that object's conference's time. A page that makes or changes
an object speaks in the time of the conference it is being made for: the conference chosen in
the form (or the session, delegation... through which the object hangs on one), so that a
session typed for the Vienna meeting at 10:00 is 10:00 in Vienna whatever the console showed
before. A list filtered by a conference speaks in its time; an unfiltered list shows each row in
the time of that row's conference (`use_conference_time_in_lists`). The rest (the dashboard, a
list of venues) speaks in the time of the next conference to end (`default_conference`).
"""

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.urls import Resolver404, resolve

from conference.local_time import (
    conference_of,
    conference_path,
    conference_time,
    default_conference,
)
from conference.models import Conference


def console_conference(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return default_conference()
    if str(match.kwargs.get("conference_id", "")).isdigit():
        conference = Conference.objects.filter(pk=match.kwargs["conference_id"]).first()
        if conference is not None:
            return conference
    model = _console_model(match.url_name or "")
    if model is not None and match.url_name.endswith(("_add", "_change")):
        # What is typed is read in the time of the conference the object is made for.
        submitted = request.POST if request.method == "POST" else request.GET
        conference = _chosen_conference(model, submitted)
        if conference is not None:
            return conference
    object_id = match.kwargs.get("object_id")
    if model is not None and object_id is not None:
        instance = _console_object(model, object_id)
        if instance is not None:
            conference = conference_of(instance)
            if conference is not None:
                return conference
    for key, value in request.GET.items():
        named = key == "conference" or key.endswith(("conference__id__exact", "conference__exact"))
        if named and value.isdigit():
            conference = Conference.objects.filter(pk=value).first()
            if conference is not None:
                return conference
    return default_conference()


def _console_model(url_name):
    """The model of a console page named `<app>_<model>_<view>` (add, change, history...)."""
    for model in admin.site._registry:
        if url_name.startswith(f"{model._meta.app_label}_{model._meta.model_name}_"):
            return model
    return None


def _console_object(model, object_id):
    try:
        return model._default_manager.filter(pk=object_id).first()
    except (ValueError, ValidationError):
        return None


def _chosen_conference(model, data):
    """The conference named in a form's data: its `conference` field, or the first link of the
    model's path to one (a booth's `session`, a travel's `delegate`)."""
    path = conference_path(model)
    if not path:
        return None
    link = path.split("__")[0]
    value = data.get(link, "")
    if not str(value).isdigit():
        return None
    related = model._meta.get_field(link).related_model
    chosen = related._default_manager.filter(pk=value).first()
    if chosen is None or isinstance(chosen, Conference):
        return chosen
    return conference_of(chosen)


class RowsInTheirConferenceTime(list):
    """A list's rows; while the console renders a row (as it iterates), that row's
    conference's time is active, so its dates and times are its conference's."""

    def __init__(self, rows, conferences):
        super().__init__(rows)
        self.conferences = conferences  # the row's pk -> its Conference

    def __iter__(self):
        for row in super().__iter__():
            with conference_time(self.conferences.get(row.pk)):
                yield row


def rows_in_their_conference_time(rows, model):
    """`rows` of `model`, each shown in its own conference's time (two queries), or `rows` as
    they are when the model belongs to no conference."""
    path = conference_path(model)
    rows = list(rows)
    if path is None or not rows:
        return rows
    if path == "":
        return RowsInTheirConferenceTime(rows, {row.pk: row for row in rows})
    ids = dict(
        model._default_manager.filter(pk__in=[row.pk for row in rows]).values_list("pk", path)
    )
    conferences = Conference.objects.in_bulk({pk for pk in ids.values() if pk is not None})
    return RowsInTheirConferenceTime(
        rows, {pk: conferences[conference_id] for pk, conference_id in ids.items() if conference_id}
    )


def use_conference_time_in_lists():
    """Make every console list show each row in its conference's time.

    A list is not about one conference: a filter may leave rows of several, each in its own
    timezone. Django's ChangeList fetches the page's rows in `get_results`; wrapping them there
    reaches every list of the console without each ModelAdmin having to remember it (as
    config/widgets.py does for the date-and-time widget). Lists whose rows are edited in place
    (`list_editable`) keep their queryset, which the formset needs.
    """
    fetch = ChangeList.get_results

    def get_results(self, request):
        fetch(self, request)
        if not self.list_editable:
            self.result_list = rows_in_their_conference_time(self.result_list, self.model)

    ChangeList.get_results = get_results
