"""The signing ceremony, for a State's (or a regional economic integration organisation's)
delegation: who signs, and their full powers."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from conference.errors import DomainError
from conference.forms import RefusesControlCharacters
from delegations.uploads import MAX_DOCUMENT_BYTES
from portal.access import focal_point_required
from sessions.models import FullPowersAuthority, Signatory
from sessions.services import register_signatory, upload_full_powers


class FullPowersForm(RefusesControlCharacters, forms.Form):
    issued_by = forms.ChoiceField(
        label=gettext_lazy("Signed by"),
        choices=FullPowersAuthority.choices,
        help_text=gettext_lazy(
            "Only the Head of State, the Head of Government or the Minister for Foreign Affairs "
            "signs full powers."
        ),
    )
    issuer = forms.CharField(
        label=gettext_lazy("Name and title of the signer"),
        max_length=200,
        help_text=gettext_lazy("As on the instrument."),
    )
    document = forms.FileField(
        label=gettext_lazy("Instrument of full powers (PDF, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def clean_document(self):
        document = self.cleaned_data["document"]
        if document.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(gettext_lazy("The document is larger than 10 MB."))
        return document


@require_http_methods(["GET", "POST"])
@focal_point_required
def signing(request):
    delegation = request.delegation
    signatory = (
        Signatory.objects.filter(delegation=delegation)
        .select_related("conference", "delegate")
        .first()
        if delegation.is_treaty_participant
        else None
    )
    # Bound only when the full powers were sent: the page shows their errors after a
    # submission, never on arrival nor after the signatory's form.
    sent_full_powers = request.method == "POST" and not request.POST.get("signatory")
    form = FullPowersForm(request.POST, request.FILES) if sent_full_powers else FullPowersForm()
    status, signatory_errors = 200, []
    if request.method == "POST" and delegation.is_treaty_participant:
        if signatory and signatory.signed_at:
            messages.error(request, _("The Convention is signed: nothing can change here."))
            return redirect("portal:signing")
        try:
            if not sent_full_powers:
                chosen = request.POST["signatory"]
                delegate = (
                    delegation.delegates.filter(pk=int(chosen)).first()
                    if chosen.isdigit() and len(chosen) < 10
                    else None
                )
                if delegate is None:
                    signatory_errors.append(_("Choose one of your delegates."))
                else:
                    register_signatory(delegation, delegate=delegate)
                    messages.success(request, _("The signatory is recorded."))
                    return redirect("portal:signing")
            elif signatory and form.is_valid():
                upload_full_powers(
                    signatory,
                    file=form.cleaned_data["document"],
                    issued_by=form.cleaned_data["issued_by"],
                    issuer=form.cleaned_data["issuer"],
                )
                messages.success(request, _("The full powers are received: they will be verified."))
                return redirect("portal:signing")
        except DomainError as error:
            if sent_full_powers:
                form.add_error(None, error.message)
            else:
                signatory_errors.append(error.message)
        status = 400
    return render(
        request,
        "portal/signing.html",
        {
            "delegation": delegation,
            "signatory": signatory,
            "delegates": delegation.delegates.order_by("family_name", "given_names"),
            "form": form,
            "signatory_errors": signatory_errors,
        },
        status=status,
    )
