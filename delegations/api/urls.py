from rest_framework.routers import DefaultRouter

from delegations.api import views

router = DefaultRouter()
router.register("delegations", views.DelegationViewSet, basename="delegation")
router.register("delegates", views.DelegateViewSet, basename="delegate")
router.register("invitations", views.InvitationViewSet, basename="invitation")

urlpatterns = router.urls
