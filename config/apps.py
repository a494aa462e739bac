from django.apps import AppConfig


class ProjectConfig(AppConfig):
    """The project itself as an app: its system checks and its health endpoints."""

    name = "config"
    label = "project"
    verbose_name = "Project"

    def ready(self):
        from django.contrib import admin

        from config import checks, security_log  # noqa: F401  (registers checks and receivers)

        # The console's first page opens on the conference's dashboard (config/dashboard.py).
        admin.site.index_template = "admin/dashboard.html"
