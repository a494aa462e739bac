"""The speakers' list by the person who takes the floor: substitution, right of reply, opening
statements, geographic balance, the running order with expected and actual times."""

import pytest
import time_machine

from sessions import services
from sessions.errors import (
    NotAGeneralDebate,
    ReplyAlreadyRequested,
    SessionTimesInvalid,
    SpeakerNotInDelegation,
)
from sessions.models import Session
from sessions.selectors import running_order, speakers_list
from tests.factories import DelegateFactory, DelegationFactory, SessionFactory
from tests.sessions.speakers import at, inscribe

pytestmark = pytest.mark.django_db


def delegation_with(conference, country, *ranks):
    """A delegation whose first rank is its head's, the others its members'."""
    delegation = DelegationFactory(conference=conference, country=country)
    people = [
        DelegateFactory(
            delegation=delegation, role="head" if index == 0 else "member", protocol_rank=rank
        )
        for index, rank in enumerate(ranks)
    ]
    return delegation, people


def test_a_delegation_is_ranked_by_its_speaker_not_its_head_nor_its_best_ranked_member(debate):
    # A Head of State leads France, but a delegate takes the floor.
    france, (_president, delegate) = delegation_with(debate, "FR", "head_of_state", "delegate")
    # A Vice-President is in Chile's delegation, but its head, an ambassador, speaks.
    chile, _people = delegation_with(debate, "CL", "ambassador", "vice_president")
    germany, _people = delegation_with(debate, "DE", "minister")
    with time_machine.travel(at(1, 9)):
        by_delegate = services.request_to_speak(france, speaker=delegate)
    with time_machine.travel(at(1, 10)):
        by_ambassador = services.request_to_speak(chile)
    with time_machine.travel(at(1, 11)):
        by_minister = services.request_to_speak(germany)

    assert (by_ambassador.speaker.protocol_rank, by_ambassador.level) == (
        "ambassador",
        "ambassador",
    )
    assert speakers_list(debate) == [by_minister, by_ambassador, by_delegate]


def test_a_speaker_from_another_delegation_is_refused(debate):
    france, _people = delegation_with(debate, "FR", "minister")
    _chile, (chilean,) = delegation_with(debate, "CL", "head_of_state")

    with pytest.raises(SpeakerNotInDelegation):
        services.request_to_speak(france, speaker=chilean)

    assert speakers_list(debate) == []


def test_a_lower_level_substitute_re_ranks_the_delegation_a_higher_one_does_not(debate):
    france, (_minister, ambassador, president) = delegation_with(
        debate, "FR", "minister", "ambassador", "head_of_state"
    )
    germany, _people = delegation_with(debate, "DE", "minister")
    brazil, _people = delegation_with(debate, "BR", "ambassador")
    with time_machine.travel(at(1, 9)):
        french = services.request_to_speak(france)
    with time_machine.travel(at(1, 10)):
        german = services.request_to_speak(germany)
    with time_machine.travel(at(1, 11)):
        brazilian = services.request_to_speak(brazil)
    assert speakers_list(debate) == [french, german, brazilian]

    with time_machine.travel(at(2, 9)):
        after = services.substitute_speaker(french, speaker=ambassador)

    # At the ambassadors' level, after Brazil, who was there before.
    assert after == [german, brazilian, french]
    french.refresh_from_db()
    assert (french.speaker, french.level) == (ambassador, "ambassador")

    with time_machine.travel(at(3, 9)):
        again = services.substitute_speaker(french, speaker=president)

    assert again == [german, brazilian, french]  # nobody moves up by substituting
    french.refresh_from_db()
    assert (french.speaker.protocol_rank, french.level) == ("head_of_state", "ambassador")


def test_on_a_frozen_list_a_lower_substitute_goes_to_the_end_of_its_level(debate):
    france, (_minister, ambassador) = delegation_with(debate, "FR", "minister", "ambassador")
    first = services.request_to_speak(france)
    second = inscribe(debate, "DE", "minister", at(1, 10))
    third = inscribe(debate, "BR", "ambassador", at(1, 11))
    fourth = inscribe(debate, "JP", "delegate", at(1, 12))
    services.move_speaker(second, to_position=1)  # frozen: [second, first, third, fourth]

    order = services.substitute_speaker(first, speaker=ambassador)

    assert order == [second, third, first, fourth]


def test_a_substitute_from_another_delegation_is_refused(debate):
    entry = inscribe(debate, "FR", "minister", at(1, 9))
    _chile, (chilean,) = delegation_with(debate, "CL", "delegate")

    with pytest.raises(SpeakerNotInDelegation):
        services.substitute_speaker(entry, speaker=chilean)

    entry.refresh_from_db()
    assert entry.level == "minister"


