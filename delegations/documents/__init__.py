"""Printable documents of delegations (PDF)."""
