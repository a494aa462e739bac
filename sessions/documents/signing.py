"""The signing ceremony's order of signature, for the protocol officers at the table."""

from django.utils import translation
from django.utils.translation import gettext as _

from conference.listing import listing_pdf


def signing_order_pdf(conference, signatories) -> bytes:
    """`signatories` in the order of their slots, their delegation and delegate joined."""
    lines = [_("Signing ceremony: order of signature")]
    if conference.convention_id:
        lines.append(conference.convention.localized_title(translation.get_language()))
    return listing_pdf(
        title=conference.localized_name(translation.get_language()),
        lines=lines,
        header=[_("Slot"), _("State"), _("Signatory"), _("Rank")],
        rows=[
            [
                str(signatory.slot),
                signatory.delegation.display_name,
                [signatory.delegate.full_name, signatory.delegate.function],
                str(signatory.delegate.get_protocol_rank_display()),
            ]
            for signatory in signatories
        ],
        widths=[0.08, 0.27, 0.4, 0.25],
        conference=conference,
        empty=_("Nobody has a place in the signing order yet."),
    )
