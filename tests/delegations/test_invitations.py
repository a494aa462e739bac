import datetime as dt
import threading

import pytest
import time_machine
from django.core import mail
from django.db import connection, transaction

from delegations.emails import render_message
from delegations.errors import InvitationUnavailable
from delegations.models import Invitation, InvitationToken, OutboundMessage, hash_token
from delegations.services import (
    answer_invitation,
    expire_invitations,
    invite_delegations,
    open_invitation,
    resend_invitation,
    revoke_invitation,
    send_due_reminders,
)
from tests.factories import HANOI, ConferenceFactory, DelegationFactory

pytestmark = pytest.mark.django_db

DEADLINE = dt.datetime(2025, 10, 6, 17, 0, tzinfo=HANOI)


def test_invite_delegations_sends_one_personal_invitation_in_the_delegation_language(invite):
    delegation = DelegationFactory(language="fr", focal_point_name="Mme Exemple")

    invitation, token = invite(delegation)

    message = mail.outbox[-1]
    assert message.to == [delegation.focal_point_email]
    assert message.subject == f"Invitation : {delegation.conference.name}"
    assert "du 25 octobre 2025 au 26 octobre 2025" in message.body
    assert "avant le 6 octobre 2025 à 17:00 (heure de Hanoi, UTC+7)" in message.body
    assert f"http://127.0.0.1:8000/portal/invitation/{token}/" in message.body
    assert f"/portal/invitation/{token}/" in message.alternatives[0][0]
    assert message.extra_headers["Message-ID"].startswith("<outbox-")
    invitation.refresh_from_db()
    assert invitation.state == "sent"
    assert invitation.expires_at == DEADLINE


@pytest.mark.parametrize(
    ("language", "subject", "dates", "deadline", "closing"),
    [
        (
            "es",
            "Invitación: ",
            "del 25 de octubre de 2025 al 26 de octubre de 2025",
            "antes del 6 de octubre de 2025, 17:00 (hora de Hanoi, UTC+7)",
            "La Secretaría",
        ),
        (
            "ru",
            "Приглашение: ",
            "с 25 октября 2025 г. по 26 октября 2025 г.",  # noqa: RUF001 (Russian)
            "до 6 октября 2025 г., 17:00 (время в городе Hanoi, UTC+7)",  # noqa: RUF001 (Russian)
            "Секретариат",
        ),
    ],
    ids=["es", "ru"],
)
def test_the_invitation_is_sent_in_spanish_and_in_russian(
    invite, language, subject, dates, deadline, closing
):
    delegation = DelegationFactory(language=language)

    invitation, token = invite(delegation)

    message = mail.outbox[-1]
    assert message.subject == subject + delegation.conference.name
    assert dates in message.body
    assert deadline in message.body
    assert message.body.rstrip().endswith(closing)
    assert f"/portal/invitation/{token}/" in message.body
    html = message.alternatives[0][0]
    assert f'lang="{language}"' in html
    assert closing in html
    (queued,) = OutboundMessage.objects.filter(invitation=invitation)
    assert (queued.language, queued.state) == (language, "sent")


def test_a_language_without_templates_falls_back_to_english():
    conference = ConferenceFactory()
    context = {"conference": conference, "delegation": DelegationFactory(conference=conference)}

    message = render_message("invitation", language="de", context=context)

    assert message.language == "en"
    assert message.subject.startswith("Invitation: ")


@pytest.mark.parametrize(
    ("language", "subject", "sentences", "direction"),
    [
        (
            "ar",
            "دعوة: ",
            [
                "يشرفنا أن ندعو مصر إلى",
                "في الفترة من 25 أكتوبر 2025 إلى 26 أكتوبر 2025",
                "في موعد أقصاه 6 أكتوبر 2025، 17:00",
            ],
            "rtl",
        ),
        (
            "zh-hans",
            "邀请\N{FULLWIDTH COLON}",
            [
                "荣幸地邀请埃及出席",
                "将于2025年10月25日至2025年10月26日",
                "请于2025年10月6日 17:00",
            ],
            "ltr",
        ),
    ],
)
def test_the_invitation_is_written_in_arabic_and_in_chinese(
    invite, language, subject, sentences, direction
):
    delegation = DelegationFactory(language=language, country="EG")

    _invitation, token = invite(delegation)

    message = mail.outbox[-1]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert message.subject == f"{subject}{delegation.conference.name}"
    assert f'<html lang="{language}" dir="{direction}">' in html
    for sentence in sentences:
        assert sentence in message.body
        assert sentence in html
    assert f"/portal/invitation/{token}/" in message.body
    assert "Please answer" not in message.body


def test_invitation_token_is_stored_only_as_its_hash(invite):
    invitation, token = invite(DelegationFactory())

    assert len(token) >= 43  # 256 random bits, URL-safe
    assert InvitationToken.objects.get(invitation=invitation).token_hash == hash_token(token)
    stored = OutboundMessage.objects.get(invitation=invitation)
    assert token not in stored.body_text + stored.body_html + stored.secret


