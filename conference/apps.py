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
