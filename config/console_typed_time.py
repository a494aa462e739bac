"""What an organiser types on a console form is read in the time the form said.

A page that makes or changes an object reads its dates and times in the time of the conference
chosen in the form (config/console_time.py). Before the form is sent, the page can only say the
time of the conference it was opened for: the one named in its address (`?conference=`), the
object's own, or the console's default. So:

- **Adding asks for the conference first** when they keep different times and the address names
  none, as Django's console asks for a user's password before the rest: each choice opens the
  form labelled with that conference's time (`?conference=<id>`). "Add" from a list filtered by
  one conference opens the form for that one.
- **A form sent for a conference in another timezone than the one it showed is not saved**: its
  dates and times were typed in the time the label said, and reading them in another would move
  them by hours without a word. The form comes back with everything typed kept, now labelled
  with the chosen conference's time, and an error that says so; sending it again saves it.
"""

from urllib.parse import parse_qsl, urlencode

from django.contrib import admin
from django.db import models
from django.forms import DateTimeField, SplitDateTimeField
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from conference.local_time import conference_path, time_label
from conference.models import Conference
from config.console_time import console_conference

# Kept when the first step hands over to the form: the list's filters to come back to, and a
# form opened in a pop-up from another form's "+".
_CARRIED_PARAMETERS = ("_changelist_filters", "_popup", "_to_field")


def use_typed_time_checks():
    """Ask for the conference before an add form, and refuse a form whose times were typed in
    another conference's time, on every console page (each ModelAdmin inherits these)."""
    changeform_view = admin.ModelAdmin.changeform_view
    get_form = admin.ModelAdmin.get_form

    def changeform_view_in_the_typed_time(
        self, request, object_id=None, form_url="", extra_context=None
    ):
        if object_id is None and request.method == "GET" and _asks_for_a_conference(self, request):
            filtered = _conference_of_the_list(request)
            if filtered is not None:  # "Add" from a list of one conference's rows: that one
                return HttpResponseRedirect(_address_for(request, filtered))
            return _choose_a_conference(self, request)
        if request.method == "POST":
            shown = console_conference(request, data=request.GET)
            chosen = console_conference(request)
            if _in_another_time(shown, chosen):
                request.times_typed_in = (shown, chosen)
                form_url = _address_for(request, chosen)
        return changeform_view(self, request, object_id, form_url, extra_context)

    def get_form_that_checks_the_typed_time(self, request, *args, **kwargs):
        form = get_form(self, request, *args, **kwargs)
        typed_in = getattr(request, "times_typed_in", None)
        if typed_in is None:
            return form
        return _refusing_times_typed_in_another_zone(form, *typed_in)

    admin.ModelAdmin.changeform_view = changeform_view_in_the_typed_time
    admin.ModelAdmin.get_form = get_form_that_checks_the_typed_time


def _in_another_time(shown, chosen):
    return shown is not None and chosen is not None and shown.timezone != chosen.timezone


def _address_for(request, conference):
    """This page's address, naming `conference` (a new one's timezone, not yet an id)."""
    query = request.GET.copy()
    if conference.pk is None:
        query["timezone"] = conference.timezone
    else:
        query["conference"] = str(conference.pk)
    return f"{request.path}?{query.urlencode()}"


def _refusing_times_typed_in_another_zone(form_class, shown, chosen):
    class TimesTypedInAnotherZone(form_class):
        def clean(self):
            cleaned_data = super().clean()
            typed = [
                name
                for name, field in self.fields.items()
                if isinstance(field, DateTimeField | SplitDateTimeField) and cleaned_data.get(name)
            ]
            if typed:
                self.add_error(
                    None,
                    gettext(
                        "The dates and times were typed in %(typed)s, but this is for a "
                        "conference in %(chosen)s. Check them, now shown in %(chosen)s, and "
                        "save again."
                    )
                    % {"typed": time_label(shown), "chosen": time_label(chosen)},
                )
            return cleaned_data

    TimesTypedInAnotherZone.__name__ = form_class.__name__
    return TimesTypedInAnotherZone


def _asks_for_a_conference(model_admin, request):
    """An add form with dates and times, for a model of a conference, when the conferences are
    in several timezones and the address names none."""
    path = conference_path(model_admin.model)
    if not path:  # of no conference, or a conference itself (its timezone is on its form)
        return False
    if not _has_times(model_admin.model):
        return False
    if _named(request, path):
        return False
    # Conferences in one timezone read a time alike: nothing to choose before typing it.
    return Conference.objects.values("timezone").distinct().count() > 1


def _conference_of_the_list(request):
    """The conference the list this page was opened from was filtered by, or None."""
    for key, value in parse_qsl(request.GET.get("_changelist_filters", "")):
        named = key == "conference" or key.endswith(("conference__id__exact", "conference__exact"))
        if named and value.isdigit():
            return Conference.objects.filter(pk=value).first()
    return None


def _named(request, path):
    link = path.split("__")[0]
    return any(str(request.GET.get(key, "")).isdigit() for key in ("conference", link))


def _has_times(model):
    return any(isinstance(field, models.DateTimeField) for field in model._meta.concrete_fields)


def _choose_a_conference(model_admin, request):
    carried = {key: request.GET[key] for key in _CARRIED_PARAMETERS if key in request.GET}
    choices = [
        {
            "conference": conference,
            "time_label": time_label(conference),
            "url": f"{request.path}?{urlencode({**carried, 'conference': conference.pk})}",
        }
        for conference in Conference.objects.order_by("-start_date")
    ]
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Add %(name)s") % {"name": opts.verbose_name},
        "subtitle": gettext("For which conference?"),
        "opts": opts,
        "choices": choices,
        "is_popup": "_popup" in request.GET,
    }
    return TemplateResponse(request, "admin/choose_conference.html", context)
