from django.urls import path
from django.views.generic import RedirectView

from portal import (
    accounts,
    api_access,
    bilaterals,
    dashboard,
    delegates,
    documents,
    invitation,
    participants,
    programme,
    side_events,
    signing,
    travel,
)

app_name = "portal"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="portal:dashboard"), name="home"),
    path("invitation/<str:token>/", invitation.invitation, name="invitation"),
    path("account/", accounts.create_account, name="account-create"),
    path("sign-in/", accounts.SignInView.as_view(), name="sign-in"),
    path("sign-out/", accounts.SignOutView.as_view(), name="sign-out"),
    path("password/", accounts.ResetView.as_view(), name="password-reset"),
    path("password/sent/", accounts.ResetSentView.as_view(), name="password-reset-sent"),
    path(
        "reset/<uidb64>/<token>/",
        accounts.ResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("reset/done/", accounts.ResetCompleteView.as_view(), name="password-reset-complete"),
    path("delegation/", accounts.choose_delegation, name="choose-delegation"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("submit/", dashboard.submit, name="submit"),
    path("delegates/", delegates.delegate_list, name="delegates"),
    path("delegates/new/", delegates.delegate_form, name="delegate-add"),
    path("delegates/<id:delegate_id>/", delegates.delegate_form, name="delegate-edit"),
    path("delegates/<id:delegate_id>/remove/", delegates.delegate_remove, name="delegate-remove"),
    path("delegates/<id:delegate_id>/photo/", delegates.delegate_photo, name="delegate-photo"),
    path("delegates/<id:delegate_id>/agenda.ics", dashboard.agenda, name="delegate-agenda"),
    path("documents/", documents.documents, name="documents"),
    path("documents/credentials.pdf", documents.credentials_file, name="credentials"),
    path("programme/", programme.programme, name="programme"),
    path("programme/<id:session_id>/places/", programme.place_reserve, name="place-reserve"),
    path("places/<id:place_id>/release/", programme.place_release, name="place-release"),
    path("programme/speak/", programme.speak, name="speak"),
    path("programme/<id:session_id>/gala/", programme.gala_answer, name="gala-answer"),
    path("api-access/", api_access.api_access, name="api-access"),
    path("signing/", signing.signing, name="signing"),
    path("travel/", travel.travel_list, name="travel"),
    path("travel/<id:delegate_id>/", travel.travel_form, name="travel-edit"),
    path("participants/", participants.participants, name="participants"),
    path(
        "participants/<id:delegate_id>/",
        participants.participant_edit,
        name="participant-edit",
    ),
    path("participants/confirm/", participants.participants_confirm, name="participants-confirm"),
    path("side-events/", side_events.side_events, name="side-events"),
    path(
        "side-events/<id:application_id>/withdraw/",
        side_events.side_event_withdraw,
        name="side-event-withdraw",
    ),
    path("bilaterals/", bilaterals.bilaterals, name="bilaterals"),
    path("bilaterals/request/", bilaterals.bilateral_request, name="bilateral-request"),
    path(
        "bilaterals/<id:meeting_id>/accept/", bilaterals.bilateral_accept, name="bilateral-accept"
    ),
    path(
        "bilaterals/<id:meeting_id>/decline/",
        bilaterals.bilateral_decline,
        name="bilateral-decline",
    ),
    path(
        "bilaterals/<id:meeting_id>/cancel/", bilaterals.bilateral_cancel, name="bilateral-cancel"
    ),
]
