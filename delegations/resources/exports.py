"""The console's exports of a selection: the columns the Secretariat works with.

Passport numbers appear only as ••••1234 (the model's `masked_passport`): an export ends up in
mailboxes and on shared drives, so nothing in it may reveal a number.
"""

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export import widgets
from import_export.fields import Field

from delegations.enums import (
    AccreditationStatus,
    AirportTransfer,
    BadgeCategory,
    DelegateRole,
    DelegationKind,
    DelegationStatus,
    ProtocolRank,
)
from delegations.models import CORRESPONDENCE_LANGUAGES, Delegate, Delegation, Travel
from delegations.resources.base import ExportResource
from delegations.resources.widgets import ChoiceWidget, CountryWidget, DateWidget


def _choice(choices):
    return ChoiceWidget(choices, what="")


class DelegationExportResource(ExportResource):
    # The first columns are the invitee list's, so an export imports into another conference.
    delegation = Field(attribute="display_name", column_name="delegation")
    kind = Field(attribute="kind", column_name="kind", widget=_choice(DelegationKind.choices))
    country = Field(attribute="country", column_name="state", widget=CountryWidget())
    name = Field(attribute="name", column_name="organisation")
    acronym = Field(attribute="acronym", column_name="acronym")
    language = Field(
        attribute="language", column_name="language", widget=_choice(CORRESPONDENCE_LANGUAGES)
    )
    focal_point_name = Field(attribute="focal_point_name", column_name="focal_point_name")
    focal_point_email = Field(attribute="focal_point_email", column_name="focal_point_email")
    status = Field(
        attribute="status", column_name="status", widget=_choice(DelegationStatus.choices)
    )
    delegates = Field(
        attribute="delegate_count", column_name="delegates", widget=widgets.IntegerWidget()
    )
    submitted_at = Field(attribute="submitted_at", column_name="submitted_at")
    conference = Field(attribute="conference__slug", column_name="conference")

    class Meta:
        model = Delegation
        name = _("Delegations")
        fields = (
            "delegation",
            "kind",
            "country",
            "name",
            "acronym",
            "language",
            "focal_point_name",
            "focal_point_email",
            "status",
            "delegates",
            "submitted_at",
            "conference",
        )
        export_order = fields

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("conference").annotate(delegate_count=Count("delegates"))

    def dehydrate_submitted_at(self, delegation):
        return _local(delegation.submitted_at, delegation.conference)


class DelegateExportResource(ExportResource):
    delegation = Field(attribute="delegation__display_name", column_name="delegation")
    title = Field(attribute="title", column_name="title")
    family_name = Field(attribute="family_name", column_name="family_name")
    given_names = Field(attribute="given_names", column_name="given_names")
    function = Field(attribute="function", column_name="function")
    role = Field(attribute="role", column_name="role", widget=_choice(DelegateRole.choices))
    protocol_rank = Field(
        attribute="protocol_rank",
        column_name="protocol_rank",
        widget=_choice(ProtocolRank.choices),
    )
    email = Field(attribute="email", column_name="email")
    nationality = Field(attribute="nationality", column_name="nationality", widget=CountryWidget())
    date_of_birth = Field(
        attribute="date_of_birth", column_name="date_of_birth", widget=DateWidget()
    )
    passport = Field(attribute="masked_passport", column_name="passport_number")
    badge_category = Field(
        attribute="badge_category",
        column_name="badge_category",
        widget=_choice(BadgeCategory.choices),
    )
    badge_number = Field(attribute="badge_number", column_name="badge_number")
    accreditation_status = Field(
        attribute="accreditation_status",
        column_name="accreditation",
        widget=_choice(AccreditationStatus.choices),
    )
    photo = Field(column_name="photo")

    class Meta:
        model = Delegate
        name = _("Delegates")
        fields = (
            "delegation",
            "title",
            "family_name",
            "given_names",
            "function",
            "role",
            "protocol_rank",
            "email",
            "nationality",
            "date_of_birth",
            "passport",
            "badge_category",
            "badge_number",
            "accreditation_status",
            "photo",
        )
        export_order = fields

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("delegation")

    def dehydrate_photo(self, delegate):
        if not delegate.photo_required:
            return str(_("not required"))
        return str(_("yes")) if delegate.photo else str(_("missing"))


class TravelExportResource(ExportResource):
    """The airport desk's sheet; times in the conference's timezone, as the desk reads them."""

    delegation = Field(attribute="delegate__delegation__display_name", column_name="delegation")
    family_name = Field(attribute="delegate__family_name", column_name="family_name")
    given_names = Field(attribute="delegate__given_names", column_name="given_names")
    protocol_rank = Field(
        attribute="delegate__protocol_rank",
        column_name="protocol_rank",
        widget=_choice(ProtocolRank.choices),
    )
    arrives_at = Field(column_name="arrival")
    arrival_flight = Field(attribute="arrival_flight", column_name="arrival_flight")
    arrival_airport = Field(attribute="arrival_airport", column_name="arrival_airport")
    departs_at = Field(column_name="departure")
    departure_flight = Field(attribute="departure_flight", column_name="departure_flight")
    departure_airport = Field(attribute="departure_airport", column_name="departure_airport")
    hotel = Field(attribute="hotel", column_name="hotel")
    transfer = Field(
        attribute="transfer", column_name="transfer", widget=_choice(AirportTransfer.choices)
    )

    class Meta:
        model = Travel
        name = _("Travel")
        fields = (
            "delegation",
            "family_name",
            "given_names",
            "protocol_rank",
            "arrives_at",
            "arrival_flight",
            "arrival_airport",
            "departs_at",
            "departure_flight",
            "departure_airport",
            "hotel",
            "transfer",
        )
        export_order = fields

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("delegate__delegation__conference")

    def dehydrate_arrives_at(self, travel):
        return _local(travel.arrives_at, travel.delegate.delegation.conference)

    def dehydrate_departs_at(self, travel):
        return _local(travel.departs_at, travel.delegate.delegation.conference)


def _local(moment, conference):
    """Spreadsheets hold no timezone: the time is written as read in the conference's city."""
    if moment is None:
        return ""
    return timezone.localtime(moment, conference.tzinfo).strftime("%Y-%m-%d %H:%M")
