from django.contrib import admin

from conference.models import (
    AccessZone,
    Conference,
    Convention,
    Instrument,
    Room,
    Signature,
    Venue,
)
from conference.webhooks import admin as webhooks_admin  # noqa: F401  (registers its pages)


class RoomInline(admin.TabularInline):
    model = Room
    extra = 0
    fields = ["name", "kind", "capacity", "interpretation_booths", "access_zone"]


class AccessZoneInline(admin.TabularInline):
    model = AccessZone
    extra = 0


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "country"]
    search_fields = ["name", "city"]
    list_filter = ["country"]
    inlines = [AccessZoneInline, RoomInline]


@admin.register(AccessZone)
class AccessZoneAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "venue"]
    list_filter = ["venue"]
    search_fields = ["code", "name"]


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "venue", "kind", "capacity", "interpretation_booths", "access_zone"]
    list_filter = ["venue", "kind", "access_zone"]
    search_fields = ["name", "venue__name"]
    autocomplete_fields = ["venue", "access_zone"]


@admin.register(Conference)
class ConferenceAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "city", "start_date", "end_date", "timezone"]
    search_fields = ["slug", "name", "city"]
    list_filter = ["host_country"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["venue"]


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 0


class InstrumentInline(admin.TabularInline):
    model = Instrument
    extra = 0


@admin.register(Convention)
class ConventionAdmin(admin.ModelAdmin):
    list_display = ["short_title", "adopted_on", "signature_closes_on", "depositary"]
    search_fields = ["title", "short_title"]
    inlines = [SignatureInline, InstrumentInline]


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = ["__str__", "convention", "signed_on", "place"]
    list_filter = ["convention", "signed_on"]
    search_fields = ["country", "organisation"]


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "convention", "kind", "deposited_on"]
    list_filter = ["convention", "kind"]
    search_fields = ["country", "organisation"]
