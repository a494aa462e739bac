"""The demo against the facts: reads the facts file (kept beside the demo's data, a copy of the
shared one) and the demo's data files, and checks that the demo tells the day as reported."""

import re
import tomllib
from datetime import datetime, timedelta
from pathlib import Path

from django_countries import countries

from conference.models import Signature
from sessions.demo import protocol
from sessions.demo.loader import DATA_DIR, STATE_HEAD_FUNCTIONS

FACTS = (DATA_DIR / "hanoi-2025-facts.md").read_text(encoding="utf-8")
# The same text with its lines joined, for facts that a line break cuts.
PROSE = " ".join(FACTS.split())
# The shared original beside the project (../shared), or beside its worktrees (../../shared).
SHARED_FACTS = [
    folder / "shared" / "data" / "hanoi-2025-facts.md"
    for folder in Path(__file__).resolve().parents[3:5]
]
PROGRAMME = tomllib.loads((DATA_DIR / "hanoi2025.toml").read_text(encoding="utf-8"))
DELEGATIONS = tomllib.loads((DATA_DIR / "hanoi2025_delegations.toml").read_text(encoding="utf-8"))
SESSIONS = {entry["slug"]: entry for entry in PROGRAMME["sessions"]}

# The facts file's short names for States whose English names differ in django-countries.
SHORT_NAMES = {
    "Czechia": "CZ",
    "DPR Korea": "KP",
    "DR Congo": "CD",
    "Iran": "IR",
    "Venezuela": "VE",
    "United Kingdom": "GB",
    "Russian Federation": "RU",
    "Viet Nam": "VN",
    "Lao People's Democratic Republic": "LA",
    "United Republic of Tanzania": "TZ",
    "State of Palestine": "PS",
    "Türkiye": "TR",
}


def _code(name):
    return SHORT_NAMES.get(name) or countries.by_name(name)


def _clock(entry, key):
    return datetime.combine(entry["day"], entry[key])


def test_the_facts_file_is_the_shared_one_with_the_demos_sources_after_it():
    for shared in SHARED_FACTS:  # on the organisers' machines; not in CI
        if shared.exists():
            assert FACTS.startswith(shared.read_text(encoding="utf-8"))


def _signatories():
    return [
        *(entry for entry in DELEGATIONS["states"] if "signed_on" in entry),
        *(entry for entry in DELEGATIONS["organisations"] if "signed_on" in entry),
    ]


def _in_hanoi(signatories):
    return [entry for entry in signatories if entry.get("signed_at") != "headquarters"]


def test_every_signatory_the_record_counts_signs_in_the_demo():
    """The facts' named signatories, and as many Hanoi signatures as the Treaty Collection
    counts; a later signature at Headquarters is in the register beside them, and the register
    says that it does not follow those after it."""
    named = re.search(r"Signed on 25 Oct, among others: (.+?)\. - ", PROSE).group(1)
    total = int(re.search(r"Signatories by the end of 26 Oct: (\d+)", FACTS).group(1))
    signatories = _signatories()
    in_hanoi = {entry.get("code") or entry["name"] for entry in _in_hanoi(signatories)}
    at_headquarters = [e for e in signatories if e.get("signed_at") == "headquarters"]

    expected = {name if name == "European Union" else _code(name) for name in named.split(", ")}
    assert "" not in expected
    assert expected <= in_hanoi
    assert len(in_hanoi) == len(_in_hanoi(signatories)) == total
    assert [entry["code"] for entry in at_headquarters] == ["MU"]
    assert all(entry["signed_on"] > datetime(2025, 10, 26).date() for entry in at_headquarters)
    convention = PROGRAMME["convention"]
    assert convention["register_is_partial"] is True
    assert f"holds all {total}" in convention["register_note"]
    assert "Mauritius at Headquarters" in convention["register_note"]


