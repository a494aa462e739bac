"""Badges: issued to accredited delegates only, numbered per conference, coloured by the common
scheme, revoked with a reason, reissued under a new number; the PDF and its QR code; the
console's actions."""

import io
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import Permission, User
from django.core import signing
from django.core.files.base import ContentFile
from django.db import connection
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.units import mm

from delegations import services
from delegations.documents.badges import A4_SHEET, A6_PAGE, badge_qr, badges_pdf
from delegations.errors import (
    BadgeAlreadyIssued,
    BadgeAlreadyRevoked,
    NotAccredited,
    RevocationReasonRequired,
)
from delegations.models import Badge
from delegations.qr import badge_id_from_payload, badge_payload
from delegations.services import badges as badges_service
from tests.console import sign_in_to_console
from tests.factories import (
    AccessZoneFactory,
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    OrganisationDelegationFactory,
)

ZONES = {"head_of_delegation": ["plenary", "vip"], "delegate": ["plenary"]}


@pytest.fixture
def conference():
    conference = ConferenceFactory(slug="hanoi2025", badge_zones=ZONES)
    AccessZoneFactory(venue=conference.venue, code="plenary", name="Plenary hall")
    AccessZoneFactory(venue=conference.venue, code="vip", name="VIP lounge")
    return conference


def accredited(conference=None, *, delegation=None, **fields):
    delegation = delegation or DelegationFactory(conference=conference or ConferenceFactory())
    return DelegateFactory(delegation=delegation, accreditation_status="accredited", **fields)


def with_photo(delegate, size=(600, 750)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 90, 60)).save(buffer, format="JPEG")
    delegate.photo.save("photo.jpg", ContentFile(buffer.getvalue()))
    return delegate


# Issuing


@pytest.mark.django_db
def test_issue_badge_numbers_badges_per_conference(conference):
    first = services.issue_badge(accredited(conference))
    second = services.issue_badge(
        accredited(delegation=DelegationFactory(conference=conference, country="DE"))
    )
    elsewhere = services.issue_badge(accredited(ConferenceFactory(slug="geneva2026")))

    assert [first.number, second.number, elsewhere.number] == [
        "HAN-000001",
        "HAN-000002",
        "GEN-000001",
    ]
    assert first.delegate.badge_number == "HAN-000001"
    first.delegate.refresh_from_db()
    assert (first.state, first.delegate.badge_number) == ("active", "HAN-000001")


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_issue_badge_refuses_a_delegate_not_accredited(conference, status):
    delegate = DelegateFactory(
        delegation=DelegationFactory(conference=conference), accreditation_status=status
    )

    with pytest.raises(NotAccredited):
        services.issue_badge(delegate)

    delegate.refresh_from_db()
    assert (Badge.objects.count(), delegate.badge_number) == (0, "")


@pytest.mark.django_db
def test_issue_badge_refuses_a_second_valid_badge(conference):
    delegate = accredited(conference)
    services.issue_badge(delegate)

    with pytest.raises(BadgeAlreadyIssued):
        services.issue_badge(delegate)

    assert list(Badge.objects.values_list("number", flat=True)) == ["HAN-000001"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "country", "category", "colour"),
    [
        ("member_state", "FR", "head_of_delegation", "red"),
        ("member_state", "FR", "delegate", "red"),
        ("member_state", "FR", "security", "red"),
        ("member_state", "VN", "delegate", "red"),
        ("member_state", "VN", "security", "blue"),
        ("member_state", "VN", "support", "blue"),
        ("observer_state", "PS", "head_of_delegation", "green"),
        ("un_entity", "", "delegate", "green"),
        ("intergovernmental_organisation", "", "delegate", "green"),
        ("ngo", "", "delegate", "green"),
        ("academia", "", "delegate", "green"),
        ("media", "", "delegate", "yellow"),
    ],
)
def test_issue_badge_colours_by_kind_and_category(conference, kind, country, category, colour):
    delegation = DelegationFactory(
        conference=conference, kind=kind, country=country, name="" if country else "Agency"
    )

    badge = services.issue_badge(accredited(delegation=delegation, badge_category=category))

    assert (badge.category, badge.colour) == (category, colour)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("category", "zones"),
    [("head_of_delegation", ["plenary", "vip"]), ("delegate", ["plenary"]), ("security", [])],
)
def test_issue_badge_takes_the_zones_of_its_category(conference, category, zones):
    badge = services.issue_badge(accredited(conference, badge_category=category))

    assert badge.zones == zones


