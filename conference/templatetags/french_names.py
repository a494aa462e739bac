"""French grammar for names in sentences (conference/french_names.py):

    Inscription reçue : {{ delegation|fr_name }}  -> Inscription reçue : Union européenne
    d'inviter {{ delegation|fr_le }}      -> d'inviter le Sénégal, d'inviter Cuba
    la délégation {{ delegation|fr_de }}  -> la délégation des Philippines, de l'Inde
    attribué {{ delegation|fr_a }}        -> attribué aux États-Unis d'Amérique, à Cuba

Each filter takes a delegation (or an organisation's name as a string) and prints its name in
French with the article and contraction the name takes.
"""

from django import template

from conference.french_names import french_forms

register = template.Library()


@register.filter
def fr_name(delegation):
    return french_forms(delegation).name


@register.filter
def fr_le(delegation):
    return french_forms(delegation).le


@register.filter
def fr_de(delegation):
    return french_forms(delegation).de


@register.filter
def fr_a(delegation):
    return french_forms(delegation).a
