"""Printable documents of the programme (PDF)."""
