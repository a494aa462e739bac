import pytest

from sessions import services
from sessions.errors import AlreadyInscribed, NotInscribed
from sessions.selectors import expected_times, speakers_list
from tests.sessions.speakers import at, inscribe

pytestmark = pytest.mark.django_db


def test_the_list_orders_by_precedence_then_time_of_inscription(debate):
    early_minister = inscribe(debate, "FR", "minister", at(1, 9))
    late_minister = inscribe(debate, "AR", "minister", at(2, 9))
    head_of_state = inscribe(debate, "ZA", "head_of_state", at(3, 9))
    host = inscribe(debate, "VN", "deputy_head_of_government", at(4, 9))
    organisation = inscribe(debate, "Interpol", "head_of_organisation", at(1, 8), kind="ngo")

    assert speakers_list(debate) == [
        host,
        head_of_state,
        early_minister,
        late_minister,
        organisation,
    ]


def test_expected_times_fill_the_sittings_in_order(debate):
    for index, country in enumerate(["FR", "DE", "JP", "BR"]):
        inscribe(debate, country, "minister", at(1, 9 + index))
    inscribe(debate, "Interpol", "head_of_organisation", at(1, 8), kind="ngo")

    times = [(entry.delegation.display_name, when) for entry, when in expected_times(debate)]

    assert times == [
        ("France", at(25, 14, 0)),
        ("Germany", at(25, 14, 5)),
        # 14:10 + 5 minutes would end after the sitting (14:12): the next sitting.
        ("Japan", at(26, 9, 0)),
        ("Brazil", at(26, 9, 5)),
        ("Interpol", at(26, 9, 10)),  # 3 minutes for an organisation
    ]


def test_organisers_move_and_swap_then_new_inscriptions_join_at_the_end(debate):
    first = inscribe(debate, "FR", "minister", at(1, 9))
    second = inscribe(debate, "DE", "minister", at(1, 10))
    third = inscribe(debate, "JP", "minister", at(1, 11))

    assert services.move_speaker(third, to_position=1) == [third, first, second]
    assert services.swap_speakers(first, second) == [third, second, first]
    senior = inscribe(debate, "BR", "head_of_state", at(1, 12))
    assert speakers_list(debate) == [third, second, first, senior]


def test_a_delegation_inscribes_once_and_can_withdraw(debate):
    entry = inscribe(debate, "FR", "minister", at(1, 9))

    with pytest.raises(AlreadyInscribed):
        services.request_to_speak(entry.delegation)
    services.withdraw_from_list(entry.delegation)
    assert speakers_list(debate) == []
    with pytest.raises(NotInscribed):
        services.withdraw_from_list(entry.delegation)
    services.request_to_speak(entry.delegation)  # may ask again after withdrawing
    assert len(speakers_list(debate)) == 1


def test_the_list_is_published_as_json_and_csv(client, debate):
    debate.slug = "hanoi2025"
    debate.save()
    entry = inscribe(debate, "FR", "minister", at(1, 9))
    head = entry.delegation.delegates.get()

    document = client.get("/api/v1/conferences/hanoi2025/speakers/").json()
    sheet = client.get("/api/v1/conferences/hanoi2025/speakers.csv").content.decode()

    assert document == [
        {
            "order": 1,
            "delegation": "France",
            "speaker": head.full_name,
            "function": head.function,
            "minutes": 5,
            "expected_at": "2025-10-25T14:00:00+07:00",
        }
    ]
    assert sheet.splitlines() == [
        "order,delegation,speaker,function,minutes,expected at",
        f"1,France,{head.full_name},{head.function},5,25 Oct 14:00",
    ]
    assert client.get("/api/v1/conferences/nowhere/speakers/").status_code == 404
