"""Helpers, data and fixtures shared by the tests of this package."""

import io
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.base import ContentFile
from django.db import connection
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream

from delegations import services
from tests.console import sign_in_to_console
from tests.factories import (
    AccessZoneFactory,
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
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


def _text(pdf_bytes):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


def _images(pdf_bytes):
    (page,) = PdfReader(io.BytesIO(pdf_bytes)).pages
    return [image.image for image in page.images]


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
