from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

from conference.converters import DatabaseIdConverter


class ConferenceConfig(AppConfig):
    name = "conference"
    verbose_name = _("Conferences and venues")

    def ready(self):
        # `<id:...>` in every URL pattern of the project that takes an id (conference.converters).
        register_converter(DatabaseIdConverter, "id")
        # Registers the webhook tasks in every process: the services hand deliveries to
        # `conference.deliver_webhook` by name (tasks import the services, not the reverse).
        from conference.webhooks import tasks  # noqa: F401
