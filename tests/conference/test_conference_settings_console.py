"""A conference's settings in the console are typed as an organiser reads them: badges and zones
one field per badge category, in the reader's words, the languages and reminders as short lists;
never the JSON they are kept in. Bad input is refused beside its field and nothing changes."""

import pytest
from django.urls import reverse

from tests.console import change_form_data
from tests.factories import AccessZoneFactory, ConferenceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference():
    conference = ConferenceFactory(
        delegation_quotas={"head_of_delegation": 1, "delegate": 5},
        badge_zones={"delegate": ["plenary"], "media": ["press"]},
        languages=["en", "fr"],
        reminder_days=[14, 7, 2],
    )
    for code, name in (("plenary", "Plenary hall"), ("press", "Press centre")):
        AccessZoneFactory(venue=conference.venue, code=code, name=name)
    return conference


def _url(conference):
    return reverse("admin:conference_conference_change", args=[conference.pk])


def test_the_settings_are_fields_in_the_readers_words_not_json(admin_client, conference):
    page = admin_client.get(_url(conference), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    for raw in ("delegation_quotas", "badge_zones", 'name="languages"', "reminder_days"):
        assert raw not in page
    assert "Badges par délégation : Chef de délégation" in page
    assert 'name="zones_delegate" value="plenary"' in page
    assert 'value="en, fr"' in page
    assert 'value="14, 7, 2"' in page


def test_an_organiser_changes_the_quotas_zones_languages_and_reminders(admin_client, conference):
    data = change_form_data(
        admin_client,
        _url(conference),
        quota_delegate="3",
        quota_head_of_delegation="",
        zones_delegate=["plenary", "press"],
        languages_typed="fr, EN, vi, fr",
        reminders_typed="7، 14",  # an Arabic comma
    )

    response = admin_client.post(_url(conference), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    conference.refresh_from_db()
    assert conference.delegation_quotas == {"delegate": 3}  # a category left empty: no limit
    assert conference.badge_zones["delegate"] == ["plenary", "press"]
    assert conference.badge_zones["media"] == ["press"]
    assert conference.languages == ["fr", "en", "vi"]
    assert conference.reminder_days == [14, 7]


def test_bad_settings_are_refused_beside_their_fields_and_nothing_changes(admin_client, conference):
    data = change_form_data(
        admin_client,
        _url(conference),
        quota_delegate="-1",
        languages_typed=" , ",
        reminders_typed="7, soon",
    )

    response = admin_client.post(_url(conference), data)

    errors = response.context["adminform"].form.errors
    assert set(errors) == {"quota_delegate", "languages_typed", "reminders_typed"}
    assert errors["reminders_typed"] == [
        "Type whole numbers of days, separated by commas, for example: 14, 7, 2"
    ]
    conference.refresh_from_db()
    assert conference.delegation_quotas == {"head_of_delegation": 1, "delegate": 5}
    assert conference.reminder_days == [14, 7, 2]
