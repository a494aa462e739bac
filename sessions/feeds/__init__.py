"""The public schedule feeds, rendered from a frozen release: JSON, frab XML/JSON, iCalendar."""
