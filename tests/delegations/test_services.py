import pytest
from django.core.exceptions import ValidationError

from delegations import services
from delegations.enums import DelegateRole, DelegationKind, ProtocolRank
from delegations.errors import DelegationAlreadyExists, HeadOfDelegationAlreadyNamed
from delegations.models import Delegate, Delegation
from tests.factories import ConferenceFactory, DelegateFactory, DelegationFactory

pytestmark = pytest.mark.django_db


def _state(conference, country="FR"):
    return services.create_delegation(
        conference,
        kind=DelegationKind.MEMBER_STATE,
        country=country,
        language="fr",
        focal_point_name="Focal Point",
        focal_point_email="focal@mission.example.org",
    )


def test_create_delegation_for_a_state_starts_invited():
    delegation = _state(ConferenceFactory())

    assert delegation.status == "invited"
    assert delegation.display_name == "France"


def test_create_delegation_refuses_a_second_delegation_of_the_same_state():
    conference = ConferenceFactory()
    _state(conference)

    with pytest.raises(DelegationAlreadyExists):
        _state(conference)

    assert Delegation.objects.filter(conference=conference).count() == 1


def test_create_delegation_allows_the_same_state_at_another_conference():
    _state(ConferenceFactory())
    _state(ConferenceFactory())

    assert Delegation.objects.filter(country="FR").count() == 2


def test_create_delegation_refuses_a_state_without_its_country():
    with pytest.raises(ValidationError) as excinfo:
        services.create_delegation(
            ConferenceFactory(),
            kind=DelegationKind.MEMBER_STATE,
            name="Freedonia",
            focal_point_name="Focal Point",
            focal_point_email="focal@mission.example.org",
        )

    assert excinfo.value.messages == [
        "A State delegation needs its country; an organisation needs its name."
    ]
    assert Delegation.objects.count() == 0


def test_create_delegation_refuses_a_second_organisation_with_the_same_acronym():
    conference = ConferenceFactory()
    fields = {
        "kind": DelegationKind.UN_ENTITY,
        "name": "United Nations Office on Drugs and Crime",
        "acronym": "UNODC",
        "focal_point_name": "Focal Point",
        "focal_point_email": "focal@org.example.org",
    }
    services.create_delegation(conference, **fields)

    with pytest.raises(DelegationAlreadyExists):
        services.create_delegation(conference, **fields)


def test_add_delegate_refuses_a_second_head_of_delegation():
    delegation = DelegationFactory()
    fields = {"family_name": "EXAMPLE", "given_names": "Alex", "role": DelegateRole.HEAD}
    services.add_delegate(delegation, **fields)

    with pytest.raises(HeadOfDelegationAlreadyNamed):
        services.add_delegate(delegation, **{**fields, "given_names": "Sam"})

    assert Delegate.objects.filter(delegation=delegation).count() == 1


def test_add_delegate_allows_many_members():
    delegation = DelegationFactory()

    for name in ("Alex", "Sam", "Robin"):
        services.add_delegate(delegation, family_name="EXAMPLE", given_names=name)

    assert delegation.delegates.count() == 3


def test_protocol_ranks_sort_in_the_order_of_precedence_in_the_database():
    delegation = DelegationFactory()
    for rank in [
        ProtocolRank.DELEGATE,
        ProtocolRank.MINISTER,
        ProtocolRank.HEAD_OF_GOVERNMENT,
        ProtocolRank.MINISTER_FOR_FOREIGN_AFFAIRS,
        ProtocolRank.HEAD_OF_STATE,
        ProtocolRank.DEPUTY_HEAD_OF_GOVERNMENT,
        ProtocolRank.VICE_PRESIDENT,
    ]:
        DelegateFactory(delegation=delegation, protocol_rank=rank)

    ordered = (
        Delegate.objects.alias(level=ProtocolRank.precedence_expression())
        .order_by("level")
        .values_list("protocol_rank", flat=True)
    )

    assert list(ordered) == [
        "head_of_state",
        "vice_president",
        "head_of_government",
        "deputy_head_of_government",
        "minister_for_foreign_affairs",
        "minister",
        "delegate",
    ]


def test_vice_presidents_and_crown_princes_share_a_level():
    assert ProtocolRank.precedence(ProtocolRank.VICE_PRESIDENT) == ProtocolRank.precedence(
        ProtocolRank.CROWN_PRINCE
    )
    assert ProtocolRank.precedence(ProtocolRank.HEAD_OF_STATE) == 0


@pytest.mark.parametrize(
    ("rank", "required"),
    [
        (ProtocolRank.HEAD_OF_STATE, False),
        (ProtocolRank.HEAD_OF_GOVERNMENT, False),
        (ProtocolRank.VICE_PRESIDENT, False),
        (ProtocolRank.CROWN_PRINCE, False),
        (ProtocolRank.MINISTER_FOR_FOREIGN_AFFAIRS, True),
        (ProtocolRank.DELEGATE, True),
    ],
)
def test_photo_is_required_except_for_the_exempt_ranks(rank, required):
    assert Delegate(protocol_rank=rank).photo_required is required
