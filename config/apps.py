from django.apps import AppConfig


class ProjectConfig(AppConfig):
    """The project itself as an app: its system checks and its health endpoints."""

    name = "config"
    label = "project"
    verbose_name = "Project"

    def ready(self):
        from config import checks, security_log  # noqa: F401  (registers checks and receivers)
