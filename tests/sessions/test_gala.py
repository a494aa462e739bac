import datetime as dt
import unicodedata
from io import BytesIO

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from sessions import services
from sessions.documents.fonts import register_fonts
from sessions.documents.gala import place_cards_pdf, seating_plan_pdf
from sessions.errors import GalaSeatTaken, NoSuchGalaSeat, NotAGalaDinner, NotEnoughGalaSeats
from sessions.models import GalaAnswer, GalaSeat, GalaTable
from sessions.selectors import (
    DietarySummary,
    attendees_of,
    dietary_summary,
    seating_plan,
    sessions_attended_by,
)
from tests.console import sign_in_to_console
from tests.factories import (
    HANOI,
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

# ễ, ư, ơ and ạ; as printed, given names first.
VIETNAMESE_NAME = "Thị Phương Hạnh Nguyễn"


@pytest.fixture
def gala():
    conference = ConferenceFactory(host_country="VN", lot_letter="A")
    return SessionFactory(
        conference=conference,
        kind="gala_dinner",
        title="Gala dinner",
        starts_at=dt.datetime(2025, 10, 25, 19, 30, tzinfo=HANOI),
        ends_at=dt.datetime(2025, 10, 25, 22, 0, tzinfo=HANOI),
    )


def delegation_of(conference, country, language="en"):
    return DelegationFactory(conference=conference, country=country, language=language)


def head_of(delegation, rank, **fields):
    return member_of(delegation, rank, role="head", **fields)


def member_of(delegation, rank="delegate", role="member", **fields):
    return DelegateFactory(
        delegation=delegation,
        role=role,
        protocol_rank=rank,
        email=f"{delegation.country.code.lower()}.{role}.{rank}@mission.example.org",
        **fields,
    )


def attend(gala, *delegates):
    for delegate in delegates:
        services.answer_gala_dinner(gala, delegate=delegate, attending=True)


def table(gala, number, seats, **fields):
    return GalaTable.objects.create(session=gala, number=number, seats=seats, **fields)


def plan_of(gala):
    return [
        (t.number, seat.seat_number, seat.delegate.delegation.country.code, seat.delegate.role)
        for t in seating_plan(gala)
        for seat in t.seated
    ]


def pdf_text(content):
    reader = PdfReader(BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFC", text), len(reader.pages)


# Answers and their confirmations


def test_answers_are_recorded_and_confirmed_in_the_delegations_language(
    gala, django_capture_on_commit_callbacks
):
    british = head_of(delegation_of(gala.conference, "GB", "en"), "minister")
    french = head_of(delegation_of(gala.conference, "FR", "fr"), "ambassador")

    with django_capture_on_commit_callbacks(execute=True):
        services.answer_gala_dinner(
            gala, delegate=british, attending=True, dietary_needs="  Vegetarian,\n no nuts "
        )
        services.answer_gala_dinner(gala, delegate=french, attending=False)

    answers = {a.delegate_id: a for a in GalaAnswer.objects.filter(session=gala)}
    assert (answers[british.pk].attending, answers[british.pk].dietary_needs) == (
        True,
        "Vegetarian, no nuts",
    )
    assert answers[french.pk].attending is False
    english, french_mail = mail.outbox
    assert (english.to, english.subject) == ([british.email], "Gala dinner: attendance recorded")
    assert (
        'We have recorded that you will attend "Gala dinner" on 25 October 2025, 19:30 '
        "(Asia/Ho_Chi_Minh)." in english.body
    )
    assert (french_mail.to, french_mail.subject) == (
        [french.email],
        "Dîner de gala : absence enregistrée",
    )
    assert "vous ne serez pas présent(e) à « Gala dinner »" in french_mail.body


def test_the_same_answer_twice_sends_nothing_new_and_regrets_free_the_seat(
    gala, django_capture_on_commit_callbacks
):
    guest = head_of(delegation_of(gala.conference, "GB"), "minister")
    table(gala, 1, 4)

    with django_capture_on_commit_callbacks(execute=True):
        services.answer_gala_dinner(gala, delegate=guest, attending=True)
        services.answer_gala_dinner(gala, delegate=guest, attending=True, dietary_needs="Halal")
        services.seat_gala_dinner(gala)
        services.answer_gala_dinner(gala, delegate=guest, attending=False)

    assert [m.subject for m in mail.outbox] == [
        "Gala dinner: attendance recorded",
        "Gala dinner: regrets recorded",
    ]
    answer = GalaAnswer.objects.get(session=gala, delegate=guest)
    assert (answer.attending, answer.dietary_needs) == (False, "")
    assert GalaSeat.objects.filter(session=gala).count() == 0


def test_only_a_gala_dinner_of_the_delegates_conference_takes_answers_and_seats(gala):
    roundtable = SessionFactory(conference=gala.conference, kind="roundtable")
    other_gala = SessionFactory(kind="gala_dinner")
    guest = head_of(delegation_of(gala.conference, "GB"), "minister")

    for session in (roundtable, other_gala):
        with pytest.raises(NotAGalaDinner):
            services.answer_gala_dinner(session, delegate=guest, attending=True)

    with pytest.raises(NotAGalaDinner):
        services.seat_gala_dinner(roundtable)
    assert GalaAnswer.objects.count() == 0
    assert mail.outbox == []


def test_each_change_of_answer_is_confirmed_once(
    gala, django_capture_on_commit_callbacks, time_machine
):
    guest = head_of(delegation_of(gala.conference, "GB"), "minister")
    time_machine.move_to(dt.datetime(2025, 10, 1, 9, 0, tzinfo=HANOI), tick=False)

    with django_capture_on_commit_callbacks(execute=True):
        for attending in (True, True, False, False, True, True):
            services.answer_gala_dinner(gala, delegate=guest, attending=attending)
            time_machine.shift(dt.timedelta(minutes=1))

    assert [m.subject for m in mail.outbox] == [
        "Gala dinner: attendance recorded",
        "Gala dinner: regrets recorded",
        "Gala dinner: attendance recorded",
    ]
    # The time of the present answer is when it was first given, not repeated.
    answer = GalaAnswer.objects.get(session=gala, delegate=guest)
    assert answer.answered_at == dt.datetime(2025, 10, 1, 9, 4, tzinfo=HANOI)


# The personal agenda and notices of change


def test_the_dinner_is_in_the_agenda_of_the_guests_who_accepted(gala, client):
    services.publish_session(gala)
    conference = gala.conference
    accepted = head_of(delegation_of(conference, "GB"), "minister")
    declined = head_of(delegation_of(conference, "FR"), "minister")
    undecided = head_of(delegation_of(conference, "KE"), "minister")
    services.answer_gala_dinner(gala, delegate=accepted, attending=True)
    services.answer_gala_dinner(gala, delegate=declined, attending=False)
    token = services.issue_agenda_link(accepted)

    calendar = Calendar.from_ical(client.get(f"/api/v1/agenda/{token}.ics").content)

    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Gala dinner"]
    assert list(sessions_attended_by(declined)) == []
    assert list(sessions_attended_by(undecided)) == []
    # Seated or not, the guest who accepted hears of a change to the dinner.
    assert attendees_of([gala.pk]) == {gala.pk: {accepted.pk}}


# Seating


def test_the_top_table_seats_the_host_in_the_middle_then_heads_by_precedence_outward(gala):
    conference = gala.conference
    delegations = {
        code: delegation_of(conference, code) for code in ("VN", "BR", "DE", "JP", "KE", "AT")
    }
    heads = {
        "VN": head_of(delegations["VN"], "deputy_head_of_government"),
        "BR": head_of(delegations["BR"], "head_of_state"),
        "DE": head_of(delegations["DE"], "head_of_government"),
        "JP": head_of(delegations["JP"], "minister"),
        # Two ambassadors: the alphabetical order from the letter drawn by lot ("A") decides.
        "KE": head_of(delegations["KE"], "ambassador"),
        "AT": head_of(delegations["AT"], "ambassador"),
    }
    brazilian_minister = member_of(delegations["BR"], "minister")
    attend(gala, *heads.values(), brazilian_minister)
    table(gala, 1, 5, is_top_table=True, name="Head table")
    table(gala, 2, 4)

    services.seat_gala_dinner(gala)

    # Seats run from the host's far left (1) to far right (5): the host in the middle, the
    # principal guest on the right, the next on the left, then outward.
    assert plan_of(gala) == [
        (1, 1, "AT", "head"),
        (1, 2, "DE", "head"),
        (1, 3, "VN", "head"),
        (1, 4, "BR", "head"),
        (1, 5, "JP", "head"),
        # The heads left over come before the members.
        (2, 1, "KE", "head"),
        (2, 2, "BR", "member"),
    ]


def test_top_table_seat_order_goes_outward_from_the_middle():
    assert services.gala.top_table_seat_order(5) == [3, 4, 2, 5, 1]
    assert services.gala.top_table_seat_order(4) == [2, 3, 1, 4]
    assert services.gala.top_table_seat_order(1) == [1]


def test_a_delegation_is_spread_over_the_tables_heads_before_members(gala):
    conference = gala.conference
    brazil, france, kenya = (delegation_of(conference, c) for c in ("BR", "FR", "KE"))
    brazilians = [head_of(brazil, "head_of_state"), member_of(brazil), member_of(brazil)]
    # The French head outranks nobody in the delegation, and is still seated before it.
    french = [member_of(france, "minister"), head_of(france, "ambassador"), member_of(france)]
    kenyan = head_of(kenya, "ambassador")
    attend(gala, *french, kenyan, *brazilians)
    for number in (1, 2, 3):
        table(gala, number, 4)

    services.seat_gala_dinner(gala)

    # Heads by precedence, one to a table; then the members by precedence (the French minister
    # first), each at a table without their own delegation, the emptiest and lowest first.
    assert plan_of(gala) == [
        (1, 1, "BR", "head"),
        (1, 2, "FR", "member"),
        (2, 1, "FR", "head"),
        (2, 2, "BR", "member"),
        (3, 1, "KE", "head"),
        (3, 2, "BR", "member"),
        (3, 3, "FR", "member"),
    ]
    brazilian_tables = GalaSeat.objects.filter(delegate__delegation=brazil).values_list(
        "table__number", flat=True
    )
    assert sorted(brazilian_tables) == [1, 2, 3]
    assert GalaSeat.objects.get(table__number=1, seat_number=2).delegate.protocol_rank == (
        "minister"
    )


def test_two_of_a_delegation_share_a_table_only_when_every_table_has_one(gala):
    conference = gala.conference
    brazil = delegation_of(conference, "BR")
    brazilians = [head_of(brazil, "minister"), member_of(brazil), member_of(brazil)]
    attend(gala, *brazilians, head_of(delegation_of(conference, "KE"), "ambassador"))
    table(gala, 1, 3)
    table(gala, 2, 3)

    services.seat_gala_dinner(gala)

    # The last Brazilian finds a Brazilian at both tables and takes the emptier one.
    assert plan_of(gala) == [
        (1, 1, "BR", "head"),
        (1, 2, "BR", "member"),
        (2, 1, "KE", "head"),
        (2, 2, "BR", "member"),
    ]


def test_the_top_tables_spare_seats_come_after_other_tables_but_before_a_second_colleague(gala):
    conference = gala.conference
    host = head_of(delegation_of(conference, "VN"), "head_of_state")
    kenya = delegation_of(conference, "KE")
    kenyans = [member_of(kenya, "minister"), member_of(kenya), member_of(kenya)]
    attend(gala, host, member_of(host.delegation), *kenyans)
    table(gala, 1, 3, is_top_table=True)
    table(gala, 2, 3)

    services.seat_gala_dinner(gala)

    # The host's colleague and the Kenyan minister go to table 2 rather than the top table; the
    # next Kenyan takes a spare top seat rather than join a colleague; the last cannot avoid it.
    assert plan_of(gala) == [
        (1, 2, "VN", "head"),
        (1, 3, "KE", "member"),
        (2, 1, "VN", "member"),
        (2, 2, "KE", "member"),
        (2, 3, "KE", "member"),
    ]
    assert GalaSeat.objects.get(table__number=2, seat_number=2).delegate == kenyans[0]


def test_too_few_seats_is_refused_and_the_plan_left_as_it_was(gala):
    conference = gala.conference
    guests = [head_of(delegation_of(conference, c), "minister") for c in ("BR", "FR", "KE")]
    attend(gala, *guests)
    table(gala, 1, 3)
    services.seat_gala_dinner(gala)
    before = plan_of(gala)
    attend(gala, head_of(delegation_of(conference, "JP"), "minister"))

    with pytest.raises(NotEnoughGalaSeats) as refused:
        services.seat_gala_dinner(gala)

    assert refused.value.message == (
        "4 guests attend but the tables have 3 seats: add tables or seats first."
    )
    assert plan_of(gala) == before


def test_seating_again_replaces_the_whole_plan(gala):
    conference = gala.conference
    guests = [head_of(delegation_of(conference, c), "minister") for c in ("BR", "FR")]
    attend(gala, *guests)
    first, second = table(gala, 1, 2), table(gala, 2, 2)
    seats = services.seat_gala_dinner(gala)
    services.move_guest(seats[0], table=second, seat_number=2)

    services.seat_gala_dinner(gala)

    assert plan_of(gala) == [(1, 1, "BR", "head"), (2, 1, "FR", "head")]
    assert GalaSeat.objects.filter(session=gala).count() == 2
    assert (first.guests.count(), second.guests.count()) == (1, 1)


def test_move_guest_onto_a_taken_seat_is_refused(gala):
    conference = gala.conference
    brazilian = head_of(delegation_of(conference, "BR"), "head_of_state", title="H.E. Mr")
    french = head_of(delegation_of(conference, "FR"), "minister")
    attend(gala, brazilian, french)
    first = table(gala, 1, 2)
    table(gala, 2, 3)
    services.seat_gala_dinner(gala)
    french_seat = GalaSeat.objects.get(delegate=french)

    with pytest.raises(GalaSeatTaken) as refused:
        services.move_guest(french_seat, table=first, seat_number=1)

    assert refused.value.message == f"Seat 1 at Table 1 is taken by {brazilian.full_name}."
    assert plan_of(gala) == [(1, 1, "BR", "head"), (2, 1, "FR", "head")]


def test_move_guest_to_a_free_seat_and_not_beyond_the_table_or_the_dinner(gala):
    french = head_of(delegation_of(gala.conference, "FR"), "minister")
    attend(gala, french)
    table(gala, 1, 2)
    second = table(gala, 2, 3)
    other_dinners_table = GalaTable.objects.create(
        session=SessionFactory(conference=gala.conference, kind="gala_dinner"), number=1, seats=9
    )
    (seat,) = services.seat_gala_dinner(gala)

    for where, number in ((second, 4), (second, 0), (other_dinners_table, 1)):
        with pytest.raises(NoSuchGalaSeat):
            services.move_guest(seat, table=where, seat_number=number)
    services.move_guest(seat, table=second, seat_number=3)

    assert plan_of(gala) == [(2, 3, "FR", "head")]


# Reads for the console and the caterer


@pytest.mark.parametrize("size", [2, 8])
def test_seating_plan_takes_two_queries_whatever_its_size(gala, size, django_assert_num_queries):
    for number in range(1, size + 1):
        table(gala, number, 2)
    countries = ["BR", "FR", "KE", "JP", "DE", "AT", "CL", "GH"][:size]
    attend(gala, *(head_of(delegation_of(gala.conference, c), "minister") for c in countries))
    services.seat_gala_dinner(gala)

    with django_assert_num_queries(2):
        plan = seating_plan(gala)
        guests = [
            (seat.delegate.full_name, seat.delegate.delegation.kind)
            for t in plan
            for seat in t.seated
        ]

    assert len(guests) == size


def test_dietary_summary_counts_attending_guests_by_need(gala):
    conference = gala.conference
    needs = {"BR": "Vegetarian", "FR": " vegetarian. ", "KE": "Halal", "JP": "", "DE": "Vegan"}
    for code, need in needs.items():
        services.answer_gala_dinner(
            gala,
            delegate=head_of(delegation_of(conference, code), "minister"),
            attending=code != "DE",
            dietary_needs=need,
        )

    assert dietary_summary(gala) == DietarySummary(
        guests=4, needs=[("Vegetarian", 2), ("Halal", 1)]
    )
    for t in seating_plan(gala):
        assert t.seated == []


# Printables


@pytest.fixture
def seated_gala(gala):
    conference = gala.conference
    host = head_of(
        delegation_of(conference, "VN", "vi"),
        "minister_for_foreign_affairs",
        family_name="Nguyễn",
        given_names="Thị Phương Hạnh",
    )
    french = head_of(
        delegation_of(conference, "FR", "fr"),
        "minister",
        family_name="Lefèvre",
        given_names="Élodie",
    )
    member = member_of(french.delegation, family_name="Dupont", given_names="Jean")
    services.answer_gala_dinner(gala, delegate=host, attending=True)
    services.answer_gala_dinner(gala, delegate=french, attending=True, dietary_needs="Vegetarian")
    services.answer_gala_dinner(gala, delegate=member, attending=True)
    table(gala, 1, 3, is_top_table=True)
    table(gala, 2, 6)
    services.seat_gala_dinner(gala)
    return gala


def test_the_font_has_the_glyphs_of_vietnamese_names():
    from reportlab.pdfbase import pdfmetrics

    regular, bold = register_fonts()

    for name in (regular, bold):
        glyphs = pdfmetrics.getFont(name).face.charToGlyph
        assert [c for c in VIETNAMESE_NAME + "ƯƠĐđ" if ord(c) not in glyphs] == []


def test_the_seating_plan_pdf_has_a_section_per_table_with_every_name(seated_gala):
    text, _pages = pdf_text(seating_plan_pdf(seated_gala))

    assert VIETNAMESE_NAME in text
    assert "Élodie Lefèvre" in text
    assert "Jean Dupont" in text
    assert "Table 1, top table" in text
    assert "Table 2" in text
    assert "Vegetarian" in text


def test_place_cards_come_two_to_a_page_with_name_and_delegation(seated_gala):
    text, pages = pdf_text(place_cards_pdf(seated_gala))

    assert pages == 2
    for name in (VIETNAMESE_NAME, "Élodie Lefèvre", "Jean Dupont", "Viet Nam", "France"):
        assert name in text


# The console


@pytest.fixture
def staff(client):
    def login(*permissions):
        user = User.objects.create_user("protocol", password="x", is_staff=True)
        user.user_permissions.set(
            Permission.objects.filter(content_type__app_label="programme", codename__in=permissions)
        )
        return sign_in_to_console(client, user)

    return login


def test_the_printables_need_staff_with_the_view_permission(seated_gala, client, staff):
    urls = [
        reverse(f"admin:programme_galatable_{name}", args=[seated_gala.pk])
        for name in ("seating_plan_pdf", "place_cards_pdf")
    ]

    for url in urls:
        assert client.get(url).status_code == 302
        assert client.get(url)["Location"].startswith(reverse("admin:login"))

    staff()
    assert [client.get(url).status_code for url in urls] == [403, 403]


def test_the_printables_are_pdfs_for_staff_with_the_view_permission(seated_gala, staff):
    client = staff("view_galatable")

    for name, filename in (
        ("seating_plan_pdf", "seating-plan"),
        ("place_cards_pdf", "place-cards"),
    ):
        response = client.get(reverse(f"admin:programme_galatable_{name}", args=[seated_gala.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert f"{seated_gala.slug}-{filename}.pdf" in response["Content-Disposition"]
        assert VIETNAMESE_NAME in pdf_text(response.content)[0]


def test_the_dinner_page_seats_the_guests_only_for_those_who_may_change_seats(seated_gala, staff):
    GalaSeat.objects.all().delete()
    url = reverse("admin:programme_galatable_dinner", args=[seated_gala.pk])
    viewer = staff("view_galatable")

    assert viewer.get(url).status_code == 200
    assert viewer.post(url).status_code == 403
    assert GalaSeat.objects.count() == 0

    User.objects.get(username="protocol").user_permissions.add(
        Permission.objects.get(content_type__app_label="programme", codename="change_galaseat")
    )
    response = viewer.post(url, follow=True)

    assert "3 guests seated." in response.content.decode()
    assert GalaSeat.objects.count() == 3
    assert VIETNAMESE_NAME in response.content.decode()


def test_the_console_refuses_a_move_onto_a_taken_seat_with_a_form_error(seated_gala, admin_client):
    french = GalaSeat.objects.get(delegate__family_name="Lefèvre")
    host = GalaSeat.objects.get(delegate__family_name="Nguyễn")
    url = reverse("admin:programme_galaseat_change", args=[french.pk])

    response = admin_client.post(url, {"table": host.table_id, "seat_number": host.seat_number})

    assert response.status_code == 200
    assert f"is taken by {host.delegate.full_name}" in response.content.decode()
    french.refresh_from_db()
    assert (french.table_id, french.seat_number) != (host.table_id, host.seat_number)


def test_the_console_lists_tables_answers_and_seats(seated_gala, admin_client):
    for name in ("galatable", "galaanswer", "galaseat"):
        response = admin_client.get(reverse(f"admin:programme_{name}_changelist"))
        assert response.status_code == 200
    response = admin_client.get(
        reverse("admin:programme_galaanswer_changelist"), {"dietary": "vegetarian"}
    )
    assert "Élodie Lefèvre" in response.content.decode()
    assert "Jean Dupont" not in response.content.decode()


def test_an_answer_taken_in_the_console_goes_through_the_service(
    gala, admin_client, django_capture_on_commit_callbacks
):
    guest = head_of(delegation_of(gala.conference, "GB"), "minister")
    stranger = head_of(delegation_of(ConferenceFactory(), "DE"), "minister")
    url = reverse("admin:programme_galaanswer_add")

    refused = admin_client.post(
        url, {"session": gala.pk, "delegate": stranger.pk, "attending": "on"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            url,
            {"session": gala.pk, "delegate": guest.pk, "attending": "on", "dietary_needs": "Halal"},
        )

    assert "not a gala dinner of the delegate" in refused.content.decode()
    answer = GalaAnswer.objects.get()
    assert (answer.delegate, answer.attending, answer.dietary_needs) == (guest, True, "Halal")
    assert [m.subject for m in mail.outbox] == ["Gala dinner: attendance recorded"]
