"""The console for the programme, one module per concern; importing them registers them."""

from sessions.admin import (  # noqa: F401
    bilaterals,
    booths,
    gala,
    media_pool,
    programme,
    releases,
    side_events,
    signing,
    speakers,
)
