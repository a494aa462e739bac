"""What the console's imports and exports share.

Imports only create: every row is a new delegation or delegate (`force_init_instance`), written
through the services, so that a file obeys the same rules as the console and the portal. A row
that breaks a rule becomes a validation error of that row: the preview lists every row's errors
at once, and the admin imports with `rollback_on_validation_errors`, so a file with any error
imports nothing.
"""

import re

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources

from conference.errors import DomainError
from conference.statistics import refresh_statistics
from conference.text import spreadsheet_cell
from delegations.resources.widgets import cell_text

# The columns whose name the model's fields do not give (a property, a count, a computed cell).
_HEADINGS = {
    "arrival": gettext_lazy("Arrival"),
    "conference": gettext_lazy("conference"),
    "delegates": gettext_lazy("delegates"),
    "delegation": gettext_lazy("delegation"),
    "departure": gettext_lazy("Departure"),
    "passport_number": gettext_lazy("passport number"),
    "photo": gettext_lazy("photo"),
}


def column_headings(resource) -> list[tuple[str, str]]:
    """(plain name, column) of each column of `resource`, in the reader's language: "Family name
    (as in the passport)", "family_name". The console's import and export pages list these
    instead of the bare column names."""
    return [
        (capfirst(str(_heading(resource._meta.model, field))), field.column_name)
        for field in resource.get_user_visible_fields()
    ]


def _heading(model, field):
    if field.column_name in _HEADINGS:
        return _HEADINGS[field.column_name]
    # The verbose name of the model field the column reads ("delegate__family_name").
    verbose_name, current = field.column_name.replace("_", " "), model
    for part in (field.attribute or "").split("__"):
        try:
            model_field = current._meta.get_field(part)
        except FieldDoesNotExist:
            break
        verbose_name = model_field.verbose_name
        current = model_field.related_model or current
    return verbose_name


def column_key(heading) -> str:
    """Headings as people type them ("Focal point e-mail", " STATE") become column names."""
    key = re.sub(r"[^0-9a-z]+", "_", str(heading or "").strip().lower()).strip("_")
    return key.replace("e_mail", "email")


class ImportResource(resources.ModelResource):
    required_columns: tuple[str, ...] = ()

    class Meta:
        use_transactions = True
        force_init_instance = True
        clean_model_instances = True

    def before_import(self, dataset, **kwargs):
        dataset.headers = [column_key(heading) for heading in dataset.headers or []]
        # Spreadsheets often end with formatted but empty rows; rows inside keep their numbers.
        while len(dataset) and all(cell_text(cell) == "" for cell in dataset[-1]):
            del dataset[-1]
        missing = [name for name in self.required_columns if name not in dataset.headers]
        if missing:
            raise ValidationError(
                _("The file has no column %(missing)s. Its first row names the columns: %(all)s.")
                % {"missing": ", ".join(missing), "all": ", ".join(self.column_names())}
            )

    def column_names(self):
        return [field.column_name for field in self.get_import_fields() if not field.readonly]

    def row_errors(self, instance):
        """Rules of the import itself (duplicates), beside the model's own validation."""
        return []

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        extra = [ValidationError(message) for message in self.row_errors(instance)]
        if extra:
            errors.setdefault(NON_FIELD_ERRORS, []).extend(extra)
        try:
            super().validate_instance(instance, errors, validate_unique)
        except ValidationError as error:
            raise self.by_column(error) from error

    def by_column(self, error):
        """Errors named after the file's columns ("state"), not the model's fields."""
        columns = {field.attribute: field.column_name for field in self.get_import_fields()}
        return ValidationError(
            {columns.get(name, name): messages for name, messages in error.error_dict.items()}
        )

    def save_instance(self, instance, is_create, row, **kwargs):
        try:
            saved = self.create(instance, row)
        except DomainError as error:
            raise ValidationError(error.message) from error
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                raise self.by_column(error) from error
            raise
        instance.pk = saved.pk
        return saved

    def create(self, instance, row):
        raise NotImplementedError

    def after_import(self, dataset, result, **kwargs):
        # ModelResource resets the table's id sequence here, for files that carry ids. Ours never
        # do, and a reset under concurrent inserts (a focal point registering meanwhile) could
        # hand out an id twice.
        if kwargs.get("dry_run") or result.has_errors() or result.has_validation_errors():
            return
        # The planner's statistics of the tables just filled: without them the dashboard took
        # 3 s after a bulk import of delegates (issue #19). Run after commit, so that the sample
        # sees the new rows.
        transaction.on_commit(lambda: refresh_statistics(*self.analysed_models()))

    def analysed_models(self):
        model = self._meta.model
        history = getattr(model, "history", None)
        return [model] + ([history.model] if history is not None else [])


class ExportResource(resources.ModelResource):
    def export_field(self, field, instance, **kwargs):
        # Names and functions typed in the portal stay text in every spreadsheet.
        return spreadsheet_cell(super().export_field(field, instance, **kwargs))