def test_invite_delegations_twice_queues_nothing_the_second_time(
    django_capture_on_commit_callbacks,
):
    conference = ConferenceFactory()
    for country in ("FR", "DE", "JP"):
        DelegationFactory(conference=conference, country=country)

    with django_capture_on_commit_callbacks(execute=True):
        first = invite_delegations(conference)
        second = invite_delegations(conference)

    assert (len(first), len(second)) == (3, 0)
    assert len(mail.outbox) == 3


def test_a_rolled_back_transaction_leaves_no_row_and_sends_nothing(
    django_capture_on_commit_callbacks,
):
    delegation = DelegationFactory()

    def failing_request():
        with transaction.atomic():
            invite_delegations(delegation.conference)
            raise RuntimeError("the organiser's request failed")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        failing_request()

    assert callbacks == []
    assert OutboundMessage.objects.count() == 0
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_opening_the_link_never_answers_it(invite):
    invitation, token = invite(DelegationFactory())

    for _ in range(3):
        open_invitation(token)

    invitation.refresh_from_db()
    assert invitation.state == "opened"
    assert invitation.answered_at is None


def test_accepting_confirms_the_delegation_and_sends_the_confirmation(invite):
    delegation = DelegationFactory(language="vi")
    _, token = invite(delegation)

    invitation = answer_invitation(token, accept=True)

    delegation.refresh_from_db()
    assert (invitation.state, delegation.status) == ("accepted", "confirmed")
    confirmation = OutboundMessage.objects.get(idempotency_key=f"invitation:{invitation.pk}:answer")
    assert confirmation.subject.startswith("Xác nhận tham dự")


def test_declining_records_declined(invite):
    delegation = DelegationFactory()
    _, token = invite(delegation)

    answer_invitation(token, accept=False)

    delegation.refresh_from_db()
    assert delegation.status == "declined"


@pytest.mark.parametrize("case", ["used", "revoked", "expired", "forged"])
def test_unusable_links_are_refused_alike(invite, case):
    invitation, token = invite(DelegationFactory())
    if case == "used":
        answer_invitation(token, accept=True)
    elif case == "revoked":
        revoke_invitation(invitation)
    elif case == "forged":
        token = token[:-4] + "AAAA"

    later = DEADLINE + dt.timedelta(minutes=1) if case == "expired" else dt.datetime.now(dt.UTC)
    with time_machine.travel(later), pytest.raises(InvitationUnavailable) as excinfo:
        answer_invitation(token, accept=True)

    assert excinfo.value.status_code == 410


def test_resend_gives_a_fresh_link_and_the_old_one_still_works(invite):
    invitation, old_token = invite(DelegationFactory())

    resend_invitation(invitation)

    assert InvitationToken.objects.filter(invitation=invitation).count() == 2
    assert open_invitation(old_token) == invitation


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_answers_record_exactly_one(invite):
    invitation, token = invite(DelegationFactory())
    barrier = threading.Barrier(2)
    outcomes = []

    def answer(accept):
        try:
            barrier.wait()
            answer_invitation(token, accept=accept)
            outcomes.append("recorded")
        except InvitationUnavailable:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=(flag,)) for flag in (True, False)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["recorded", "refused"]
    invitation.refresh_from_db()
    assert invitation.state in ("accepted", "declined")
    assert OutboundMessage.objects.filter(idempotency_key__endswith=":answer").count() == 1


def test_reminders_go_out_once_per_step_when_due(django_capture_on_commit_callbacks):
    conference = ConferenceFactory()
    delegation = DelegationFactory(conference=conference)
    with (
        time_machine.travel(DEADLINE - dt.timedelta(days=30)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        invite_delegations(conference)

    sent_per_run = []
    for days_before in (20, 14, 13, 7, 7, 3, 2, 1):
        with (
            time_machine.travel(DEADLINE - dt.timedelta(days=days_before, seconds=-1)),
            django_capture_on_commit_callbacks(execute=True),
        ):
            sent_per_run.append(send_due_reminders())

    assert sent_per_run == [0, 1, 0, 1, 0, 0, 1, 0]
    reminders = [m for m in mail.outbox if m.subject.startswith("Rappel : ")]
    assert len(reminders) == 3
    assert Invitation.objects.get(delegation=delegation).reminders_sent == 3


def test_answered_invitations_are_not_reminded(invite):
    _invitation, token = invite(DelegationFactory())
    answer_invitation(token, accept=True)

    with time_machine.travel(DEADLINE - dt.timedelta(days=1)):
        assert send_due_reminders() == 0


def test_unanswered_invitations_expire_at_the_deadline(invite):
    invitation, _ = invite(DelegationFactory())

    with time_machine.travel(DEADLINE - dt.timedelta(seconds=1)):
        assert expire_invitations() == 0
    with time_machine.travel(DEADLINE):
        assert expire_invitations() == 1

    invitation.refresh_from_db()
    assert invitation.state == "expired"
