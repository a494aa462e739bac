from django.apps import AppConfig


class PressConfig(AppConfig):
    """The journalists' pages, an interface over delegations (media accreditation) and the
    programme (the media pools), beside the portal. It has no models of its own."""

    name = "press"
    verbose_name = "Press"
