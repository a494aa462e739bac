"""The audit trail: every change to a delegate is kept, and never a passport number in clear."""

import datetime as dt

import pytest
from django.db import connection

from delegations.models import Delegate
from delegations.services import save_delegate
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


def test_the_history_keeps_each_change_and_no_passport_number():
    delegation = DelegationFactory(status="confirmed")
    delegate = save_delegate(
        delegation,
        passport_number="19AB12345",
        family_name="DUPONT",
        given_names="Jean",
        role="head",
        date_of_birth=dt.date(1970, 5, 1),
    )
    save_delegate(delegation, delegate=delegate, passport_number="C01X00T47", function="Minister")

    history = Delegate.history.model
    assert "passport_number_encrypted" not in {f.name for f in history._meta.fields}
    assert list(
        history.objects.filter(id=delegate.pk)
        .order_by("history_id")
        .values_list("function", flat=True)
    ) == ["", "Minister"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {history._meta.db_table}")
        dumped = " ".join(str(value) for row in cursor.fetchall() for value in row)
    for number in ("19AB12345", "C01X00T47", "12345", "00T47"):
        assert number not in dumped
