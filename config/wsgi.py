import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django_application = get_wsgi_application()

from sessions.feeds.replay import FeedReplay  # noqa: E402  (needs the settings configured)

# Warm schedule feeds are answered before Django's middleware (sessions/feeds/replay.py).
application = FeedReplay(django_application)
