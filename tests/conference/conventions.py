"""The Convention against Cybercrime as its final clauses set it (Art. 64: open for signature in
Hanoi on 25-26 October 2025, then at Headquarters until 31 December 2026), for the register's
tests; each test names the member States of the European Union it needs."""

import datetime as dt

from conference.models import Convention


def cybercrime_convention(**fields) -> Convention:
    return Convention.objects.create(
        **{
            "slug": "uncc",
            "title": "United Nations Convention against Cybercrime",
            "short_title": "Hanoi Convention",
            "adopted_on": dt.date(2024, 12, 24),
            "depositary": "Secretary-General of the United Nations",
            "opening_place": "Hanoi",
            "opening_from": dt.date(2025, 10, 25),
            "opening_until": dt.date(2025, 10, 26),
            "headquarters_place": "United Nations Headquarters",
            "signature_closes_on": dt.date(2026, 12, 31),
            "regional_organisations": ["European Union"],
            **fields,
        }
    )
