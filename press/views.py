"""The public application form and the journalist's own page; thin over the services."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from conference.errors import DomainError
from conference.files import private_file
from conference.models import Conference
from conference.selectors import zone_names
from conference.sign_in import EnrolSecondFactorView, SignInWithCodeForm, must_enrol
from delegations.errors import InvalidDocument, InvalidPhoto, MediaAccountExists
from delegations.models import MediaApplication
from delegations.services import apply_for_media_accreditation
from press.access import journalist_required
from press.forms import MediaApplicationForm

BACKEND = "django.contrib.auth.backends.ModelBackend"
ERROR_FIELDS = {InvalidPhoto: "photo", InvalidDocument: "press_card", MediaAccountExists: "email"}


class SignInView(auth_views.LoginView):
    template_name = "press/sign_in.html"
    authentication_form = SignInWithCodeForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("press:home")


class SignOutView(auth_views.LogoutView):
    next_page = reverse_lazy("press:sign-in")


class SecondFactorView(EnrolSecondFactorView):
    """Offered, not required: see the README (Two-factor sign-in) for why."""

    base_template = "press/base.html"
    refused_template = "press/no_application.html"
    sign_in_url = reverse_lazy("press:sign-in")
    done_url = reverse_lazy("press:home")
    required = False

    def may_enrol(self, user):
        return MediaApplication.objects.filter(user=user).exists()


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request, conference_slug):
    conference = get_object_or_404(Conference, slug=conference_slug)
    form = MediaApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = apply_for_media_accreditation(
                conference, language=translation.get_language() or "en", **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error("password", error)
        except DomainError as error:
            form.add_error(ERROR_FIELDS.get(type(error)), error.message)
        else:
            login(request, application.user, backend=BACKEND)
            messages.success(request, _("Your application is received."))
            return redirect("press:home")
    return render(request, "press/apply.html", {"form": form, "conference": conference})


@journalist_required
def home(request):
    applications = list(
        request.media_applications.select_related("conference", "outlet").prefetch_related(
            "pool_places__pool__session__conference"
        )
    )
    for application in applications:
        # The zones by name: the codes a badge holds mean nothing to a journalist.
        application.zone_names = zone_names(application.conference, application.zones)
    return render(
        request,
        "press/home.html",
        {"applications": applications, "offer_second_factor": must_enrol(request.user)},
    )


@require_GET
@journalist_required
def photo(request, application_id):
    application = get_object_or_404(request.media_applications, pk=application_id)
    return private_file(application.photo, content_type="image/jpeg")
