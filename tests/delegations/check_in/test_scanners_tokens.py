"""Check-in at the doors: scanners and their tokens."""

import pytest
from django.core.exceptions import ValidationError

from delegations.models import ScannerDevice, hash_token
from delegations.services import register_scanner, scanner_for_token

pytestmark = pytest.mark.django_db


def test_a_scanner_token_is_kept_only_as_its_hash(hanoi):
    device, token = register_scanner(hanoi, "  Plenary door 1  ")

    assert device.name == "Plenary door 1"
    assert device.token_hash == hash_token(token)
    assert token not in device.token_hash
    assert scanner_for_token(token) == device
    assert scanner_for_token(token + "x") is None
    assert scanner_for_token("") is None
    device.active = False
    device.save()
    assert scanner_for_token(token) is None


def test_a_scanner_needs_a_name(hanoi):
    with pytest.raises(ValidationError):
        register_scanner(hanoi, "   ")

    assert ScannerDevice.objects.count() == 0
