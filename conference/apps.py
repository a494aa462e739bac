from django.apps import AppConfig


class ConferenceConfig(AppConfig):
    name = "conference"
    verbose_name = "Conferences and venues"

    def ready(self):
        # Registers the webhook tasks in every process: the services hand deliveries to
        # `conference.deliver_webhook` by name (tasks import the services, not the reverse).
        from conference.webhooks import tasks  # noqa: F401
