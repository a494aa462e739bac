from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from conference.views import convention_status_page
from config import health

handler404 = "config.api_errors.page_not_found"
handler500 = "config.middleware.server_error"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("portal/", include("portal.urls")),
    path("check-in/", include("delegations.check_in.urls")),
    path("liaison/", include("delegations.liaison.urls")),
    path("press/", include("press.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("config.api_urls")),
    path("convention/<str:slug>/", convention_status_page, name="convention-status-page"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
