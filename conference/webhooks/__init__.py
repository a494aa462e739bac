"""Webhooks for integrators: an organiser registers a URL and the events it wants; each event
becomes a signed delivery row in the emitting transaction, sent after commit by a Celery task."""
