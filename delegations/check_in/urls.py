from django.urls import path

from delegations.check_in import views

app_name = "check_in"

urlpatterns = [
    path("", views.scan, name="scan"),
    path("start/", views.start, name="start"),
    path("stop/", views.stop, name="stop"),
    path("photo/<str:token>/", views.photo, name="photo"),
]
