"""Argon2id with parameters chosen by measurement (bench/password_hashing.py).

Measured on the 2-core machine, 6 rounds, one hash alone / two at once (two workers signing in):

    pbkdf2 (baseline, 1,000,000 iterations)    936 ms  1.00   1610 ms  1.00
    argon2id t=2 m=100MiB p=8 (Django default) 638 ms  0.68   1027 ms  0.64
    argon2id t=3 m=64MiB p=1                   495 ms  0.53    936 ms  0.58
    argon2id t=2 m=19MiB p=1 (OWASP minimum)    53 ms  0.06    105 ms  0.07
    argon2id t=3 m=12MiB p=1                    48 ms  0.05     97 ms  0.06

OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane) costs a guesser 19 MiB of memory per try,
which is what defeats GPUs, yet is some 17 times cheaper in CPU than PBKDF2 here: a rush of
focal points signing in no longer queues behind the hashing. Django's own default (100 MiB, 8
lanes) would hold 100 MiB per sign-in in flight on a 2-core host for little gain.
Hashes made with other parameters, or by PBKDF2, are re-made at the next sign-in.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class MeasuredArgon2Hasher(Argon2PasswordHasher):
    """Argon2id (the variant Django uses), 2 passes over 19 MiB on 1 lane."""

    time_cost = 2
    memory_cost = 19456
    parallelism = 1
