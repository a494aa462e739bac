import contextlib

import kombu.pools
import pytest
from celery.contrib.testing.worker import start_worker

from config.celery import app as celery_app


def use_broker(url):
    """Point the Celery app at `url`, dropping the connections it pooled for the previous one."""
    celery_app.conf.broker_url = url
    kombu.pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def broker(redis_url):
    """The real Redis as the broker, with tasks really queued (not eager)."""
    celery_app.conf.task_always_eager = False
    previous = celery_app.conf.broker_url
    use_broker(redis_url)
    yield use_broker
    use_broker(previous)


@pytest.fixture
def worker(broker):
    """A real Celery worker (threads) consuming from the real Redis, started on demand."""

    @contextlib.contextmanager
    def running():
        with start_worker(
            celery_app, pool="threads", concurrency=2, perform_ping_check=False, loglevel="WARNING"
        ):
            yield

    return running
