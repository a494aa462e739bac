import datetime as dt
import tomllib
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.test import override_settings
from django.utils import translation

from conference.models import Conference, Room
from delegations.enums import DelegateRole, DelegationKind
from delegations.models import Delegate, Delegation, OutboundMessage
from sessions.demo.loader import DATA_DIR
from sessions.enums import SessionKind, SessionState
from sessions.models import (
    FullPowersState,
    GalaAnswer,
    GalaSeat,
    GalaTable,
    Inscription,
    Place,
    Session,
    SessionPerson,
    SideEventApplication,
    Signatory,
)
from sessions.models.signing import SIGNS_WITHOUT_FULL_POWERS
from sessions.selectors import expected_times, seating_plan, sessions_attended_by

pytestmark = pytest.mark.django_db


def _load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue().strip().splitlines()[0]  # hanoi2025's; the rehearsal's follow


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Conference,
            Room,
            Session,
            SessionPerson,
            Delegation,
            Delegate,
            Inscription,
            Signatory,
            GalaAnswer,
            GalaTable,
            GalaSeat,
            Place,
            OutboundMessage,
        )
    }


@pytest.fixture(scope="module")
def hanoi(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for this module inside a transaction rolled back at its end; its
    full powers are uploaded to a folder of its own, never the project's."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        _load()
        yield Conference.objects.get(slug="hanoi2025")
        transaction.set_rollback(True)


def test_load_demo_installs_the_hanoi_conference(hanoi):
    assert hanoi.name == (
        "Signing Ceremony and High-Level Conference of the UN Convention against Cybercrime"
    )
    assert (hanoi.start_date, hanoi.end_date) == (dt.date(2025, 10, 25), dt.date(2025, 10, 26))
    assert hanoi.timezone == "Asia/Ho_Chi_Minh"
    assert hanoi.venue.name == "National Convention Center"
    assert {"Main Hall", "R339", "R313", "Banquet Hall", "Exhibition Hall"} <= set(
        hanoi.venue.rooms.values_list("name", flat=True)
    )
    assert hanoi.venue.rooms.get(name="Main Hall").capacity == 3500
    zones = set(hanoi.venue.access_zones.values_list("code", flat=True))
    assert hanoi.badge_zones["exhibitor"] == ["exhibition"]
    assert all(set(codes) <= zones for codes in hanoi.badge_zones.values())


def test_load_demo_holds_the_programme_as_announced(hanoi):
    published = Session.objects.filter(conference=hanoi, state=SessionState.PUBLISHED)
    by_kind = {kind: published.filter(kind=kind).count() for kind in SessionKind.values}

    assert by_kind["opening"] == 1
    assert by_kind["signing_ceremony"] == 1
    assert by_kind["closing"] == 1
    assert by_kind["gala_dinner"] == 1
    assert by_kind["high_level_debate"] == 4
    assert by_kind["roundtable"] == 3
    assert by_kind["exhibition"] >= 1
    assert by_kind["side_event"] >= 3
    assert by_kind["press_conference"] >= 2
    days = {
        s.starts_at.astimezone(hanoi.tzinfo).date() for s in published.filter(kind="general_debate")
    }
    assert days == {dt.date(2025, 10, 25), dt.date(2025, 10, 26)}
    fourth = Session.objects.get(conference=hanoi, slug="roundtable-4")
    assert fourth.state == SessionState.DRAFT


def test_load_demo_places_the_roundtables_as_reported(hanoi):
    roundtables = Session.objects.filter(conference=hanoi, kind="roundtable").published()
    found = {
        (s.title[:40], s.room.name, s.starts_at.astimezone(hanoi.tzinfo).strftime("%d %H:%M"))
        for s in roundtables
    }

    assert found == {
        ("Safeguarding Citizens in the Digital Tra", "R339", "25 14:30"),
        ("Fostering International Cooperation in P", "R339", "26 11:15"),
        ("The UN Convention against Cybercrime: A ", "R313", "26 14:00"),
    }


def test_load_demo_invites_states_and_organisations(hanoi):
    states = Delegation.objects.filter(conference=hanoi, kind__in=DelegationKind.states())
    organisations = Delegation.objects.filter(conference=hanoi).exclude(
        kind__in=DelegationKind.states()
    )
    with open(DATA_DIR / "hanoi2025_delegations.toml", "rb") as data:
        signatories = {s["code"] for s in tomllib.load(data)["states"] if s.get("signed_on")}

    assert states.count() >= 110
    assert organisations.count() >= 150
    assert signatories <= set(states.values_list("country", flat=True))
    assert {"VN", "FR", "GB", "CN", "RU"} <= signatories
    assert organisations.filter(acronym__in=["UNODC", "INTERPOL", "EU"]).count() == 3


def test_load_demo_people_are_fictional_with_example_addresses(hanoi):
    delegations = Delegation.objects.filter(conference=hanoi)
    delegates = Delegate.objects.filter(delegation__conference=hanoi)
    # The public figures of the day, named as reported, have no address of ours.
    named = delegations.filter(Q(country="VN") | Q(acronym__in=["UNSG", "UNODC"]))
    generated = delegates.exclude(delegation__in=named)

    assert all(
        email.endswith("example.org")
        for email in delegations.values_list("focal_point_email", flat=True)
    )
    assert all(email.endswith("example.org") for email in generated.values_list("email", flat=True))
    assert set(delegates.filter(delegation__in=named).values_list("email", flat=True)) == {""}
    # Every delegation has exactly one head of delegation, and a few delegates besides.
    assert delegates.filter(role=DelegateRole.HEAD).count() == delegations.count()
    assert generated.count() >= 2 * (delegations.count() - named.count())
    assert delegates.get(delegation__country="VN", role="head").protocol_rank == "head_of_state"


def test_load_demo_twice_changes_nothing(hanoi):
    before = _counts()

    last_line = _load()

    assert _counts() == before
    assert last_line.startswith("Demo conference hanoi2025 installed: ")
    assert last_line.endswith("(created by this run: nothing).")


def test_load_demo_records_the_signatures_found_with_their_sources(hanoi):
    """The Treaty Collection's 72 of Hanoi, each with its source, and one later signature at
    Headquarters; 2 whose day the sources do not give are stored on the opening's first day and
    marked, and the register says it all."""
    signatures = hanoi.convention.signatures.all()
    in_hanoi = signatures.filter(place=hanoi.convention.opening_place)

    assert hanoi.convention.short_title.startswith("United Nations Convention against Cybercrime")
    assert in_hanoi.count() == 72
    assert list(
        signatures.exclude(place=hanoi.convention.opening_place).values_list(
            "country", "signed_on", "place"
        )
    ) == [("MU", dt.date(2025, 11, 19), hanoi.convention.headquarters_place)]
    assert signatures.filter(organisation="European Union").count() == 1
    # Art. 64(2): the Union signs as one of its member States has, the same day.
    members = hanoi.convention.regional_organisation_members["European Union"]
    assert len(members) == 27
    assert signatures.filter(country__in=members).count() == 13
    next_day = in_hanoi.filter(signed_on=dt.date(2025, 10, 26))
    assert set(next_day.values_list("country", flat=True)) == {"ML", "RW", "SA"}
    assert signatures.filter(country="VN", day_is_verified=True).exists()
    assert not signatures.filter(source="").exists()
    undated = set(signatures.filter(day_is_verified=False).values_list("country", flat=True))
    assert undated == {"UG", "ZW"}
    assert hanoi.convention.register_is_partial
    assert "all 72" in hanoi.convention.register_note


def test_load_demo_links_the_principals_in_the_programme_to_their_delegates(hanoi):
    """The President, the Secretary-General and the others named in the programme are the
    delegates of the same name: their sessions are in their own agendas, shown once."""
    # The programme as announced; the illustrative side events name invented people.
    named = SessionPerson.objects.filter(
        session__conference=hanoi, session__is_illustrative=False, is_organisation=False
    )
    president = Delegate.objects.get(
        delegation__conference=hanoi, family_name="LUONG", given_names="Cuong"
    )
    guterres = Delegate.objects.get(delegation__conference=hanoi, family_name="GUTERRES")

    assert not named.filter(delegate__isnull=True).exists()
    assert {"opening", "welcome-family-photo", "state-banquet"} <= set(
        sessions_attended_by(president).values_list("slug", flat=True)
    )
    assert "opening" in set(sessions_attended_by(guterres).values_list("slug", flat=True))


def test_load_demo_holds_71_statements_over_both_days(hanoi):
    schedule = expected_times(hanoi)

    assert len(schedule) == 71
    assert {entry.delegation.kind for entry, _time in schedule} >= {
        DelegationKind.MEMBER_STATE,
        DelegationKind.UN_ENTITY,
        DelegationKind.PRIVATE_SECTOR,
    }
    assert not any(entry.delegation.country == "VN" for entry, _time in schedule)
    # After the co-chairs' and the Prime Minister's opening statements (25 minutes); everyone
    # is heard within the sittings, on both days.
    times = [time.astimezone(hanoi.tzinfo) for _entry, time in schedule]
    assert times[0] == dt.datetime(2025, 10, 25, 14, 25, tzinfo=hanoi.tzinfo)
    assert {time.date() for time in times} == {dt.date(2025, 10, 25), dt.date(2025, 10, 26)}


def test_load_demo_orders_the_signing_of_the_states_whose_signatures_are_recorded(hanoi):
    signed = set(
        hanoi.convention.signatures.filter(place=hanoi.convention.opening_place)
        .exclude(country="")
        .values_list("country", flat=True)
    )
    signed.add("EU")
    slotted = list(
        Signatory.objects.filter(conference=hanoi, slot__isnull=False)
        .select_related("delegation")
        .order_by("slot")
    )

    assert [s.slot for s in slotted] == list(range(1, 73))
    assert {s.delegation.country.code or s.delegation.acronym for s in slotted} == signed
    # Viet Nam first, its Minister of Public Security signing.
    assert (slotted[0].delegation.country.code, slotted[0].delegate.function) == (
        "VN",
        "Minister of Public Security of Viet Nam",
    )
    # Nobody invented holds an office that signs without full powers.
    assert {s.full_powers_state for s in slotted} == {FullPowersState.APPROVED}
    assert all(s.original_received_at for s in slotted)
    assert all(
        (s.full_powers_state == FullPowersState.NOT_REQUIRED)
        == (s.delegate.protocol_rank in SIGNS_WITHOUT_FULL_POWERS)
        for s in slotted
    )
    # Three States that did not sign on 25 October wait on their full powers, without a slot.
    waiting = Signatory.objects.filter(conference=hanoi, slot__isnull=True)
    assert sorted(waiting.values_list("full_powers_state", flat=True)) == [
        FullPowersState.MISSING,
        FullPowersState.PENDING,
        FullPowersState.REJECTED,
    ]
    signed_anywhere = set(hanoi.convention.signatures.values_list("country", flat=True))
    assert not signed_anywhere & {s.delegation.country.code for s in waiting}
    # The ceremony of 25 October: the slotted signatories of that day signed, by slot from its
    # 10:15 start, two minutes apart or less so that all fit before 12:30; those of 26 October
    # and those whose day the sources do not give keep their slot but get no minute; the
    # Convention still holds each signature once.
    not_at_ceremony = set(
        hanoi.convention.signatures.filter(
            Q(day_is_verified=False) | Q(signed_on=dt.date(2025, 10, 26))
        ).values_list("country", flat=True)
    )
    unsigned = {s.delegation.country.code for s in slotted if s.signed_at is None}
    assert unsigned == not_at_ceremony == {"ML", "RW", "SA", "UG", "ZW"}
    times = {
        s.slot: s.signed_at.astimezone(hanoi.tzinfo) for s in slotted if s.signed_at is not None
    }
    assert len(times) == 72 - 5
    assert times[1] == dt.datetime(2025, 10, 25, 10, 15, tzinfo=hanoi.tzinfo)
    step = times[2] - times[1]
    assert dt.timedelta(minutes=1, seconds=30) < step <= dt.timedelta(minutes=2)
    assert all(times[slot] == times[1] + step * (slot - 1) for slot in times)
    assert max(times.values()) < dt.datetime(2025, 10, 25, 12, 30, tzinfo=hanoi.tzinfo)
    assert hanoi.convention.signatures.count() == 73


def test_load_demo_seats_the_state_banquet_with_the_host_in_the_middle(hanoi):
    banquet = Session.objects.get(conference=hanoi, slug="state-banquet")
    answers = GalaAnswer.objects.filter(session=banquet)
    tables = seating_plan(banquet)
    top = tables[0]

    assert answers.filter(attending=False).exists()
    assert all(a.delegate.role == DelegateRole.HEAD or a.delegate.principal_order for a in answers)
    seated = [seat.delegate_id for table in tables for seat in table.seated]
    assert sorted(seated) == sorted(
        answers.filter(attending=True).values_list("delegate_id", flat=True)
    )
    assert all(len(table.seated) <= table.seats for table in tables)
    assert top.is_top_table
    middle = next(seat for seat in top.seated if seat.seat_number == (top.seats + 1) // 2)
    assert middle.delegate.delegation.country == "VN"
    # The Secretary-General on the host's right, the Executive Director of UNODC on the left.
    beside = {seat.seat_number: seat.delegate.family_name for seat in top.seated}
    assert (beside[middle.seat_number + 1], beside[middle.seat_number - 1]) == ("GUTERRES", "WALY")


def test_load_demo_books_the_roundtables_one_of_them_with_a_wait_list(hanoi):
    places = Place.objects.filter(session__conference=hanoi)
    booked = {
        session.slug: (
            places.filter(session=session, state="confirmed").count(),
            sorted(
                places.filter(session=session, state="waitlisted").values_list(
                    "waitlist_number", flat=True
                )
            ),
        )
        for session in Session.objects.filter(conference=hanoi, kind="roundtable").published()
    }

    assert booked == {
        "roundtable-1": (40, [1, 2, 3, 4]),
        "roundtable-2": (30, []),
        "roundtable-3": (36, []),
    }


def test_load_demo_holds_invented_side_event_applications_decided_on_the_slot_grid(hanoi, client):
    applications = SideEventApplication.objects.filter(conference=hanoi).select_related(
        "slot", "room", "session"
    )
    by_state = {
        state: sorted(a.title.split(": ", 1)[1] for a in applications if a.state == state)
        for state in ("accepted", "submitted", "refused")
    }
    accepted = [a for a in applications if a.state == "accepted"]
    feed = client.get("/api/v1/conferences/hanoi2025/schedule/").json()
    in_feed = {
        session["title"]: session
        for day in feed["days"]
        for session in day["sessions"]
        if session["kind"] == "side_event"
    }

    assert by_state == {
        "accepted": [
            "Electronic evidence across the Pacific",
            "Mekong cooperation against online scam compounds",
            "Technical assistance for implementing the Convention",
        ],
        "submitted": ["Children's safety online in South-East Asia"],
        "refused": ["Ransomware negotiations and the law"],
    }
    # Invented, and saying so in the data and wherever they are shown.
    assert all(a.is_illustrative and a.title.startswith("Illustrative") for a in applications)
    for application in accepted:
        session = application.session
        assert (session.starts_at, session.room) == (application.slot.starts_at, application.room)
        assert application.slot.rooms.filter(pk=application.room_id).exists()
        entry = in_feed[application.title]
        assert entry["illustrative"] is True
        assert [p["name"] for p in entry["organisers"]] == application.organiser_names
    # No room of a slot holds two events: the grid's own sessions and the accepted ones.
    for application in accepted:
        clash = Session.objects.published().overlapping(
            room=application.room_id,
            starts_at=application.session.starts_at,
            ends_at=application.session.ends_at,
        )
        assert list(clash) == [application.session]
    assert in_feed["Illustrative side event: Technical assistance for implementing the Convention"][
        "languages"
    ] == ["ar", "zh", "en", "es", "fr", "ru"]


SEVEN = ["ar", "zh-hans", "en", "es", "fr", "ru", "vi"]


def test_load_demo_names_the_conference_its_rooms_and_venue_in_seven_languages(hanoi):
    names = {code: hanoi.localized_name(code) for code in SEVEN}
    assert len(set(names.values())) == 7  # each its own, none fallen back to English
    assert "Convention des Nations Unies contre la cybercriminalité" in names["fr"]
    assert "联合国打击网络犯罪公约" in names["zh-hans"]
    hall = hanoi.venue.rooms.get(name="Main Hall")
    assert {code: hall.localized_name(code) for code in SEVEN} == {
        "ar": "القاعة الرئيسية",
        "zh-hans": "主会场",
        "en": "Main Hall",
        "es": "Sala principal",
        "fr": "Salle principale",
        "ru": "Главный зал",
        "vi": "Hội trường chính",
    }
    assert {code: hanoi.localized_venue_name(code) for code in SEVEN} == {
        "ar": "المركز الوطني للمؤتمرات",
        "zh-hans": "国家会议中心",
        "en": "National Convention Center",
        "es": "Centro Nacional de Convenciones",
        "fr": "Centre national des congrès",
        "ru": "Национальный конференц-центр",
        "vi": "Trung tâm Hội nghị Quốc gia",
    }


def test_load_demo_says_in_every_language_that_the_rehearsal_is_not_real(hanoi):
    rehearsal = Conference.objects.get(slug="rehearsal")

    assert rehearsal.localized_name("fr").startswith(
        "Répétition (à titre d'illustration, pas un événement réel) : Cérémonie de signature"
    )
    assert rehearsal.localized_name("vi").startswith("Diễn tập (minh họa")
    assert hanoi.localized_name("ru") in rehearsal.localized_name("ru")


def test_load_demo_gives_the_organisations_their_un_french_names(hanoi):
    unodc = Delegation.objects.get(conference=hanoi, acronym="UNODC")

    assert unodc.translations["fr"] == {
        "name": "Office des Nations Unies contre la drogue et le crime",
        "article": "l'",
    }
    with translation.override("ar"):
        assert unodc.display_name == "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"
    with translation.override("zh-hans"):
        assert unodc.display_name == "联合国毒品和犯罪问题办公室"
    assert hanoi.convention.localized_title("es").startswith(
        "Convención de las Naciones Unidas contra la Ciberdelincuencia; Fortalecimiento"
    )
    assert hanoi.convention.localized_title("fr").startswith(
        "Convention des Nations Unies contre la cybercriminalité ; Renforcement"
    )
    # No Arabic full title was found: the English one, never another language's.
    assert hanoi.convention.localized_title("ar") == hanoi.convention.title
