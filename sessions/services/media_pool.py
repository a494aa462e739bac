"""Places in the media pools of restricted events, given by the press office under capacity."""

from django.db import transaction

from delegations.enums import MediaState
from delegations.models import MediaApplication
from delegations.services.media import notify_journalist
from sessions.errors import PoolFull, PoolNotOpen
from sessions.models import MediaPool, PoolPlace


def assign_pool_place(pool: MediaPool, journalist: MediaApplication) -> PoolPlace:
    """Give `journalist` a place in `pool`: accredited, of the pool's conference, one journalist
    per outlet (`PoolNotOpen`), within the places (`PoolFull`, under a lock on the pool's row).
    The journalist is told by e-mail."""
    with transaction.atomic():
        pool = MediaPool.objects.select_for_update().select_related("session").get(pk=pool.pk)
        journalist = MediaApplication.objects.select_related("conference", "outlet").get(
            pk=journalist.pk
        )
        session = pool.session
        if (
            journalist.state != MediaState.ACCREDITED
            or journalist.conference_id != session.conference_id
            or pool.holders.filter(journalist__outlet_id=journalist.outlet_id).exists()
        ):
            raise PoolNotOpen()
        if pool.holders.count() >= pool.places:
            raise PoolFull()
        place = PoolPlace.objects.create(pool=pool, journalist=journalist)
        notify_journalist(
            journalist,
            "media_pool_place",
            f"media-pool:{pool.pk}:{journalist.pk}:{place.pk}",
            session_title=session.title,
            starts_at=session.starts_at,
        )
    return place


def release_pool_place(place: PoolPlace) -> None:
    """Free a place of a pool, for another journalist."""
    place.delete()
