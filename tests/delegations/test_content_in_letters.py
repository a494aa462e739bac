"""Letters name the conference in the recipient's language (its translations, else the
conference's languages in order), and an organisation by the French name and article the
organisers gave it, where the fixed list of UN names has none."""

import pytest
from django.core import mail
from django.utils import translation

from conference.french_names import french_forms
from delegations.services import invite_delegations
from tests.factories import ConferenceFactory, DelegationFactory, OrganisationDelegationFactory

pytestmark = pytest.mark.django_db

FRENCH_NAME = "Cérémonie de signature de la Convention des Nations Unies contre la cybercriminalité"
FORUM = "Organisation mondiale du cyberespace"  # invented: not in the fixed list of UN names


@pytest.fixture
def conference():
    return ConferenceFactory(
        name="Signing ceremony of the United Nations Convention against Cybercrime",
        languages=["en", "fr"],
        translations={"fr": {"name": FRENCH_NAME}, "es": {"name": "Ceremonia de firma"}},
    )


@pytest.fixture
def forum(conference):
    return OrganisationDelegationFactory(
        conference=conference,
        name="World Cyberspace Organization",
        acronym="WCO2",
        language="fr",
        translations={"fr": {"name": FORUM, "article": "l'"}, "es": {"name": "Organización"}},
    )


def test_the_french_invitation_names_the_conference_and_the_organisation_in_french(
    django_capture_on_commit_callbacks, conference, forum
):
    with django_capture_on_commit_callbacks(execute=True):
        invite_delegations(conference, delegations=[forum])

    (letter,) = mail.outbox
    assert letter.subject == f"Invitation : {FRENCH_NAME}"
    assert f"d'inviter l'{FORUM} à la conférence « {FRENCH_NAME} »" in letter.body
    assert FRENCH_NAME in letter.alternatives[0][0]
    conference.refresh_from_db()
    assert conference.name.startswith("Signing ceremony")  # the row is left as typed


def test_a_batch_in_french_names_each_organisation_with_its_own_article(
    django_capture_on_commit_callbacks, conference, forum
):
    league = OrganisationDelegationFactory(
        conference=conference,
        name="Global Cyber League",
        acronym="GCL",
        language="fr",
        translations={"fr": {"name": "Ligue mondiale cyber", "article": "la"}},
    )
    listed = OrganisationDelegationFactory(
        conference=conference, name="African Union", acronym="AU", language="fr"
    )

    with django_capture_on_commit_callbacks(execute=True):
        invite_delegations(conference, delegations=[forum, league, listed])

    bodies = "\n".join(message.body for message in mail.outbox)
    assert f"d'inviter l'{FORUM} à la conférence" in bodies
    assert "d'inviter la Ligue mondiale cyber à la conférence" in bodies
    assert "d'inviter l'Union africaine à la conférence" in bodies  # the fixed list


def test_the_arabic_invitation_writes_the_city_and_venue_in_arabic(
    django_capture_on_commit_callbacks,
):
    conference = ConferenceFactory(
        city="Hanoi", languages=["en", "ar"], translations={"ar": {"city": "هانوي"}}
    )
    conference.venue.name = "National Convention Center"
    conference.venue.translations = {"ar": {"name": "المركز الوطني للمؤتمرات"}}
    conference.venue.save()
    egypt = DelegationFactory(conference=conference, country="EG", language="ar")
    with django_capture_on_commit_callbacks(execute=True):
        invite_delegations(conference, delegations=[egypt])

    (letter,) = mail.outbox
    # Where it is held, and the time its deadline is given in ("توقيت هانوي، UTC+7").
    assert "يُعقد في هانوي في المركز الوطني للمؤتمرات" in letter.body
    assert "توقيت هانوي، UTC+7" in letter.body
    assert "Hanoi" not in letter.body
    assert "National Convention Center" not in letter.body


def test_an_english_letter_keeps_the_english_names(django_capture_on_commit_callbacks, conference):
    state = DelegationFactory(conference=conference, country="GB", language="en")

    with django_capture_on_commit_callbacks(execute=True):
        invite_delegations(conference, delegations=[state])

    assert mail.outbox[0].subject == f"Invitation: {conference.name}"


def test_an_organisations_french_forms_fall_back_to_the_fixed_list_then_english(conference):
    listed = OrganisationDelegationFactory(conference=conference, name="African Union")
    unknown = OrganisationDelegationFactory(conference=conference, name="Cyber Peace Institute")

    assert french_forms(listed).de == "de l'Union africaine"
    assert french_forms(unknown).le == "Cyber Peace Institute"


def test_the_display_name_is_in_the_active_language(forum):
    with translation.override("es"):
        assert forum.display_name == "Organización"
    with translation.override("ru"):
        assert forum.display_name == "World Cyberspace Organization"


VENUE = {
    "ar": "المركز الوطني للمؤتمرات",
    "zh-hans": "国家会议中心",
    "fr": "Centre national des congrès",
}


def test_each_invitation_names_the_venue_in_its_recipients_language(
    django_capture_on_commit_callbacks, conference
):
    conference.venue.name = "National Convention Center"
    conference.venue.translations = {code: {"name": name} for code, name in VENUE.items()}
    conference.venue.save()
    conference.translations = {"ar": {"city": "هانوي"}, "zh-hans": {"city": "河内"}}
    conference.save()
    readers = {
        language: DelegationFactory(conference=conference, country=country, language=language)
        for language, country in (("ar", "EG"), ("zh-hans", "CN"), ("fr", "FR"), ("ru", "RU"))
    }

    with django_capture_on_commit_callbacks(execute=True):
        invite_delegations(conference, delegations=list(readers.values()))

    by_address = {message.to[0]: message.body for message in mail.outbox}
    bodies = {language: by_address[d.focal_point_email] for language, d in readers.items()}
    assert f"يُعقد في هانوي في {VENUE['ar']} في الفترة" in bodies["ar"]
    assert f"在河内的{VENUE['zh-hans']}举行" in bodies["zh-hans"]
    # The times' label names the city as the reader's language writes it.
    assert "هانوي" in bodies["ar"].split("الأوقات مبيّنة حسب", 1)[1]
    assert f"au {VENUE['fr']}, du" in bodies["fr"]
    # No Russian name: English (the name as typed) comes first in the conference's languages.
    assert "место проведения: National Convention Center," in bodies["ru"]
