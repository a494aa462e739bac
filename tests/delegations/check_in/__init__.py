"""Check-in at the doors: the decisions, the scanners' API, the scan page and the console."""
