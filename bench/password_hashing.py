"""Password hashing: Argon2id candidates against Django's PBKDF2, measured in the same run.

    .venv/bin/python bench/password_hashing.py [--rounds 10]

For each candidate it hashes one password `rounds` times, one at a time and then two at once
(this machine's two cores, as two gunicorn workers signing focal points in together), and prints
the median time per hash and its ratio to PBKDF2 (Django's default, 1,000,000 iterations), the
baseline measured in the same run because absolute times drift on a shared machine.
"""

import argparse
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.contrib.auth.hashers import Argon2PasswordHasher, PBKDF2PasswordHasher  # noqa: E402

PASSWORD = "correct horse battery staple"


def _argon2(time_cost, memory_cost, parallelism):
    return type(
        "Candidate",
        (Argon2PasswordHasher,),
        {"time_cost": time_cost, "memory_cost": memory_cost, "parallelism": parallelism},
    )


CANDIDATES = {
    "pbkdf2 (baseline)": PBKDF2PasswordHasher,
    "argon2id t=2 m=100MiB p=8 (Django default)": _argon2(2, 102400, 8),
    "argon2id t=3 m=64MiB p=1": _argon2(3, 65536, 1),
    "argon2id t=2 m=19MiB p=1 (OWASP minimum)": _argon2(2, 19456, 1),
    "argon2id t=3 m=12MiB p=1": _argon2(3, 12288, 1),
}


def _median_seconds(hasher, rounds, concurrency):
    salt = hasher.salt()

    def one(_):
        start = time.perf_counter()
        hasher.encode(PASSWORD, salt)
        return time.perf_counter() - start

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return statistics.median(pool.map(one, range(rounds * concurrency)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    baseline = {}
    print(f"{'hasher':46} {'alone ms':>9} {'ratio':>6} {'2 at once ms':>13} {'ratio':>6}")
    for name, cls in CANDIDATES.items():
        hasher = cls()
        alone = _median_seconds(hasher, args.rounds, 1)
        paired = _median_seconds(hasher, args.rounds, 2)
        baseline.setdefault("alone", alone)
        baseline.setdefault("paired", paired)
        print(
            f"{name:46} {alone * 1000:9.1f} {alone / baseline['alone']:6.2f} "
            f"{paired * 1000:13.1f} {paired / baseline['paired']:6.2f}"
        )


if __name__ == "__main__":
    main()
