from django.urls import path
from rest_framework.routers import DefaultRouter

from delegations.api import check_in, views

router = DefaultRouter()
router.register("delegations", views.DelegationViewSet, basename="delegation")
router.register("delegates", views.DelegateViewSet, basename="delegate")
router.register("invitations", views.InvitationViewSet, basename="invitation")

urlpatterns = [
    path("check-in/", check_in.CheckInView.as_view(), name="check-in"),
    *router.urls,
]
