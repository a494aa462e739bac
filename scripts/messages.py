"""Extract the translatable strings of the project and update the catalogues.

    .venv/bin/python scripts/messages.py            # every language of settings.LANGUAGES but en
    .venv/bin/python scripts/messages.py ar es      # only these

New strings are added untranslated and strings no longer in the code are kept as obsolete; the
entries are sorted as Babel writes them (config/catalogues.py).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main(languages):
    import django

    django.setup()
    from django.conf import settings
    from django.utils.translation import to_locale

    from config.catalogues import template_catalog, update

    template = template_catalog()
    codes = languages or [code for code, _name in settings.LANGUAGES if code != "en"]
    for code in codes:
        update(to_locale(code), template)
        print(f"locale/{to_locale(code)}: {len(template)} messages")


if __name__ == "__main__":
    main(sys.argv[1:])
