"""Celery tasks of the programme: thin, idempotent wrappers around the services."""

from celery import shared_task

from sessions.feeds.cache import WARM_TASK
from sessions.feeds.warm import warm_release
from sessions.models import ScheduleRelease


@shared_task(name=WARM_TASK, ignore_result=True)
def warm_feeds(*, release_id):
    release = (
        ScheduleRelease.objects.select_related("conference__venue").filter(pk=release_id).first()
    )
    if release is None:
        return 0
    return warm_release(release)
