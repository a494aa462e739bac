from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The focal points' portal: an interface over the delegations and the programme, so it
    stands above both apps. It has no models of its own."""

    name = "portal"
    verbose_name = _("Portal")
