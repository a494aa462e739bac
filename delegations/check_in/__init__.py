"""The scan page at the doors: a phone or a handheld reader, signed in as a scanner or as staff."""
