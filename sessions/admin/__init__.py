"""The console for the programme, one module per concern; importing them registers them."""

from sessions.admin import bilaterals, booths, gala, programme, releases, signing, speakers  # noqa: F401
