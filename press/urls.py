from django.urls import path

from press import views

app_name = "press"

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("two-factor/", views.SecondFactorView.as_view(), name="two-factor"),
    path("apply/<slug:conference_slug>/", views.apply, name="apply"),
    path("photo/<id:application_id>/", views.photo, name="photo"),
]
