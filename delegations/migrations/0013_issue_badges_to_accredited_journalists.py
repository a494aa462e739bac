"""Journalists accredited before their badges were issued get them now: yellow, of the media
category, under the number and with the zones of their accreditation (what
`accredit_journalist` now issues). Reversed, those badges are removed again."""

from django.db import migrations


def issue(apps, schema_editor):
    Badge = apps.get_model("delegations", "Badge")
    MediaApplication = apps.get_model("delegations", "MediaApplication")
    accredited = MediaApplication.objects.filter(state="accredited", badges__isnull=True).exclude(
        badge_number=""
    )
    Badge.objects.bulk_create(
        Badge(
            conference_id=application.conference_id,
            journalist=application,
            number=application.badge_number,
            category="media",
            colour="yellow",
            zones=list(application.zones),
        )
        for application in accredited
    )


def remove(apps, schema_editor):
    apps.get_model("delegations", "Badge").objects.filter(journalist__isnull=False).delete()


class Migration(migrations.Migration):
    dependencies = [("delegations", "0012_media_badges")]

    operations = [migrations.RunPython(issue, remove)]
