"""A liaison officer's morning, in a real browser: sign in with the app's code (one step), open
the day of the arrivals, find the minister's flight and its protocol, open the delegation;
another officer's delegation is not there."""

import pytest

from tests.console import authenticator, code_of
from tests.delegations.arrivals.support import PASSWORD, hanoi, officer_of, traveller
from tests.factories import ConferenceFactory, DelegationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_liaison_officer_finds_the_flight_of_their_delegation(open_page, live_server, screenshot):
    conference = ConferenceFactory()
    mine = DelegationFactory(conference=conference, country="FR")
    theirs = DelegationFactory(conference=conference, country="DE")
    traveller(
        mine,
        rank="minister",
        family_name="DUPONT",
        arrives_at=hanoi(24, 9, 40),
        flight="AF198",
        hotel="Sofitel Legend Metropole",
    )
    traveller(theirs, family_name="SCHMIDT", arrives_at=hanoi(24, 10), flight="LH782")
    officer = officer_of(conference, mine, email="lan@host.example.vn")
    device = authenticator(officer.user)
    officer_of(conference, theirs, email="other@host.example.vn", name="Other")
    page = open_page(locale="en-GB")

    page.goto(f"{live_server.url}/liaison/")
    page.get_by_label("E-mail address").fill("lan@host.example.vn")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code shown by the app").fill(code_of(device))  # one step, as the console
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Friday 24 October 2025").click()
    screenshot(page, "day")

    row = page.get_by_role("row").filter(has_text="AF198")
    assert row.get_by_role("cell").first.inner_text() == "09:40"
    assert "A Vice-Minister of the host Government" in row.inner_text()
    assert "Sofitel Legend Metropole" in row.inner_text()
    assert page.get_by_text("LH782").count() == 0

    row.get_by_role("link", name="France").click()
    assert page.get_by_role("heading", level=1).inner_text() == "France"
    assert "Alex DUPONT" in page.get_by_role("table").inner_text()
    screenshot(page, "delegation")

    missing = page.goto(f"{live_server.url}/liaison/delegations/{theirs.pk}/")
    assert missing.status == 404
