"""Integer parameters bounded before they reach the database.

PostgreSQL keeps ids in 64-bit integers and refuses a larger number; SQLite, the embedded
default, raises `OverflowError` deep in the driver, which would answer 500. Both databases then
answer the same way when every integer a user types (a filter of the API, an id in a path) is
checked against the 64-bit range first: a filter answers 400 with the API's error body, a path
that no id can match answers 404 (`conference.converters`).
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django_filters.rest_framework import DjangoFilterBackend

# The range of PostgreSQL's bigint, the widest integer column of the project.
DATABASE_INTEGER_MIN = -(2**63)
DATABASE_INTEGER_MAX = 2**63 - 1
NUMBER_FIELDS = (forms.IntegerField, forms.DecimalField, forms.FloatField)


class BoundedFilterBackend(DjangoFilterBackend):
    """django-filter's backend, with every number filter of every view held to the database's
    integer range, so that a 20-digit `?delegation=` is a 400, not a crash of the driver."""

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        if filterset is not None:
            for field in filterset.form.fields.values():
                # A filter that states its own bounds (an id filter) keeps them alone.
                if isinstance(field, NUMBER_FIELDS) and getattr(field, "max_value", None) is None:
                    field.validators.append(MinValueValidator(DATABASE_INTEGER_MIN))
                    field.validators.append(MaxValueValidator(DATABASE_INTEGER_MAX))
        return filterset