def test_rights_of_reply_close_the_sitting_in_order_of_request_with_their_own_time(debate):
    debate.speaking_minutes_reply = 2
    debate.save()
    sitting = Session.objects.get(conference=debate, slug="debate-25")  # 14:00-14:12
    france = inscribe(debate, "FR", "minister", at(1, 9))
    germany = inscribe(debate, "DE", "minister", at(1, 10))
    with time_machine.travel(at(25, 14, 3)):
        first_reply = services.request_right_of_reply(sitting, delegation=germany.delegation)
    with time_machine.travel(at(25, 14, 4)):
        second_reply = services.request_right_of_reply(sitting, delegation=france.delegation)

    order = [
        (s.kind, s.entry, s.minutes, s.expected_at)
        for s in running_order(debate)
        if s.sitting is not None and s.sitting.pk == sitting.pk
    ]

    # Two replies of two minutes leave 14:00-14:08 for the list: France only, then the replies.
    assert order == [
        ("list", france, 5, at(25, 14, 0)),
        ("reply", first_reply, 2, at(25, 14, 5)),
        ("reply", second_reply, 2, at(25, 14, 7)),
    ]
    with pytest.raises(ReplyAlreadyRequested):
        services.request_right_of_reply(sitting, delegation=germany.delegation)


def test_a_right_of_reply_is_asked_only_in_a_sitting_of_the_debate(debate):
    roundtable = SessionFactory(conference=debate, kind="roundtable")
    france = inscribe(debate, "FR", "minister", at(1, 9))

    with pytest.raises(NotAGeneralDebate):
        services.request_right_of_reply(roundtable, delegation=france.delegation)


def test_the_chairs_and_principals_open_the_sitting_before_the_list(debate):
    sitting = Session.objects.get(conference=debate, slug="debate-26")  # 09:00-09:30
    services.add_session_person(
        sitting,
        role="chair",
        name="Co-chair",
        function="Deputy Prime Minister",
        position=1,
        statement_minutes=5,
    )
    services.add_session_person(
        sitting, role="speaker", name="Prime Minister", position=2, statement_minutes=10
    )
    services.add_session_person(sitting, role="chair", name="Silent co-chair", position=3)
    entries = [
        inscribe(debate, c, "minister", at(1, 9 + i)) for i, c in enumerate(["FR", "DE", "JP"])
    ]

    order = [(s.kind, s.expected_at) for s in running_order(debate)]

    assert order == [
        ("list", at(25, 14, 0)),
        ("list", at(25, 14, 5)),
        ("opening", at(26, 9, 0)),
        ("opening", at(26, 9, 5)),
        ("list", at(26, 9, 15)),
    ]
    assert [s.entry for s in running_order(debate) if s.kind == "list"] == entries


def test_within_a_level_speakers_alternate_between_regional_groups_when_asked(debate):
    france = inscribe(debate, "FR", "minister", at(1, 9))  # Western European and Others
    germany = inscribe(debate, "DE", "minister", at(1, 10))  # Western European and Others
    kenya = inscribe(debate, "KE", "minister", at(1, 11))  # African
    senegal = inscribe(debate, "SN", "minister", at(1, 12))  # African
    chile = inscribe(debate, "CL", "ambassador", at(1, 8))  # another level

    assert speakers_list(debate) == [france, germany, kenya, senegal, chile]
    debate.regional_balance = True
    debate.save()
    assert speakers_list(debate) == [france, kenya, germany, senegal, chile]


def test_the_actual_times_are_recorded_for_the_chair(debate):
    entry = inscribe(debate, "FR", "minister", at(1, 9))

    with pytest.raises(SessionTimesInvalid):
        services.record_statement_times(entry, started_at=at(25, 14, 2), ended_at=at(25, 14, 1))
    services.record_statement_times(entry, started_at=at(25, 14, 2), ended_at=at(25, 14, 8))

    (statement,) = [s for s in running_order(debate) if s.kind == "list"]
    assert (statement.expected_at, statement.started_at, statement.ended_at) == (
        at(25, 14, 0),
        at(25, 14, 2),
        at(25, 14, 8),
    )


def test_the_chairs_running_order_is_published_with_openings_and_replies(client, debate):
    debate.slug = "hanoi2025"
    debate.save()
    sitting = Session.objects.get(conference=debate, slug="debate-25")
    services.add_session_person(
        sitting, role="chair", name="Co-chair", function="Executive Director", statement_minutes=2
    )
    france = inscribe(debate, "FR", "minister", at(1, 9))
    services.request_right_of_reply(sitting, delegation=france.delegation)

    rows = client.get("/api/v1/conferences/hanoi2025/speakers/running-order/").json()

    assert [(r["kind"], r["order"], r["delegation"], r["expected_at"]) for r in rows] == [
        ("opening", None, "Opening statement", "2025-10-25T14:00:00+07:00"),
        ("list", 1, "France", "2025-10-25T14:02:00+07:00"),
        ("reply", None, "France", "2025-10-25T14:07:00+07:00"),
    ]
