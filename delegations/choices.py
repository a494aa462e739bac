"""Delegations offered in pickers: only those a rule allows, by display name in the reader's
language (not by category and ISO code, the database's order)."""

import unicodedata

from django import forms
from django.forms.models import ModelChoiceIterator

from delegations.enums import DelegationKind
from delegations.models import Delegation

# The media cover the conference: they neither take the floor nor meet delegations bilaterally.
NOT_ON_THE_FLOOR = [DelegationKind.MEDIA]


def delegations_on_the_floor(conference):
    """The delegations that may ask for a bilateral meeting or to speak: all but the media."""
    return Delegation.objects.filter(conference=conference).exclude(kind__in=NOT_ON_THE_FLOOR)


def name_key(name: str) -> str:
    """A sort key that files "Émirats" with the E and "Việt Nam" with the V, ignoring case."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


class _ByDisplayName(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        # display_name is a country's name in the active language, or the organisation's name.
        for delegation in sorted(self.queryset, key=lambda d: name_key(d.display_name)):
            yield self.choice(delegation)


class DelegationChoiceField(forms.ModelChoiceField):
    """A delegation picker listed by display name in the reader's language."""

    iterator = _ByDisplayName
