from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    """The programme. Labelled `programme` because django.contrib.sessions owns `sessions`."""

    name = "sessions"
    label = "programme"
    verbose_name = "Programme"
