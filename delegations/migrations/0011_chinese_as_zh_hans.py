"""Chinese correspondence was stored as "zh"; it is now "zh-hans", the code of settings.LANGUAGES
(so the portal and the messages open in it). Reversible."""

from django.db import migrations

_MODELS = ("Delegation", "HistoricalDelegation", "LiaisonOfficer")


def _recode(old, new):
    def run(apps, schema_editor):
        for name in _MODELS:
            apps.get_model("delegations", name).objects.filter(language=old).update(language=new)

    return run


class Migration(migrations.Migration):
    dependencies = [("delegations", "0010_seven_correspondence_languages")]

    operations = [migrations.RunPython(_recode("zh", "zh-hans"), _recode("zh-hans", "zh"))]