def test_the_seven_signatories_found_late_and_the_days_are_those_of_the_sources():
    """The facts' sources name the seven signatories the Treaty Collection's excerpt did not
    reach, and the signatures of 26 October; the demo's data follows them."""
    seven = re.search(r"other source read named: (.+?), all on 25 Oct 2025", PROSE).group(1)
    next_day = re.search(r"Signed on 26 Oct 2025: (.+?)\. Signed at", PROSE).group(1)
    by_code = {entry.get("code"): entry for entry in _signatories()}

    codes = {_code(name) for name in re.split(r", and |, | and ", seven)}
    assert codes == {"KZ", "NR", "PW", "PG", "PS", "TR", "UZ"}
    assert all(by_code[code]["signed_on"].isoformat() == "2025-10-25" for code in codes)
    assert {_code(name) for name in re.split(r", and |, | and ", next_day)} == {
        code for code, entry in by_code.items() if entry["signed_on"].isoformat() == "2025-10-26"
    }


def test_every_signature_has_its_source_and_an_unknown_day_is_said_so():
    """Each of the demo's signatures names where it is reported; the facts' African list is
    signed, and only the States whose day the facts call uncertain are marked not verified."""
    signatories = _signatories()
    undated = {entry["code"] for entry in signatories if entry.get("signed_day_verified") is False}
    uncertain = re.search(r"day \*uncertain\* \(25 or 26 October\): (.+?)\. ", PROSE).group(1)
    african = re.search(r"the 21 African signatories are (.+?) \(the day", PROSE).group(1)

    assert all(entry.get("signature_source") for entry in signatories)
    source_length = Signature._meta.get_field("source").max_length
    assert all(len(entry["signature_source"]) <= source_length for entry in signatories)
    assert {entry["signed_on"].isoformat() for entry in _in_hanoi(signatories)} == {
        "2025-10-25",
        "2025-10-26",
    }
    assert {_code(name) for name in re.split(r", and |, | and ", african)} <= {
        entry.get("code") for entry in signatories
    }
    assert undated == {_code(name) for name in re.split(r", and |, | and ", uncertain)}
    assert undated == {"UG", "ZW"}
    assert not undated & {"VN", "ZA", "TH", "MV", "PH", "QA", "UY", "PE", "LA", "MY", "SA"}
    assert f"For {len(undated)} of the" in PROGRAMME["convention"]["register_note"]


def test_the_host_signs_first_by_its_minister_of_public_security():
    reported = re.search(r"Viet Nam first \(Minister of Public Security (.+?)\)", PROSE)
    given, family = reported.group(1).rsplit(" ", 2)[1:], reported.group(1).split()[0]
    (viet_nam,) = [entry for entry in DELEGATIONS["states"] if entry["code"] == "VN"]
    (signatory,) = [
        person
        for person in viet_nam["people"]
        if f"{person['family_name']} {person['given_names']}" == viet_nam["signatory"]
    ]

    assert (signatory["family_name"], signatory["given_names"].split()) == (family.upper(), given)
    assert signatory["function"].startswith("Minister of Public Security")
    # The President hosts the banquet as the head of delegation; he does not sign.
    (head,) = [person for person in viet_nam["people"] if person["role"] == "head"]
    assert (head["given_names"], head["family_name"]) == ("Cuong", "LUONG")
    assert "President Luong Cuong" in FACTS


def test_no_invented_person_holds_an_office_one_real_person_holds():
    unique_offices = ("President", "Prime Minister", "Minister for Foreign Affairs", "Head of the")
    assert not any(
        function.startswith(unique_offices) for function in STATE_HEAD_FUNCTIONS.values()
    )
    assert all("fictional" in function for function in STATE_HEAD_FUNCTIONS.values())


def test_the_principals_of_the_day_are_named_as_reported():
    people = {
        f"{person['given_names']} {person['family_name'].title()}": person
        for entry in DELEGATIONS["states"] + DELEGATIONS["organisations"]
        for person in entry.get("people", [])
    }

    for name in ("António Guterres", "Ghada Waly", "Minh Chinh Pham", "Thanh Son Bui"):
        assert people[name].get("principal_order"), name
    assert "Secretary-General António Guterres" in FACTS
    assert "Executive Director Ghada Waly" in FACTS


