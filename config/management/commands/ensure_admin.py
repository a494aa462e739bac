import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the organiser superuser `admin` once. Its password comes from "
        "DJANGO_SUPERUSER_PASSWORD, or is generated and printed this one time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):

        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Organiser account {username!r} exists; its password is unchanged.")
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        if os.environ.get("DJANGO_SUPERUSER_PASSWORD"):
            self.stdout.write(f"Created organiser {username!r} with DJANGO_SUPERUSER_PASSWORD.")
        else:
            self.stdout.write(
                f"Created organiser {username!r} with the password {password} "
                "(shown once; set DJANGO_SUPERUSER_PASSWORD to choose it)."
            )
