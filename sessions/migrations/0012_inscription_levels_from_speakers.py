"""Inscriptions made before the list ranked by the speaker: the speaker is named (the head of
delegation when none was), the level is the speaker's, held since the inscription."""

from django.db import migrations


def levels_from_speakers(apps, schema_editor):
    Inscription = apps.get_model("programme", "Inscription")
    Delegate = apps.get_model("delegations", "Delegate")
    for inscription in Inscription.objects.all():
        speaker = (
            Delegate.objects.filter(pk=inscription.speaker_id).first()
            if inscription.speaker_id
            else Delegate.objects.filter(
                delegation_id=inscription.delegation_id, role="head"
            ).first()
        )
        inscription.speaker_id = speaker.pk if speaker else None
        inscription.level = speaker.protocol_rank if speaker else "delegate"
        inscription.ranked_at = inscription.requested_at
        inscription.save(update_fields=["speaker", "level", "ranked_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("delegations", "0008_reio_and_principals"),
        ("programme", "0011_speakers_replies_full_powers"),
    ]

    operations = [migrations.RunPython(levels_from_speakers, migrations.RunPython.noop)]
