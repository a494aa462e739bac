"""No page or document prints a timezone's database name ("Asia/Ho_Chi_Minh"): each says the
conference's time as the pages do ("Hanoi time, UTC+7"), in the reader's language."""

import re

from config.catalogues import ROOT

# A conference's or a setting's timezone printed: `{{ x.timezone }}`, `with zone=x.timezone`,
# `{{ TIME_ZONE }}`, `tzname`. The `{% timezone x.timezone %}` tag only switches the zone.
PRINTED_ZONE = re.compile(
    r"\{\{[^}]*\b(timezone|time_zone|TIME_ZONE|tzname)\b[^}]*\}\}"
    r"|\bwith\b[^%]*=\s*[\w.]*\b(timezone|time_zone|TIME_ZONE|tzname)\b"
)


def test_no_template_prints_a_timezone_name():
    printed = [
        f"{path.relative_to(ROOT)}: {match[0]}"
        for path in sorted(ROOT.glob("*/templates/**/*.*"))
        if ".venv" not in path.parts
        for match in PRINTED_ZONE.finditer(path.read_text())
    ]

    assert printed == []