# Revoking and reissuing


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ["", "   "])
def test_revoke_badge_requires_a_reason(conference, reason):
    badge = services.issue_badge(accredited(conference))

    with pytest.raises(RevocationReasonRequired):
        services.revoke_badge(badge, reason=reason)

    badge.refresh_from_db()
    assert (badge.state, badge.revoked_at, badge.delegate.badge_number) == (
        "active",
        None,
        "HAN-000001",
    )


@pytest.mark.django_db
def test_revoke_badge_records_the_reason_and_frees_the_delegate(conference):
    badge = services.issue_badge(accredited(conference))

    services.revoke_badge(badge, reason=" Reported lost ")

    badge.refresh_from_db()
    badge.delegate.refresh_from_db()
    assert (badge.state, badge.revocation_reason) == ("revoked", "Reported lost")
    assert badge.revoked_at is not None
    assert badge.delegate.badge_number == ""
    with pytest.raises(BadgeAlreadyRevoked):
        services.revoke_badge(badge, reason="Again")


@pytest.mark.django_db
def test_reissue_badge_revokes_the_old_one_and_never_reuses_a_number(conference):
    delegate = accredited(conference)
    old = services.issue_badge(delegate)

    new = services.reissue_badge(delegate, reason="Name corrected")
    other = services.issue_badge(
        accredited(delegation=DelegationFactory(conference=conference, country="DE"))
    )

    old.refresh_from_db()
    delegate.refresh_from_db()
    assert (old.state, old.revocation_reason) == ("revoked", "Name corrected")
    assert (new.number, new.state, delegate.badge_number) == ("HAN-000002", "active", new.number)
    assert other.number == "HAN-000003"


@pytest.mark.django_db
def test_reissue_badge_refuses_a_delegate_no_longer_accredited(conference):
    delegate = accredited(conference)
    badge = services.issue_badge(delegate)
    delegate.accreditation_status = "rejected"
    delegate.save()

    with pytest.raises(NotAccredited):
        services.reissue_badge(delegate)

    badge.refresh_from_db()
    assert (badge.state, Badge.objects.count()) == ("active", 1)


@pytest.mark.django_db
def test_mark_printed_marks_valid_badges_only(conference):
    printed = services.issue_badge(accredited(conference))
    revoked = services.issue_badge(
        accredited(delegation=DelegationFactory(conference=conference, country="DE"))
    )
    services.revoke_badge(revoked, reason="Withdrawn")

    count = services.mark_printed(Badge.objects.all())

    printed.refresh_from_db()
    revoked.refresh_from_db()
    assert count == 1
    assert printed.printed_at is not None
    assert revoked.printed_at is None
    assert printed.history.count() == 2  # issued, printed: the audit trail sees the printing


# Concurrency


def _issue_all_at_once(delegates):
    start = threading.Event()

    def issue(delegate):
        start.wait()
        try:
            return services.issue_badge(delegate).number
        except Exception as error:  # the negative control records what broke
            return type(error).__name__
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(delegates)) as pool:
        futures = [pool.submit(issue, delegate) for delegate in delegates]
        start.set()
        return [future.result() for future in futures]


def _many_delegates(count):
    conference = ConferenceFactory(slug="hanoi2025")
    return [
        accredited(delegation=DelegationFactory(conference=conference, country=country))
        for country in ["FR", "DE", "IT", "ES", "PT", "BE", "NL", "AT", "PL", "CZ"][:count]
    ]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_give_distinct_consecutive_numbers():
    outcomes = _issue_all_at_once(_many_delegates(10))

    assert sorted(outcomes) == [f"HAN-{n:06d}" for n in range(1, 11)]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_negative_control_without_the_lock_concurrent_issues_collide(monkeypatch):
    monkeypatch.setattr(badges_service, "LOCK_CONFERENCE_ROW", False)
    delegates = _many_delegates(10)

    outcomes = []
    for _ in range(5):  # a race is likely, not certain, in one round
        outcomes = _issue_all_at_once(delegates)
        if "IntegrityError" in outcomes:
            break
        Badge.objects.all().delete()

    assert "IntegrityError" in outcomes, outcomes


