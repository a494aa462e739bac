from django.apps import AppConfig


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = "Delegations"

    def ready(self):
        # Registers the Celery tasks in every process, the web's included: the outbox's services
        # hand rows to `delegations.deliver_messages` by its name (tasks import the services, so
        # the services cannot import the tasks).
        from delegations import tasks  # noqa: F401
