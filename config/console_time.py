"""Which conference's time a console page speaks in, and each row of a list in its own.

A page about one object speaks in that object's conference's time. A page that makes or changes
an object speaks in the time of the conference it is being made for: the conference chosen in
the form (or the session, delegation... through which the object hangs on one), so that a
session typed for the Vienna meeting at 10:00 is 10:00 in Vienna whatever the console showed
before. A list filtered by a conference speaks in its time; an unfiltered list shows each row in
the time of that row's conference (`use_conference_time_in_lists`), and says which: once under
the list's title when every row is in the same time ("Times in Hanoi time, UTC+7"), else beside
every date and time of every row. The rest (the dashboard, a list of venues) speaks in the time of
the next conference to end (`default_conference`).
"""

from contextvars import ContextVar
from datetime import UTC, date, datetime

from django.contrib import admin
from django.contrib.admin.templatetags import admin_list
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext

from conference.local_time import (
    conference_of,
    conference_path,
    conference_time,
    current_time_label,
    default_conference,
)
from conference.models import Conference
from conference.validators import validate_timezone


def console_conference(request, data=None):
    """The conference whose time the page shows and reads. `data`: the form's data that names
    it (by default what the request submits; the address's query to know in which time the form
    was shown before it was submitted)."""
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
        if data is None:
            data = request.POST if request.method == "POST" else request.GET
        conference = _chosen_conference(model, data)
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
    if path == "":
        return _conference_being_typed(data)
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


# The label printed beside each date and time of the row being rendered; "" when the list says
# its one time under its title instead.
_row_time_label: ContextVar[str] = ContextVar("row_time_label", default="")


def _conference_being_typed(data):
    """A conference's own page reads its deadlines in the timezone typed on it: an unsaved
    Conference with that timezone (and city and first day, which the label names), or None."""
    zone = data.get("timezone", "")
    try:
        validate_timezone(zone)
    except ValidationError:
        return None
    try:
        first_day = date.fromisoformat(data.get("start_date", ""))
    except ValueError:
        first_day = timezone.localdate(timezone=UTC)
    return Conference(timezone=zone, city=data.get("city", ""), start_date=first_day)


class RowsInTheirConferenceTime(list):
    """A list's rows; while the console renders a row (as it iterates), that row's
    conference's time is active, so its dates and times are its conference's. With
    `label_each_row`, each row's dates and times also say which time they are in."""

    def __init__(self, rows, conferences):
        super().__init__(rows)
        self.conferences = conferences  # the row's pk -> its Conference
        self.label_each_row = False

    def time_labels(self):
        """The labels of the times of the rows ("UTC" for a row of no conference)."""
        labels = set()
        for row in super().__iter__():
            with conference_time(self.conferences.get(row.pk)):
                labels.add(current_time_label())
        return labels

    def __iter__(self):
        for row in super().__iter__():
            with conference_time(self.conferences.get(row.pk)):
                label = current_time_label() if self.label_each_row else ""
                token = _row_time_label.set(label)
                try:
                    yield row
                finally:
                    _row_time_label.reset(token)


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
        _label_the_times(self)

    ChangeList.get_results = get_results
    _label_each_rows_times()
    _say_the_lists_time_under_its_title()


def _label_the_times(changelist):
    """One label for the list when its rows share one time, else one beside every row's times."""
    rows = changelist.result_list
    if isinstance(rows, RowsInTheirConferenceTime):
        labels = rows.time_labels()
    else:  # rows of no conference, or edited in place: shown in the page's time
        labels = {current_time_label()} if rows else set()
    if len(labels) > 1:
        rows.label_each_row = True
    changelist.conference_time_label = labels.pop() if len(labels) == 1 else ""


def _labelled(shown):
    label = _row_time_label.get()
    if not label:
        return shown
    return format_html('{}<br><span class="conference-time">{}</span>', shown, label)


def _label_each_rows_times():
    """Django's list renders each cell with the two functions below, imported by name into its
    template tags; wrapped there, every date and time of every list gets its row's label."""
    show_field, show_value = admin_list.display_for_field, admin_list.display_for_value

    def display_for_field(value, field, *args, **kwargs):
        shown = show_field(value, field, *args, **kwargs)
        is_time = value is not None and isinstance(field, models.DateTimeField)
        return _labelled(shown) if is_time else shown

    def display_for_value(value, *args, **kwargs):
        shown = show_value(value, *args, **kwargs)
        return _labelled(shown) if isinstance(value, datetime) else shown

    admin_list.display_for_field = display_for_field
    admin_list.display_for_value = display_for_value


def _shows_times(changelist):
    for name in changelist.list_display:
        try:
            field = changelist.model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.DateTimeField):
            return True
    return False


def _say_the_lists_time_under_its_title():
    """A list whose rows share one time says it once, under its title (Django's `subtitle`)."""
    show = admin.ModelAdmin.changelist_view

    def changelist_view(self, request, extra_context=None):
        response = show(self, request, extra_context)
        context = getattr(response, "context_data", None) or {}
        changelist = context.get("cl")
        label = getattr(changelist, "conference_time_label", "")
        if label and not context.get("subtitle") and _shows_times(changelist):
            context["subtitle"] = gettext("Times in %(time_label)s") % {"time_label": label}
        return response

    admin.ModelAdmin.changelist_view = changelist_view
