"""Benchmark: 500 badges with photos printed as one PDF, against plain reportlab pages, in the
same run.

    .venv/bin/python bench/badges.py [--count 500] [--runs 3] [--without-caches]

With --without-caches it also prints, in the same run, the badges' time with each of the
`functools.cache`s on their path turned off in turn (`conference.fonts.register_fonts`,
`conference.fonts._glyphs`): the figure each cache's docstring quotes. (`flag` of
delegations/documents/badges/content.py had one too, removed once this showed it paid nothing.)

Measured: `badges_pdf` on a queryset of issued badges, as the console's print action calls it
(the queries, reading and scaling down each photo, flags, QR codes, the fonts). Baseline: as
many ID-1 pages drawn with plain reportlab, in the same font, holding the same text and nothing
else (no photo, flag, colour or QR code). Prints the median of each over the runs, their ratio
and the PDF sizes; the target is 500 badges within 30 s.

Photos are 1200 x 1500 JPEGs, each different (a real upload is at least 400 x 500), written to a
temporary MEDIA_ROOT. It uses the PostgreSQL database of DATABASE_URL (migrated; its own rows
deleted at the end): give it a database of your own, e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mine .venv/bin/python bench/badges.py
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Tags this run's rows, so that they can be told apart from others in the database and deleted.
RUN = uuid.uuid4().hex[:8]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--without-caches", action="store_true")
    parser.add_argument("--photo-threads", action="store_true")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        parser.error("set DATABASE_URL to a PostgreSQL database of your own")

    with tempfile.TemporaryDirectory() as media:
        os.environ.update(
            DJANGO_SETTINGS_MODULE="config.settings", MEDIA_ROOT=media, LOG_LEVEL="WARNING"
        )
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        try:
            run(args.count, args.runs)
            if args.without_caches:
                run_without_caches(args.count, args.runs)
            if args.photo_threads:
                run_with_one_photo_thread(args.count, args.runs)
        finally:
            clean_up()


def run(count, runs):
    from delegations.documents.badges import badges_pdf
    from delegations.models import Badge

    conference = make_badges(count)
    badges = Badge.objects.filter(conference=conference).order_by("number")
    texts = [badge_text(badge) for badge in badges.select_related("delegate__delegation")]

    badge_times, plain_times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        pdf = badges_pdf(badges)
        badge_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        plain = plain_pages(texts)
        plain_times.append(time.perf_counter() - started)

    badge_s, plain_s = statistics.median(badge_times), statistics.median(plain_times)
    print(f"badges: {count}, runs: {runs} (medians)")
    print(f"{'':>22} {'seconds':>8} {'pages/s':>8} {'PDF MB':>7}")
    print(
        f"{'badges with photos':>22} {badge_s:>8.2f} {count / badge_s:>8.0f} {len(pdf) / 1e6:>7.1f}"
    )
    print(
        f"{'plain text pages':>22} {plain_s:>8.2f} {count / plain_s:>8.0f} {len(plain) / 1e6:>7.1f}"
    )
    print(
        f"ratio badges / plain: {badge_s / plain_s:.1f}x; target {count} within 30 s: "
        f"{'met' if badge_s <= 30 else 'MISSED'}"
    )


def run_without_caches(count, runs):
    """The badges' PDF with each cache on its path replaced by the function it wraps."""
    from conference import fonts
    from delegations.documents.badges import badges_pdf
    from delegations.models import Badge

    # The badges `run` made.
    badges = Badge.objects.filter(conference__slug=f"bench{RUN}").order_by("number")
    cached = {
        "conference.fonts.register_fonts": (fonts, "register_fonts"),
        "conference.fonts._glyphs": (fonts, "_glyphs"),
    }

    def median_seconds():
        times = []
        for _ in range(runs):
            for module, name in cached.values():
                cache_clear = getattr(getattr(module, name), "cache_clear", None)
                if cache_clear:
                    cache_clear()  # every variant starts cold, as a new worker does
            started = time.perf_counter()
            badges_pdf(badges)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    baseline = median_seconds()
    print(f"badges: {count}, runs: {runs} (medians), each cache turned off in turn")
    print(f"{'all caches on':>40} {baseline:>8.2f} s")
    for label, (module, name) in cached.items():
        wrapper = getattr(module, name)
        setattr(module, name, wrapper.__wrapped__)
        try:
            seconds = median_seconds()
        finally:
            setattr(module, name, wrapper)
        print(f"{'without ' + label:>40} {seconds:>8.2f} s  ({seconds / baseline:.2f}x)")


