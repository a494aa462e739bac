"""The REST surface under /api/v1/: the schema and its docs; each app adds its own routes."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from conference.api.views import ConventionStatusCSVView, ConventionStatusView
from sessions.api.views import AgendaView

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("conferences/<str:slug>/", include("sessions.api.urls")),
    path(
        "conferences/<str:slug>/convention/",
        ConventionStatusView.as_view(),
        name="convention-status",
    ),
    path(
        "conferences/<str:slug>/convention.csv",
        ConventionStatusCSVView.as_view(),
        name="convention-status-csv",
    ),
    path("agenda/<str:token>.ics", AgendaView.as_view(), name="personal-agenda"),
    path("", include("delegations.api.urls")),
]
