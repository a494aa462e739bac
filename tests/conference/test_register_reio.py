"""Art. 64(2) of the Convention against Cybercrime, as UNTOC art. 36(2) and UNCAC art. 67(2) word
it (the Convention's own text was not found in the public sources searched): a regional economic
integration organisation signs "provided that at least one member State of such organization has
signed"."""

import datetime as dt

import pytest

from conference.errors import NoMemberStateSigned
from conference.services import deposit_instrument, record_signature
from tests.conference.conventions import cybercrime_convention

pytestmark = pytest.mark.django_db

HANOI_DAY = dt.date(2025, 10, 25)


@pytest.fixture
def convention():
    return cybercrime_convention(
        regional_organisation_members={"European Union": ["AT", "BE", "FR", "SE"]},
    )


def test_the_european_union_signs_only_once_one_of_its_member_states_has_signed(convention):
    """Art. 64(2): a REIO signs provided that at least one of its member States has signed, the
    same day at the latest; a non-member's signature does not count."""
    record_signature(convention, country="GB", signed_on=HANOI_DAY, place="Hanoi")
    with pytest.raises(NoMemberStateSigned) as refused:
        record_signature(
            convention, organisation="European Union", signed_on=HANOI_DAY, place="Hanoi"
        )
    assert refused.value.message == (
        "European Union signs only once at least one of its member States has signed the "
        "convention, on the same day at the latest."
    )

    record_signature(convention, country="AT", signed_on=dt.date(2025, 10, 26), place="Hanoi")
    with pytest.raises(NoMemberStateSigned):  # Austria signed the day after
        record_signature(
            convention, organisation="European Union", signed_on=HANOI_DAY, place="Hanoi"
        )
    assert not convention.signatures.filter(organisation="European Union").exists()

    union = record_signature(
        convention, organisation="European Union", signed_on=dt.date(2025, 10, 26), place="Hanoi"
    )
    assert union.is_reio


def test_a_reio_whose_member_states_are_not_recorded_does_not_sign(convention):
    convention.regional_organisation_members = {}
    convention.save()
    record_signature(convention, country="AT", signed_on=HANOI_DAY, place="Hanoi")

    with pytest.raises(NoMemberStateSigned) as refused:
        record_signature(
            convention, organisation="European Union", signed_on=HANOI_DAY, place="Hanoi"
        )

    assert refused.value.message == (
        "The member States of European Union are not recorded for this convention: it signs "
        "only once at least one of them has signed."
    )
    assert convention.signatures.count() == 1


def test_the_european_union_deposits_only_once_one_of_its_member_states_has(convention):
    """UNTOC art. 36(3) and UNCAC art. 67(3), the models of the Convention's final clauses: a
    REIO deposits its instrument if at least one of its member States has done likewise."""
    for country in ("AT", "GB"):
        record_signature(convention, country=country, signed_on=HANOI_DAY, place="Hanoi")
    record_signature(convention, organisation="European Union", signed_on=HANOI_DAY, place="Hanoi")
    deposit_instrument(
        convention, country="GB", kind="ratification", deposited_on=dt.date(2026, 3, 2)
    )

    with pytest.raises(NoMemberStateSigned) as refused:
        deposit_instrument(
            convention,
            organisation="European Union",
            kind="approval",
            deposited_on=dt.date(2026, 3, 2),
        )
    assert refused.value.message == (
        "European Union deposits an instrument only once at least one of its member States has "
        "deposited its own, on the same day at the latest."
    )

    deposit_instrument(
        convention, country="AT", kind="ratification", deposited_on=dt.date(2026, 4, 1)
    )
    with pytest.raises(NoMemberStateSigned):  # Austria deposited after that day
        deposit_instrument(
            convention,
            organisation="European Union",
            kind="approval",
            deposited_on=dt.date(2026, 3, 31),
        )
    approval = deposit_instrument(
        convention, organisation="European Union", kind="approval", deposited_on=dt.date(2026, 4, 1)
    )

    assert approval.kind == "approval"
    assert convention.instruments.filter(organisation="European Union").count() == 1


def test_a_reio_accedes_only_once_one_of_its_member_states_is_a_party(convention):
    with pytest.raises(NoMemberStateSigned):
        deposit_instrument(
            convention,
            organisation="European Union",
            kind="accession",
            deposited_on=dt.date(2027, 2, 1),
        )

    deposit_instrument(
        convention, country="SE", kind="accession", deposited_on=dt.date(2027, 1, 15)
    )
    accession = deposit_instrument(
        convention,
        organisation="European Union",
        kind="accession",
        deposited_on=dt.date(2027, 2, 1),
    )

    assert accession.kind == "accession"