def run_with_one_photo_thread(count, runs):
    """The badges' PDF with its photos decoded on PHOTO_THREADS threads, then on one."""
    from delegations.documents import badges as documents
    from delegations.models import Badge

    badges = Badge.objects.filter(conference__slug=f"bench{RUN}").order_by("number")

    def median_seconds():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            documents.badges_pdf(badges)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    threads = documents.PHOTO_THREADS
    baseline = median_seconds()
    documents.PHOTO_THREADS = 1
    try:
        seconds = median_seconds()
    finally:
        documents.PHOTO_THREADS = threads
    print(f"badges: {count}, runs: {runs} (medians), photos on {threads} threads, then on one")
    print(f"{f'PHOTO_THREADS = {threads}':>40} {baseline:>8.2f} s")
    print(f"{'PHOTO_THREADS = 1':>40} {seconds:>8.2f} s  ({seconds / baseline:.2f}x)")


def make_badges(count):
    from django.core.files.storage import default_storage
    from django_countries import countries

    from delegations import services
    from delegations.models import Delegate, Delegation
    from tests.factories import ConferenceFactory

    conference = ConferenceFactory(
        slug=f"bench{RUN}",
        name="Signing Ceremony and High-Level Conference of the UN Convention against Cybercrime",
        venue__name=f"Bench-{RUN}",
        badge_zones={"head_of_delegation": ["plenary", "vip"], "delegate": ["plenary"]},
    )
    # States with their flags, then organisations (no flag), as at the conference.
    codes = [code for code, _name in countries][: count // 2]
    delegations = Delegation.objects.bulk_create(
        [
            Delegation(
                conference=conference,
                kind="member_state",
                country=code,
                focal_point_name="Focal",
                focal_point_email=f"{code}@example.org",
            )
            for code in codes
        ]
        + [
            Delegation(
                conference=conference,
                kind="ngo",
                name=f"Organisation {n}",
                focal_point_name="Focal",
                focal_point_email=f"org{n}@example.org",
            )
            for n in range(count - len(codes))
        ]
    )
    delegates = Delegate.objects.bulk_create(
        Delegate(
            delegation=delegation,
            conference=conference,
            family_name=f"Nguyễn-Example {n}",
            given_names="Thị Minh Khai",
            function="Director-General, Ministry of Public Security",
            badge_category="head_of_delegation" if n % 5 == 0 else "delegate",
            accreditation_status="accredited",
            photo=default_storage.save(f"photos/bench-{n}.jpg", photo(n)),
        )
        for n, delegation in enumerate(delegations)
    )
    for delegate in delegates:
        services.issue_badge(delegate)
    return conference


def photo(n):
    from django.core.files.base import ContentFile
    from PIL import Image, ImageDraw

    image = Image.effect_noise((1200, 1500), 30).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.ellipse((300, 250, 900, 1050), fill=(180 + n % 60, 150, 120 + n % 100))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return ContentFile(buffer.getvalue())


def badge_text(badge):
    delegate = badge.delegate
    return [
        delegate.family_name.upper(),
        delegate.given_names,
        delegate.function,
        delegate.delegation.display_name,
        " · ".join(badge.zones),
        badge.number,
    ]


def plain_pages(texts):
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from conference.fonts import register_fonts
    from delegations.documents.badges import CARD_HEIGHT, CARD_WIDTH

    regular, _bold = register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(CARD_WIDTH, CARD_HEIGHT), pageCompression=1)
    for lines in texts:
        pdf.setFont(regular, 7)
        for index, line in enumerate(lines):
            pdf.drawString(4 * mm, CARD_HEIGHT - (8 + 5 * index) * mm, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def clean_up():
    from conference.models import Conference, Venue

    Conference.objects.filter(slug=f"bench{RUN}").delete()
    Venue.objects.filter(name=f"Bench-{RUN}").delete()


if __name__ == "__main__":
    main()
