"""The console for the programme, one module per concern; importing them registers them."""

from sessions.admin import gala, programme, signing  # noqa: F401
