from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from conference import services
from conference.admin_services import ReferenceDataAdmin
from conference.admin_settings_fields import (
    STORED,
    settings_field_names,
    with_settings_fields,
)
from conference.admin_translations import (
    NAME_LABEL,
    TranslatedFieldsMixin,
    translated_fieldsets,
    typed_fields,
    with_translated_fields,
)
from conference.errors import DomainError, ZoneOfAnotherVenue
from conference.models import (
    AccessZone,
    Conference,
    Convention,
    DepositaryNotification,
    Instrument,
    Room,
    Signature,
    Venue,
)
from conference.webhooks import admin as webhooks_admin  # noqa: F401  (registers its pages)

THEME_LABEL = _("Theme (%(language)s)")
CITY_LABEL = _("City (%(language)s)")
TITLE_LABEL = _("Title (%(language)s)")
SHORT_TITLE_LABEL = _("Short title (%(language)s)")


class RoomForm(forms.ModelForm):
    """Shows a rule's refusal of the change (too few booths for the sessions to come) on the
    booths' field, before anything is saved."""

    class Meta:
        model = Room
        fields = ["venue", "name", "kind", "capacity", "interpretation_booths", "access_zone"]

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        try:
            services.check_room(self.instance)
        except ZoneOfAnotherVenue as error:
            self.add_error("access_zone", error.message)
        except DomainError as error:
            self.add_error("interpretation_booths", error.message)


class RoomTranslatedForm(TranslatedFieldsMixin, RoomForm):
    """A room's own page adds its name in each language (the venue's table of rooms keeps
    them as they are)."""

    translated_keys = {"name": (NAME_LABEL, 100)}  # as Room.name


RoomTranslatedForm = with_translated_fields(RoomTranslatedForm)


class RoomInline(admin.TabularInline):
    model = Room
    form = RoomForm
    extra = 0
    fields = ["name", "kind", "capacity", "interpretation_booths", "access_zone"]


class AccessZoneInline(admin.TabularInline):
    """Code and name only: seven more columns would make the table unreadable; the names in
    each language are on the zone's own page, linked from each row."""

    model = AccessZone
    extra = 0
    fields = ["code", "name"]
    show_change_link = True


class AccessZoneForm(TranslatedFieldsMixin, forms.ModelForm):
    """The zone's name in each language: readers see it on badges, the press page and at the
    check-in doors."""

    translated_keys = {"name": (NAME_LABEL, 100)}  # as AccessZone.name

    class Meta:
        model = AccessZone
        fields = typed_fields(AccessZone)


AccessZoneForm = with_translated_fields(AccessZoneForm)


class VenueForm(TranslatedFieldsMixin, forms.ModelForm):
    """The venue's name in each language: readers see it in invitations, the portal and the
    calendars' locations."""

    translated_keys = {"name": (NAME_LABEL, 200)}  # as Venue.name

    class Meta:
        model = Venue
        fields = typed_fields(Venue)


VenueForm = with_translated_fields(VenueForm)


class NameInEachLanguage:
    """A console page whose `form` (made by `with_translated_fields`) has the name in each
    language, shown apart below the page's own fields."""

    def get_fieldsets(self, request, obj=None):
        return translated_fieldsets(
            self,
            request,
            obj,
            self.form,
            _("Name in each language"),
            _("Leave a language empty to show the name in the conference's other languages."),
        )


@admin.register(Venue)
class VenueAdmin(NameInEachLanguage, ReferenceDataAdmin, admin.ModelAdmin):
    list_display = ["name", "city", "country"]
    search_fields = ["name", "city"]
    list_filter = ["country"]
    inlines = [AccessZoneInline, RoomInline]
    form = VenueForm

    def save_formset(self, request, form, formset, change):
        """The venue's zones and rooms, through the same services as their own pages."""
        save = services.save_room if formset.model is Room else services.save_access_zone
        for row in formset.save(commit=False):
            save(row)
        for row in formset.deleted_objects:
            services.delete_reference(row)


@admin.register(AccessZone)
class AccessZoneAdmin(NameInEachLanguage, ReferenceDataAdmin, admin.ModelAdmin):
    list_display = ["code", "name", "venue"]
    list_filter = ["venue"]
    search_fields = ["code", "name"]
    form = AccessZoneForm

    def save_model(self, request, obj, form, change):
        services.save_access_zone(obj)


@admin.register(Room)
class RoomAdmin(NameInEachLanguage, ReferenceDataAdmin, admin.ModelAdmin):
    list_display = ["name", "venue", "kind", "capacity", "interpretation_booths", "access_zone"]
    list_filter = ["venue", "kind", "access_zone"]
    search_fields = ["name", "venue__name"]
    autocomplete_fields = ["venue", "access_zone"]
    form = RoomTranslatedForm

    def save_model(self, request, obj, form, change):
        services.save_room(obj)


class ConferenceForm(TranslatedFieldsMixin, forms.ModelForm):
    translated_keys = {
        "name": (NAME_LABEL, 300),
        "theme": (THEME_LABEL, 300),
        "city": (CITY_LABEL, 100),  # as Conference.city
    }

    class Meta:
        model = Conference
        # The settings kept as JSON are written by fields of their own
        # (conference/admin_settings_fields.py).
        fields = typed_fields(Conference, *STORED)


ConferenceForm = with_translated_fields(ConferenceForm)