# The PDF


def _text(pdf_bytes):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


def _images(pdf_bytes):
    (page,) = PdfReader(io.BytesIO(pdf_bytes)).pages
    return [image.image for image in page.images]


@pytest.mark.django_db
def test_badge_pdf_shows_what_the_door_needs_and_no_private_data(conference):
    delegate = with_photo(
        accredited(
            conference,
            family_name="Dupont",
            given_names="Jean Marie",
            function="Director of legal affairs",
            badge_category="head_of_delegation",
            email="jean.dupont@mission.example.org",
            phone="+33 1 23 45 67 89",
            passport_last4="9876",
            passport_number_encrypted="gAAAAAsecret",
        )
    )
    badge = services.issue_badge(delegate)

    text = _text(badges_pdf([badge]))

    for expected in [
        "DUPONT",
        "Jean Marie",
        "Director of legal affairs",
        "France",
        "HAN-000001",
        "Plenary hall · VIP lounge",
        "HEAD OF DELEGATION",
    ]:
        assert expected in text, expected
    for private in ["9876", "mission.example.org", "23 45", "secret", "Dupont"]:
        assert private not in text, private


@pytest.mark.django_db
def test_badge_pdf_prints_vietnamese_names(conference):
    host = DelegationFactory(conference=conference, country="VN", language="vi")
    badge = services.issue_badge(
        accredited(
            delegation=host,
            family_name="Lương",
            given_names="Tam Quang",
            function="Bộ trưởng Bộ Công an",
            protocol_rank="minister",
        )
    )

    text = _text(badges_pdf([badge]))

    assert "LƯƠNG" in text
    assert "Bộ trưởng Bộ Công an" in text
    assert "Viet Nam" in text


@pytest.mark.django_db
def test_badge_pdf_has_the_photo_scaled_down(conference):
    organisation = OrganisationDelegationFactory(conference=conference)
    badge = services.issue_badge(with_photo(accredited(delegation=organisation), (1200, 1500)))

    (photo,) = _images(badges_pdf([badge]))

    assert photo.size == (236, 295)  # 20 x 25 mm at 300 dpi


@pytest.mark.django_db
def test_badge_pdf_prints_an_empty_frame_when_the_photo_file_is_gone(conference):
    organisation = OrganisationDelegationFactory(conference=conference)
    delegate = with_photo(accredited(delegation=organisation, family_name="Dupont"))
    badge = services.issue_badge(delegate)
    delegate.photo.storage.delete(delegate.photo.name)

    pdf = badges_pdf([badge])

    assert _images(pdf) == []
    assert "DUPONT" in _text(pdf)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "rank", ["head_of_state", "head_of_government", "vice_president", "crown_prince"]
)
def test_badge_pdf_has_no_photo_for_the_exempt_ranks(conference, rank):
    organisation = OrganisationDelegationFactory(conference=conference)
    badge = services.issue_badge(
        with_photo(accredited(delegation=organisation, protocol_rank=rank))
    )

    assert _images(badges_pdf([badge])) == []


@pytest.mark.django_db
def test_badge_pdf_has_the_flag_of_a_state_and_none_for_an_organisation(conference):
    state = services.issue_badge(accredited(conference, protocol_rank="head_of_state"))
    organisation = services.issue_badge(
        accredited(
            delegation=OrganisationDelegationFactory(conference=conference),
            protocol_rank="head_of_state",
        )
    )

    (flag,) = _images(badges_pdf([state]))

    assert flag.size == (16, 11)  # django-countries' flag of France
    assert _images(badges_pdf([organisation])) == []


