import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django_otp import user_has_device


class Command(BaseCommand):
    help = (
        "Create the organiser superuser `admin` once. Its password comes from "
        "DJANGO_SUPERUSER_PASSWORD, or is generated and printed this one time. Then say how it "
        "signs in with its second factor."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is not None:
            self.stdout.write(f"Organiser account {username!r} exists; its password is unchanged.")
        else:
            user = self._create(User, username)
        self._two_factor_help(user)

    def _create(self, User, username):
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        user = User.objects.create_superuser(username=username, email="", password=password)
        if os.environ.get("DJANGO_SUPERUSER_PASSWORD"):
            self.stdout.write(f"Created organiser {username!r} with DJANGO_SUPERUSER_PASSWORD.")
        else:
            self.stdout.write(
                f"Created organiser {username!r} with the password {password} "
                "(shown once; set DJANGO_SUPERUSER_PASSWORD to choose it)."
            )
        return user

    def _two_factor_help(self, user):
        console = f"{settings.SITE_URL}/admin/"
        name = user.get_username()
        if not user_has_device(user):
            self.stdout.write(
                f"Two-factor sign-in: open {console} and sign in as {name!r} with the password. "
                "The console then shows a QR code: scan it with an authenticator app (FreeOTP, "
                "Aegis, Google or Microsoft Authenticator; or type the key shown under it), "
                "enter the 6-digit code the app gives, and keep the backup codes it prints."
            )
        else:
            self.stdout.write(
                f"Two-factor sign-in: {name!r} signs in at {console} with the password, then "
                "chooses its device and types the app's code (or a backup code). Phone lost? "
                f"`.venv/bin/python manage.py addstatictoken {name}` prints a one-time code."
            )