@admin.register(Conference)
class ConferenceAdmin(ReferenceDataAdmin, admin.ModelAdmin):
    list_display = ["slug", "name", "city", "start_date", "end_date", "timezone"]
    search_fields = ["slug", "name", "city"]
    list_filter = ["host_country"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["venue"]
    form = ConferenceForm

    def get_form(self, request, obj=None, change=False, **kwargs):
        # Made now: the badge categories are registered after the console loads this module.
        kwargs.setdefault("form", with_settings_fields(self.form))
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        (main, options), translated = translated_fieldsets(
            self,
            request,
            obj,
            ConferenceForm,
            _("Name, theme and city in each language"),
            _("Leave a language empty to show the name in the conference's other languages."),
        )
        settings_fields = settings_field_names()
        shown = [name for name in options["fields"] if name not in settings_fields]
        badges = [name for name in settings_fields if name.startswith(("quota_", "zones_"))]
        return [
            (main, {**options, "fields": [*shown, "languages_typed", "reminders_typed"]}),
            translated,
            (_("Badges and access zones by category"), {"fields": badges}),
        ]


class RegisterInline(admin.TabularInline):
    """Read here; recorded on their own pages, through the register's services."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SignatureInline(RegisterInline):
    model = Signature
    fields = readonly_fields = ["country", "organisation", "signed_on", "place"]


class InstrumentInline(RegisterInline):
    model = Instrument
    fields = readonly_fields = ["country", "organisation", "kind", "deposited_on"]


class SignatureForm(forms.ModelForm):
    class Meta:
        model = Signature
        fields = ["convention", "country", "organisation", "signed_on", "place"]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and "convention" in cleaned:  # nothing to check once recorded
            _refused_as_form_error(
                services.check_participant,
                cleaned["convention"],
                country=cleaned.get("country") or "",
                organisation=cleaned.get("organisation") or "",
            )
            _refused_as_form_error(
                services.check_signature_open,
                cleaned["convention"],
                signed_on=cleaned["signed_on"],
                place=cleaned["place"],
            )
        return cleaned


class InstrumentForm(forms.ModelForm):
    class Meta:
        model = Instrument
        fields = ["convention", "country", "organisation", "kind", "deposited_on"]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and "convention" in cleaned:  # nothing to check once recorded
            _refused_as_form_error(
                services.check_instrument,
                cleaned["convention"],
                kind=cleaned["kind"],
                deposited_on=cleaned["deposited_on"],
                country=cleaned.get("country") or "",
                organisation=cleaned.get("organisation") or "",
            )
        return cleaned


def _refused_as_form_error(check, *args, **kwargs):
    try:
        check(*args, **kwargs)
    except DomainError as error:
        raise forms.ValidationError(error.message) from error


class RegisterAdmin(ReferenceDataAdmin, admin.ModelAdmin):
    """Entries of the depositary's register are recorded through the services and then only
    read (a wrong entry is deleted, through `delete_reference`, and recorded again)."""

    change_page_read_only = True

    def get_readonly_fields(self, request, obj=None):
        return self.form.Meta.fields if obj is not None else []

    def save_model(self, request, obj, form, change):
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        obj.pk = self.record(**fields).pk


class ConventionForm(TranslatedFieldsMixin, forms.ModelForm):
    translated_keys = {
        "title": (TITLE_LABEL, 500),  # as Convention.title
        "short_title": (SHORT_TITLE_LABEL, 200),
    }

    class Meta:
        model = Convention
        fields = typed_fields(Convention)


ConventionForm = with_translated_fields(ConventionForm)


@admin.register(Convention)
class ConventionAdmin(ReferenceDataAdmin, admin.ModelAdmin):
    list_display = ["short_title", "adopted_on", "signature_closes_on", "depositary"]
    search_fields = ["title", "short_title"]
    inlines = [SignatureInline, InstrumentInline]
    form = ConventionForm

    def get_fieldsets(self, request, obj=None):
        return translated_fieldsets(
            self,
            request,
            obj,
            ConventionForm,
            _("Titles in each language"),
            _(
                "The titles the United Nations gives in each official language; leave a language "
                "empty to show the English title."
            ),
        )


@admin.register(Signature)
class SignatureAdmin(RegisterAdmin):
    form = SignatureForm
    list_display = ["__str__", "convention", "signed_on", "place"]
    list_filter = ["convention", "signed_on"]
    search_fields = ["country", "organisation"]

    def record(self, *, convention, **fields):
        return services.record_signature(convention, **fields)


@admin.register(Instrument)
class InstrumentAdmin(RegisterAdmin):
    form = InstrumentForm
    list_display = ["__str__", "convention", "kind", "deposited_on"]
    list_filter = ["convention", "kind"]
    search_fields = ["country", "organisation"]

    def record(self, *, convention, **fields):
        return services.deposit_instrument(convention, **fields)


class DepositaryNotificationForm(forms.ModelForm):
    class Meta:
        model = DepositaryNotification
        fields = ["convention", "reference", "issued_on", "subject", "is_illustrative"]


@admin.register(DepositaryNotification)
class DepositaryNotificationAdmin(RegisterAdmin):
    form = DepositaryNotificationForm
    list_display = ["reference", "convention", "issued_on", "subject", "is_illustrative"]
    list_filter = ["convention", "is_illustrative"]
    search_fields = ["reference", "subject"]

    def record(self, *, convention, **fields):
        return services.record_depositary_notification(convention, **fields)
