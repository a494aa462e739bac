"""French names in sentences: the article of each UN short name, contracted after "de" and
"à" ("du Sénégal", "aux États-Unis d'Amérique", "à Cuba")."""

import pytest
from django.template import Context, Template
from django_countries import countries

from conference.french_names import ORGANISATIONS, STATE_ARTICLES, forms_of, french_forms
from delegations.enums import DelegationKind
from delegations.models import Delegation


def _state(code):
    return Delegation(kind=DelegationKind.MEMBER_STATE, country=code)


def _organisation(name):
    return Delegation(kind=DelegationKind.INTERGOVERNMENTAL_ORGANISATION, name=name)


def test_every_country_has_its_french_article():
    assert sorted(set(dict(countries)) - set(STATE_ARTICLES)) == []


@pytest.mark.parametrize(
    ("code", "le", "de", "a"),
    [
        ("SN", "le Sénégal", "du Sénégal", "au Sénégal"),
        ("FR", "la France", "de la France", "à la France"),
        ("IN", "l'Inde", "de l'Inde", "à l'Inde"),
        ("PH", "les Philippines", "des Philippines", "aux Philippines"),
        (
            "US",
            "les États-Unis d'Amérique",
            "des États-Unis d'Amérique",
            "aux États-Unis d'Amérique",
        ),
        ("CU", "Cuba", "de Cuba", "à Cuba"),
        ("CY", "Chypre", "de Chypre", "à Chypre"),
        ("IL", "Israël", "d'Israël", "à Israël"),
        ("MG", "Madagascar", "de Madagascar", "à Madagascar"),
        ("MC", "Monaco", "de Monaco", "à Monaco"),
        ("HT", "Haïti", "d'Haïti", "à Haïti"),
        ("VN", "le Viet Nam", "du Viet Nam", "au Viet Nam"),
        (
            "NL",
            "les Pays-Bas (Royaume des)",
            "des Pays-Bas (Royaume des)",
            "aux Pays-Bas (Royaume des)",
        ),
        ("BY", "le Bélarus", "du Bélarus", "au Bélarus"),
        ("SB", "les Îles Salomon", "des Îles Salomon", "aux Îles Salomon"),
        ("SV", "El Salvador", "d'El Salvador", "à El Salvador"),
    ],
)
def test_a_state_takes_the_article_of_its_un_short_name(code, le, de, a):
    forms = french_forms(_state(code))

    assert (forms.le, forms.de, forms.a) == (le, de, a)


@pytest.mark.parametrize(
    ("name", "le", "de"),
    [
        ("European Union", "l'Union européenne", "de l'Union européenne"),
        ("Council of Europe", "le Conseil de l'Europe", "du Conseil de l'Europe"),
        (
            "United Nations Office on Drugs and Crime",
            "l'Office des Nations Unies contre la drogue et le crime",
            "de l'Office des Nations Unies contre la drogue et le crime",
        ),
        ("League of Arab States", "la Ligue des États arabes", "de la Ligue des États arabes"),
        # Not listed: a proper name, as written.
        ("Amnesty International", "Amnesty International", "d'Amnesty International"),
        ("Google", "Google", "de Google"),
    ],
)
def test_an_organisation_takes_its_un_french_name_or_its_own(name, le, de):
    forms = french_forms(_organisation(name))

    assert (forms.le, forms.de) == (le, de)
    assert french_forms(name) == forms


def test_the_organisations_articles_are_french_articles():
    assert {article for article, _name in ORGANISATIONS.values()} <= {"le", "la", "l'", "les"}


def test_an_unknown_article_is_refused():
    with pytest.raises(ValueError, match="Unknown French article"):
        forms_of("Sénégal", "el")


def test_the_template_filters_print_the_forms():
    template = Template(
        "{% load french_names %}d'inviter {{ d|fr_le }}, la délégation {{ d|fr_de }}, "
        "attribué {{ d|fr_a }}, {{ d|fr_name }}"
    )

    text = template.render(Context({"d": _state("PH")}))

    assert text == (
        "d'inviter les Philippines, la délégation des Philippines, attribué aux Philippines, "
        "Philippines"
    )
