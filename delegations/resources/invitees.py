"""The invitee list: one row per delegation to invite, with its focal point."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field

from delegations import services
from delegations.enums import DelegationKind
from delegations.models import CORRESPONDENCE_LANGUAGES, Delegation
from delegations.resources.base import ImportResource
from delegations.resources.widgets import ChoiceWidget, CountryWidget, TextWidget


class InviteeResource(ImportResource):
    """Creates each delegation with `services.create_delegation`, the one writer of delegations:
    a State twice (in the file or already invited) is refused there by the unique index
    (`DelegationAlreadyExists`), and before that, for the preview, by the model's validation of
    the same constraint. Importing sends nothing: invitations go out by the console's action."""

    kind = Field(
        attribute="kind",
        column_name="kind",
        widget=ChoiceWidget(DelegationKind.choices, what=gettext_lazy("kind of delegation")),
    )
    country = Field(attribute="country", column_name="state", widget=CountryWidget())
    name = Field(attribute="name", column_name="organisation", widget=TextWidget())
    acronym = Field(attribute="acronym", column_name="acronym", widget=TextWidget())
    language = Field(attribute="language", column_name="language", widget=TextWidget())
    focal_point_name = Field(
        attribute="focal_point_name", column_name="focal_point_name", widget=TextWidget()
    )
    focal_point_email = Field(
        attribute="focal_point_email", column_name="focal_point_email", widget=TextWidget()
    )

    required_columns = ("kind", "focal_point_name", "focal_point_email")

    class Meta:
        model = Delegation
        name = gettext_lazy("Invitee list (delegations and focal points)")
        fields = (
            "kind",
            "country",
            "name",
            "acronym",
            "language",
            "focal_point_name",
            "focal_point_email",
        )
        import_order = fields

    def __init__(self, conference=None, **kwargs):
        super().__init__(**kwargs)
        self.conference = conference
        languages = [code for code, _label in CORRESPONDENCE_LANGUAGES]
        default = conference.working_language if conference else "en"
        # The conference's working language, when a focal point may be written to in it.
        self.fields["language"].widget = ChoiceWidget(
            CORRESPONDENCE_LANGUAGES,
            what=gettext_lazy("language"),
            default=default if default in languages else "en",
        )

    def init_instance(self, row=None):
        return Delegation(conference=self.conference)

    def row_errors(self, delegation):
        # Organisations without an acronym have no unique index; the same name twice in one
        # conference is the same file imported twice.
        if delegation.is_state or not delegation.name or delegation.acronym:
            return []
        twin = Delegation.objects.filter(
            conference=self.conference, country="", name__iexact=delegation.name
        )
        if twin.exists():
            return [_("This organisation already has a delegation at the conference.")]
        return []

    def create(self, delegation, row):
        fields = {name: getattr(delegation, name) for name in self._meta.fields}
        return services.create_delegation(self.conference, **fields)
