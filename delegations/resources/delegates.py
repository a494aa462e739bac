"""A delegation's list of delegates, as the Secretariat receives it with a note verbale.

Passport numbers may be imported, because the Secretariat often receives them this way and
typing them again is where mistakes come from; they are kept in clear nowhere:
- the number leaves the row before anything else reads it, and the row keeps ••••1234, so the
  preview and the list of errors never show it (they display the row);
- it is written only by `services.save_delegate`, which encrypts it and refuses the same
  person (number and date of birth) twice in the conference;
- the uploaded file waits between preview and confirmation encrypted (see storage.py).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field

from delegations import passports, services
from delegations.enums import DelegateRole, ProtocolRank
from delegations.models import Delegate
from delegations.resources.base import ImportResource
from delegations.resources.widgets import (
    ChoiceWidget,
    CountryWidget,
    DateWidget,
    TextWidget,
    cell_text,
)

PASSPORT_COLUMN = "passport_number"


class DelegateImportResource(ImportResource):
    """Adds each delegate with `services.save_delegate`, the portal's own writer: the badge
    category follows the role, the delegation's quotas hold, a second head of delegation is
    refused, and the registration must be open (confirmed, before the deadline or reopened by
    an organiser), since an import changes a registration like the focal point's form does."""

    title = Field(attribute="title", column_name="title", widget=TextWidget())
    family_name = Field(attribute="family_name", column_name="family_name", widget=TextWidget())
    given_names = Field(attribute="given_names", column_name="given_names", widget=TextWidget())
    function = Field(attribute="function", column_name="function", widget=TextWidget())
    role = Field(
        attribute="role",
        column_name="role",
        widget=ChoiceWidget(
            DelegateRole.choices, what=gettext_lazy("role"), default=DelegateRole.MEMBER
        ),
    )
    protocol_rank = Field(
        attribute="protocol_rank",
        column_name="protocol_rank",
        widget=ChoiceWidget(
            ProtocolRank.choices,
            what=gettext_lazy("protocol rank"),
            default=ProtocolRank.DELEGATE,
        ),
    )
    email = Field(attribute="email", column_name="email", widget=TextWidget())
    nationality = Field(attribute="nationality", column_name="nationality", widget=CountryWidget())
    date_of_birth = Field(
        attribute="date_of_birth", column_name="date_of_birth", widget=DateWidget()
    )
    # Read only: shown masked in the preview, never set from the row (see before_import_row).
    passport = Field(attribute="masked_passport", column_name=PASSPORT_COLUMN, readonly=True)

    required_columns = ("family_name", "given_names")

    class Meta:
        model = Delegate
        name = gettext_lazy("Delegates of one delegation")
        fields = (
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
        )
        import_order = fields

    def __init__(self, delegation=None, **kwargs):
        super().__init__(**kwargs)
        self.delegation = delegation
        self.passport_number = ""

    def column_names(self):
        return [*super().column_names(), PASSPORT_COLUMN]

    def before_import_row(self, row, **kwargs):
        number = passports.normalise(cell_text(row.get(PASSPORT_COLUMN)))
        self.passport_number = number
        if PASSPORT_COLUMN in row:
            row[PASSPORT_COLUMN] = passports.masked(number[-4:])

    def init_instance(self, row=None):
        return Delegate(delegation=self.delegation, conference_id=self.delegation.conference_id)

    def row_errors(self, delegate):
        errors = []
        if self.passport_number and not delegate.date_of_birth:
            errors.append(_("Give the date of birth with the passport number."))
        # The same file imported twice would register everyone twice; people without a
        # passport number are recognised by name and date of birth.
        twin = Delegate.objects.filter(
            delegation=self.delegation,
            family_name__iexact=delegate.family_name,
            given_names__iexact=delegate.given_names,
            date_of_birth=delegate.date_of_birth,
        )
        if delegate.family_name and twin.exists():
            errors.append(_("This person is already registered in this delegation."))
        return errors

    def create(self, delegate, row):
        fields = {name: getattr(delegate, name) for name in self._meta.fields if name != "passport"}
        saved = services.save_delegate(
            self.delegation, passport_number=self.passport_number, **fields
        )
        delegate.badge_category = saved.badge_category
        delegate.passport_last4 = saved.passport_last4
        return saved