def _qr_matrix_in_pdf(pdf_bytes):
    """The QR code as drawn: the dark modules of the page's form, one rectangle per run."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    (page,) = reader.pages
    forms = [
        xobject.get_object()
        for name, xobject in page["/Resources"]["/XObject"].items()
        if xobject.get_object()["/Subtype"] == "/Form" and "badgeqr" in name
    ]
    (form,) = forms
    size = int(form["/BBox"][2])
    dark = set()
    for operands, operator in ContentStream(form, reader).operations:
        if operator == b"re":
            x, y, width, _height = (int(value) for value in operands)
            dark.update((size - 1 - y, column) for column in range(x, x + width))
    return [bytes(int((row, column) in dark) for column in range(size)) for row in range(size)]


@pytest.mark.django_db
def test_badge_qr_code_carries_the_signed_badge_id_only(conference):
    badge = services.issue_badge(accredited(conference, family_name="Dupont"))

    drawn = _qr_matrix_in_pdf(badges_pdf([badge]))
    payload = badge_payload(badge)

    assert drawn == [bytes(row) for row in badge_qr(badge).matrix]
    assert badge_qr(badge) == badge_qr(badge)  # the same payload, the same code
    assert badge_id_from_payload(payload) == badge.pk
    assert payload.split(":")[0] == str(badge.pk)
    assert "Dupont" not in payload
    assert "DUPONT" not in payload
    with pytest.raises(signing.BadSignature):
        badge_id_from_payload(f"{badge.pk + 1}:{payload.split(':', 1)[1]}")


@pytest.mark.django_db
def test_badges_print_one_per_card_or_eight_per_sheet(conference):
    delegations = [
        DelegationFactory(conference=conference, country=country)
        for country in ["FR", "DE", "IT", "ES", "PT", "BE", "NL", "AT", "PL"]
    ]
    badges = [services.issue_badge(accredited(delegation=d)) for d in delegations]

    cards = PdfReader(io.BytesIO(badges_pdf(badges))).pages
    a6 = PdfReader(io.BytesIO(badges_pdf(badges[:1], layout=A6_PAGE))).pages
    sheets = PdfReader(io.BytesIO(badges_pdf(badges, layout=A4_SHEET))).pages

    assert len(cards) == 9
    assert [round(float(value) / mm, 1) for value in cards[0].mediabox[2:]] == [85.6, 54.0]
    assert [round(float(value) / mm) for value in a6[0].mediabox[2:]] == [148, 105]
    assert len(sheets) == 2
    assert "HAN-000008" in sheets[0].extract_text()
    assert "HAN-000009" in sheets[1].extract_text()


# The console


def staff(client, *codenames):
    user = User.objects.create_user("accreditation", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    sign_in_to_console(client, user)
    return user


def _two_badges(conference):
    first = services.issue_badge(accredited(conference, family_name="Dupont"))
    second = services.issue_badge(
        accredited(
            delegation=DelegationFactory(conference=conference, country="DE"),
            family_name="Schmidt",
        )
    )
    return first, second


BADGES = "/admin/delegations/badge/"


@pytest.mark.django_db
def test_badge_list_shows_number_delegate_delegation_colour_and_state(client, conference):
    _two_badges(conference)
    staff(client, "view_badge")

    page = client.get(BADGES).content.decode()
    found = client.get(BADGES, {"q": "Schmidt"}).content.decode()

    for expected in ["HAN-000001", "HAN-000002", "Dupont", "France", "Red", "Active"]:
        assert expected in page, expected
    assert "HAN-000002" in found
    assert "HAN-000001" not in found


@pytest.mark.django_db
def test_print_action_returns_the_pdf_and_marks_the_badges_printed(client, conference):
    first, second = _two_badges(conference)
    services.revoke_badge(second, reason="Withdrawn")
    staff(client, "view_badge", "print_badge")

    response = client.post(
        BADGES, {"action": "print_id1", "_selected_action": [first.pk, second.pk]}
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    assert "HAN-000001" in text
    assert "HAN-000002" not in text
    assert first.printed_at is not None
    assert second.printed_at is None


@pytest.mark.django_db
def test_print_action_needs_the_print_permission(client, conference):
    first, _second = _two_badges(conference)
    staff(client, "view_badge", "change_badge")  # revoking is not printing

    response = client.post(BADGES, {"action": "print_id1", "_selected_action": [first.pk]})

    first.refresh_from_db()
    assert response["Content-Type"].startswith("text/html")
    assert first.printed_at is None


@pytest.mark.django_db
def test_revoke_action_asks_the_reason_then_revokes(client, conference):
    first, second = _two_badges(conference)
    staff(client, "view_badge", "change_badge")

    action = client.post(
        BADGES, {"action": "revoke_selected", "_selected_action": [first.pk, second.pk]}
    )
    form = client.get(action["Location"])
    without_reason = client.post(action["Location"], {"reason": "  "})
    first.refresh_from_db()
    still_active = first.state
    done = client.post(action["Location"], {"reason": "Delegation withdrawn"})

    assert action.status_code == 302
    assert "HAN-000001" in form.content.decode()
    assert "HAN-000002" in form.content.decode()
    assert without_reason.status_code == 200
    assert still_active == "active"
    assert done.status_code == 302
    assert list(Badge.objects.values_list("state", "revocation_reason")) == [
        ("revoked", "Delegation withdrawn"),
        ("revoked", "Delegation withdrawn"),
    ]


@pytest.mark.django_db
def test_revoke_page_needs_the_change_permission(client, conference):
    first, _second = _two_badges(conference)
    staff(client, "view_badge")

    response = client.post(f"{BADGES}revoke/?ids={first.pk}", {"reason": "Lost"})

    first.refresh_from_db()
    assert response.status_code == 403
    assert first.state == "active"


@pytest.mark.django_db
def test_badges_cannot_be_added_or_edited_by_hand(client, conference):
    first, _second = _two_badges(conference)
    staff(client, "view_badge", "add_badge", "change_badge")

    add = client.get(f"{BADGES}add/")
    client.post(f"{BADGES}{first.pk}/change/", {"state": "revoked", "number": "X-1"})

    first.refresh_from_db()
    assert add.status_code == 403
    assert (first.state, first.number) == ("active", "HAN-000001")


@pytest.mark.django_db
def test_issue_badges_action_issues_to_accredited_delegates_only(client, conference):
    holder = accredited(conference)
    services.issue_badge(holder)
    newcomer = accredited(delegation=DelegationFactory(conference=conference, country="DE"))
    pending = DelegateFactory(delegation=DelegationFactory(conference=conference, country="IT"))
    staff(client, "view_delegate", "change_delegate", "add_badge")

    response = client.post(
        "/admin/delegations/delegate/",
        {"action": "issue_badges", "_selected_action": [holder.pk, newcomer.pk, pending.pk]},
        follow=True,
    )

    messages = [str(message) for message in response.context["messages"]]
    assert sorted(Badge.objects.values_list("delegate", "number")) == [
        (holder.pk, "HAN-000001"),
        (newcomer.pk, "HAN-000002"),
    ]
    assert "Issued 1 badges; 1 delegates already held a valid one." in messages
    assert any("Only an accredited delegate receives a badge." in m for m in messages)


@pytest.mark.django_db
def test_issue_badges_action_needs_the_permission_to_add_badges(client, conference):
    delegate = accredited(conference)
    staff(client, "view_delegate", "change_delegate")

    client.post(
        "/admin/delegations/delegate/",
        {"action": "issue_badges", "_selected_action": [delegate.pk]},
    )

    assert Badge.objects.count() == 0


@pytest.mark.django_db
def test_refusing_an_accredited_delegate_revokes_the_badge():
    delegate = DelegateFactory(delegation__status="registered")
    services.accredit_delegate(delegate)
    badge = services.issue_badge(delegate)

    services.reject_delegate(delegate, reason="Withdrawn by the mission.")

    badge.refresh_from_db()
    assert badge.state == "revoked"
    assert badge.revocation_reason == "Withdrawn by the mission."


def test_exhibitor_staff_wear_blue_whatever_their_organisation():
    assert badges_service.badge_colour("private_sector", "exhibitor") == "blue"
    assert badges_service.badge_colour("un_entity", "exhibitor") == "blue"
    assert badges_service.badge_colour("un_entity", "delegate") == "green"
