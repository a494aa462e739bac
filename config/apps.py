from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class ProjectConfig(AppConfig):
    """The project itself as an app: its system checks and its health endpoints."""

    name = "config"
    label = "project"
    verbose_name = "Project"

    def ready(self):
        # Imported for their side effects: the system checks and the security log's receivers.
        from conference import security_log, sign_in_throttle  # noqa: F401
        from config import checks  # noqa: F401
        from config.console_words import label_unlabelled_fields

        label_unlabelled_fields()


class ConsoleAdminConfig(AdminConfig):
    """Django's admin, whose default site is the two-factor console: every `admin.register` and
    `admin.site` of the apps then land on it (Django's documented way to replace the site)."""

    default_site = "config.console.ConsoleAdminSite"

    def ready(self):
        # Before the apps' consoles register (super().ready() discovers them): they copy it.
        from config.console_time import use_conference_time_in_lists
        from config.console_typed_time import use_typed_time_checks
        from config.console_words import title_lists_by_what_they_list
        from config.widgets import use_conference_time_widget

        use_conference_time_widget()
        use_conference_time_in_lists()
        use_typed_time_checks()
        title_lists_by_what_they_list()
        super().ready()
