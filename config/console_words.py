"""The console's words for an organiser.

A list is titled with what it lists ("Sessions"), not Django's "Select session to change"
("Sélectionnez l'objet séance à changer"), which speaks of the program, not of the work.

Every column and field is in the reader's language, also where a model field was given no
label of its own.
Django labels such a field with its attribute's name: the console's lists, filters and forms
then said "conference", "delegate" or "created at" in English to every reader ("Par
conference"). A link to another model takes that model's name, which is translated; the
bookkeeping times take one word each. Only the shown label changes: migrations record the label
a field was declared with (`Field._verbose_name`), so none is needed.
"""

from django.apps import apps
from django.contrib import admin
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

BOOKKEEPING_TIMES = {
    "created_at": _("created"),
    "updated_at": _("last changed"),
}


def label_unlabelled_fields():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field.verbose_name, Promise):
                continue
            if field.is_relation and field.related_model is not None:
                field.verbose_name = field.related_model._meta.verbose_name
            elif field.name in BOOKKEEPING_TIMES:
                field.verbose_name = BOOKKEEPING_TIMES[field.name]


def title_lists_by_what_they_list():
    show = admin.ModelAdmin.changelist_view

    def changelist_view(self, request, extra_context=None):
        response = show(self, request, extra_context)
        context = getattr(response, "context_data", None)
        # A pop-up list is where one row is picked for another form: Django's "Select ..." fits.
        if context and "cl" in context and not context.get("is_popup"):
            context["title"] = capfirst(self.model._meta.verbose_name_plural)
        return response

    admin.ModelAdmin.changelist_view = changelist_view
