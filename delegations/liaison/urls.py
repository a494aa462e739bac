from django.urls import path

from delegations.liaison import views

app_name = "liaison"

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("two-factor/", views.SecondFactorView.as_view(), name="two-factor"),
    path("password/<uidb64>/<token>/", views.PasswordSetView.as_view(), name="password-set"),
    path("delegations/<id:delegation_id>/", views.delegation, name="delegation"),
    path("days/<str:day>/", views.day_sheet, name="day"),
    path("days/<str:day>/arrivals.pdf", views.day_sheet_pdf, name="day-pdf"),
]
