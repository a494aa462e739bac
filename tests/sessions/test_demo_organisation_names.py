"""The demo's organisations named in the UN's languages and Vietnamese: every United Nations entity,
regional and intergovernmental organisation has its name in Spanish, Russian, Arabic, Chinese and
Vietnamese, except the few we were unsure of (listed here, read in English there); companies,
NGOs, academia and media keep their own names."""

import tomllib

import pytest
from django.utils import translation

from delegations.enums import DelegationKind
from delegations.models import Delegation
from sessions.demo.loader import DATA_DIR, DemoReport, install_organisation_delegation
from tests.factories import ConferenceFactory

LANGUAGES = frozenset({"es", "ru", "ar", "zh-hans", "vi"})
NAMED_KINDS = {
    DelegationKind.UN_ENTITY,
    DelegationKind.REGIONAL_ORGANISATION,
    DelegationKind.INTERGOVERNMENTAL_ORGANISATION,
    DelegationKind.REIO,
}
OWN_NAME_KINDS = {
    DelegationKind.PRIVATE_SECTOR,
    DelegationKind.NGO,
    DelegationKind.ACADEMIA,
    DelegationKind.MEDIA,
}

_EU_AGENCY = "an EU agency: its official names are in the EU's languages; no UN term known to us"
_NO_OFFICIAL = "no official name in these languages known to us"
# The names left out because we were unsure of them (the data file's header says the same).
UNSURE = {
    "UNOOSA": ({"vi"}, "no name in use in Viet Nam known to us"),
    "DPPA": ({"vi"}, "no name in use in Viet Nam known to us"),
    "OICT": ({"vi"}, "no name in use in Viet Nam known to us"),
    "CTED": ({"vi"}, "no name in use in Viet Nam known to us"),
    "UNIDROIT": ({"vi"}, "Vietnamese renderings vary"),
    "OSET": ({"ru", "zh-hans", "vi"}, "the Envoy's office's UN names not known to us"),
    "IDLO": ({"ru", "vi"}, "UN Russian name uncertain; no Vietnamese one known to us"),
    "IOSCO": ({"ar"}, "its Arabic name not known to us"),
    "APG": ({"es", "ar"}, "UN Spanish and Arabic names uncertain"),
    "Egmont": ({"ar", "zh-hans", "vi"}, "UN Arabic spelling and Chinese word order uncertain"),
    "ASEANAPOL": ({"es", "ru", "ar", "zh-hans"}, _NO_OFFICIAL),
    "AFRIPOL": ({"es", "ru", "zh-hans", "vi"}, "only its Arabic (an AU language) known to us"),
    "Europol": ({"ru", "ar", "zh-hans", "vi"}, _EU_AGENCY),
    "Eurojust": ({"ru", "ar", "zh-hans", "vi"}, _EU_AGENCY),
    "ENISA": ({"ru", "ar", "zh-hans", "vi"}, _EU_AGENCY),
    "EPPO": ({"ru", "ar", "zh-hans", "vi"}, _EU_AGENCY),
    "SEGIB": ({"ru", "ar", "zh-hans", "vi"}, "its own name is Spanish; the others uncertain"),
    "GFCE": (set(LANGUAGES), _NO_OFFICIAL),
    "FOSS": (set(LANGUAGES), _NO_OFFICIAL),
}

# The letters of a name in each script, by Unicode block (Arabic, Cyrillic, CJK ideographs).
SCRIPTS = {
    "ar": lambda letter: "\u0600" <= letter <= "\u06ff",
    "ru": lambda letter: "\u0400" <= letter <= "\u04ff",
    "zh-hans": lambda letter: "\u4e00" <= letter <= "\u9fff",
}


def _organisations():
    with (DATA_DIR / "hanoi2025_delegations.toml").open("rb") as data:
        return tomllib.load(data)["organisations"]


def _named():
    return [entry for entry in _organisations() if entry["kind"] in NAMED_KINDS]


def _names(entry):
    return {code: fields["name"] for code, fields in entry.get("translations", {}).items()}


def test_every_un_entity_and_intergovernmental_organisation_is_named_in_each_language():
    missing = {
        entry["acronym"]: LANGUAGES - {code for code, name in _names(entry).items() if name.strip()}
        for entry in _named()
    }

    assert {acronym: langs for acronym, langs in missing.items() if langs} == {
        acronym: langs for acronym, (langs, _reason) in UNSURE.items()
    }


def test_names_are_only_in_the_languages_the_site_reads_them_in():
    # French is added by the loader from conference/french_names.py, never in this file.
    assert {code for entry in _named() for code in _names(entry)} == LANGUAGES


@pytest.mark.parametrize("code", sorted(SCRIPTS))
def test_arabic_russian_and_chinese_names_are_written_in_their_script(code):
    in_script = SCRIPTS[code]
    foreign = {
        entry["acronym"]: name
        for entry in _named()
        if (name := _names(entry).get(code))
        and not all(in_script(letter) for letter in name if letter.isalpha())
    }

    assert foreign == {}


def test_companies_ngos_academia_and_media_keep_their_own_names():
    translated = [
        entry["acronym"]
        for entry in _organisations()
        if entry["kind"] in OWN_NAME_KINDS and "translations" in entry
    ]

    assert translated == []


@pytest.mark.django_db
def test_an_arabic_or_chinese_reader_sees_the_un_name_and_english_where_it_is_left_out():
    conference = ConferenceFactory(languages=["en", "fr", "es", "ar", "ru", "zh", "vi"])
    entries = {entry["acronym"]: entry for entry in _organisations()}
    for acronym in ("UNHCR", "Europol"):
        install_organisation_delegation(conference, entries[acronym], DemoReport(), delegates=False)
    unhcr, europol = (
        Delegation.objects.select_related("conference").get(conference=conference, acronym=acronym)
        for acronym in ("UNHCR", "Europol")
    )

    with translation.override("ar"):
        assert unhcr.display_name == "مفوض الأمم المتحدة السامي لشؤون اللاجئين"
        assert europol.display_name == "European Union Agency for Law Enforcement Cooperation"
    with translation.override("zh-hans"):
        assert unhcr.display_name == "联合国难民事务高级专员"
    with translation.override("es"):
        assert europol.display_name == "Agencia de la Unión Europea para la Cooperación Policial"
