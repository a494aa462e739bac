from django.urls import path

from delegations.portal import invitation

app_name = "portal"

urlpatterns = [
    path("invitation/<str:token>/", invitation.invitation, name="invitation"),
]
