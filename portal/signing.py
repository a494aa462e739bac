"""The signing ceremony, for a State's delegation: who signs, and their full powers."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from conference.errors import DomainError
from delegations.uploads import MAX_DOCUMENT_BYTES
from portal.access import focal_point_required
from sessions.models import Signatory
from sessions.services import register_signatory, upload_full_powers


class FullPowersForm(forms.Form):
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
        Signatory.objects.filter(delegation=delegation).select_related("delegate").first()
        if delegation.is_state
        else None
    )
    form = FullPowersForm(request.POST if "document" in request.FILES else None, request.FILES)
    status = 200
    if request.method == "POST" and delegation.is_state:
        if signatory and signatory.signed_at:
            messages.error(request, _("The Convention is signed: nothing can change here."))
            return redirect("portal:signing")
        try:
            if request.POST.get("signatory"):
                delegate = delegation.delegates.filter(pk=request.POST["signatory"]).first()
                if delegate is None:
                    raise DomainError(_("Choose one of your delegates."))
                register_signatory(delegation, delegate=delegate)
                messages.success(request, _("The signatory is recorded."))
                return redirect("portal:signing")
            if signatory and form.is_valid():
                upload_full_powers(signatory, file=form.cleaned_data["document"])
                messages.success(request, _("The full powers are received: they will be verified."))
                return redirect("portal:signing")
        except DomainError as error:
            form.add_error(None, error.message)
        status = 400
    return render(
        request,
        "portal/signing.html",
        {
            "delegation": delegation,
            "signatory": signatory,
            "delegates": delegation.delegates.order_by("family_name", "given_names"),
            "form": form,
        },
        status=status,
    )