def test_the_opening_the_ceremony_and_the_signatures_keep_the_days_times():
    opening = re.search(r"opening at (\d\d:\d\d) on the 25th", FACTS).group(1)
    ceremony = SESSIONS["signing-ceremony"]

    assert SESSIONS["opening"]["start"].strftime("%H:%M") == opening
    assert _clock(ceremony, "start") >= _clock(SESSIONS["opening"], "end")
    # The signatures of the ceremony's day, two minutes each, fit in the ceremony.
    of_the_day = [
        entry
        for entry in _signatories()
        if entry["signed_on"] == ceremony["day"] and entry.get("signed_day_verified", True)
    ]
    last = _clock(ceremony, "start") + timedelta(
        minutes=protocol.MINUTES_PER_SIGNATURE * (len(of_the_day) - 1)
    )
    assert last < _clock(ceremony, "end")


def test_side_events_take_the_reported_slots_of_sixty_minutes_and_say_they_are_illustrative():
    slots = re.search(r"side events in\s+three slots \(([^;]+);", FACTS).group(1)
    starts = {slot.split("-")[0] for slot in slots.split(", ")}
    minutes = int(re.search(r"(\d+) min \+ 15 min\s+changeover", FACTS).group(1))
    side_events = [entry for entry in PROGRAMME["sessions"] if entry["kind"] == "side_event"]

    assert {entry["start"].strftime("%H:%M") for entry in side_events} == starts
    assert {
        (_clock(entry, "end") - _clock(entry, "start")) // timedelta(minutes=1)
        for entry in side_events
    } == {minutes}
    assert all(entry["illustrative"] for entry in side_events)


def test_the_roundtables_are_where_and_when_the_facts_say():
    reported = re.findall(
        r'- "([^"]+)": (\d\d) Oct (\d\d:\d\d)-(\d\d:\d\d), (?:room )?(R\d+)',
        PROSE,
    )
    by_title = {entry["title"]: entry for entry in PROGRAMME["sessions"]}

    assert len(reported) == 3
    for title, day, start, end, room in reported:
        entry = by_title[title]
        assert (
            entry["day"].day,
            entry["start"].strftime("%H:%M"),
            entry["end"].strftime("%H:%M"),
            entry["room"],
        ) == (int(day), start, end, room)


def test_the_general_debate_holds_the_reported_statements_over_both_days():
    statements = int(re.search(r"(\d+) statements over the two days", FACTS).group(1))
    sittings = [e for e in PROGRAMME["sessions"] if e["kind"] == "general_debate"]

    assert (
        statements
        == protocol.SPEAKING_STATES + protocol.SPEAKING_ORGANISATIONS + protocol.SPEAKING_COMPANIES
    )
    assert {entry["day"].day for entry in sittings} == {25, 26}
    assert "by States, organisations and companies" in FACTS


def test_every_translated_demo_session_has_its_spanish_and_russian_title():
    translated = [entry for entry in PROGRAMME["sessions"] if "fr" in entry.get("translations", {})]

    assert translated
    for entry in translated:
        assert entry["translations"]["es"]["title"], entry["slug"]
        assert entry["translations"]["ru"]["title"], entry["slug"]
        if "description" in entry["translations"]["fr"]:
            assert entry["translations"]["es"]["description"], entry["slug"]
            assert entry["translations"]["ru"]["description"], entry["slug"]


def test_the_signing_ceremony_names_the_convention_by_its_un_titles():
    titles = SESSIONS["signing-ceremony"]["translations"]

    assert "Convención de las Naciones Unidas contra la Ciberdelincuencia" in titles["es"]["title"]
    assert (
        "Конвенции Организации Объединенных Наций против киберпреступности" in titles["ru"]["title"]
    )
