"""The console's pages write through services, and show a service's refusal as a form error.

Every ModelAdmin of the project inherits `WritesThroughServices` (tests/project/
test_console_services.py walks the console and fails for one that does not). Its saves and
deletions are the admin's own `save_model`, `save_formset` and `delete_model`, which call the
app's services; this mixin only makes the page behave when a service refuses:

- a `DomainError` raised while saving rolls back everything the page wrote (the change page
  runs in one transaction), and the page is shown again with what the organiser typed and the
  service's reason above the form: no 500, nothing half-saved, nothing lost;
- a refused deletion returns to the object's page with the reason;
- Django's "Delete selected" action is left out: it would delete row by row past the services.
  Objects are deleted one at a time from their page, through `delete_model`.

An admin whose change page only shows (its writes are actions) sets `change_page_read_only`:
the page then has no Save button and refuses a POST, while actions, which ask for the change
permission without an object, keep working.
"""

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponseRedirect
from django.urls import reverse

from conference import services
from conference.errors import DomainError


class WritesThroughServices:
    """Mixin for a ModelAdmin whose writes are services (see the module's docstring)."""

    change_page_read_only = False

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.change_page_read_only:
            return False
        return super().has_change_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DomainError as error:
            # Django's changeform_view ran in a transaction that the error rolled back. The
            # second pass validates the same POST again; the form now carries the refusal, so
            # it is shown with every value typed, and nothing is saved.
            request._refused_by_service = error.message
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        refusal = getattr(request, "_refused_by_service", None)
        if refusal is None:
            return form_class

        def clean(form):
            cleaned = form_class.clean(form)
            form.add_error(None, refusal)
            return cleaned

        return type(form_class.__name__, (form_class,), {"clean": clean})

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except DomainError as error:
            self.message_user(request, error.message, messages.ERROR)
            opts = self.model._meta
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[object_id],
                current_app=self.admin_site.name,
            )
            return HttpResponseRedirect(url)

    def save_related(self, request, form, formsets, change):
        # Without the form's save_m2m: many-to-many values are the service's to save, and
        # save_model passes them (ReferenceDataAdmin does).
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, _perms_needed, protected = super().get_deleted_objects(objs, request)
        # The service decides what may go, and says why a row others depend on stays; Django's
        # own check of the permission to delete each dependant would answer a bare 403 first.
        return deleted, model_count, set(), protected

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    # Fail closed: an admin that can add, change or delete states how, through a service.
    def save_model(self, request, obj, form, change):
        if change and not form.changed_data:
            return  # nothing typed, nothing to write
        raise ImproperlyConfigured(f"{type(self).__name__} saves without a service.")

    def delete_model(self, request, obj):
        raise ImproperlyConfigured(f"{type(self).__name__} deletes without a service.")

    def save_formset(self, request, form, formset, change):
        # commit=False writes nothing; it lists what the inline would write (and the console's
        # log of the change reads those lists).
        if formset.save(commit=False) or formset.deleted_objects:
            raise ImproperlyConfigured(f"{type(self).__name__} saves inlines without a service.")


class ReferenceDataAdmin(WritesThroughServices):
    """Reference data (venues, rooms, outlets, slots...): saved by `save_reference`, which
    validates the row as a form would, and deleted by `delete_reference`, which refuses while
    other rows depend on it. Subclasses with a rule of their own override `save_model`."""

    def save_model(self, request, obj, form, change):
        many_to_many = {
            field.name: form.cleaned_data[field.name]
            for field in obj._meta.many_to_many
            if field.name in form.cleaned_data
        }
        services.save_reference(obj, **many_to_many)

    def delete_model(self, request, obj):
        services.delete_reference(obj)
