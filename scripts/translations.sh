#!/usr/bin/env bash
# Extract every translatable string and update all catalogues, then compile them.
# Run from the repository root: `bash scripts/translations.sh` (or `make messages`).
# It rewrites the .po files (new msgids appended in source order, obsolete ones dropped):
# run it on one branch at a time, at merge, never in parallel branches.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
LOCALES=(ar zh_Hans es fr ru vi)
args=()
for locale in "${LOCALES[@]}"; do args+=(-l "$locale"); done
# Django's makemessages reads templates ({% translate %}, {% blocktranslate %}) as well as
# Python; it needs GNU gettext (xgettext, msgmerge), a Debian package.
DATABASE_URL= REDIS_URL= "$BIN/python" manage.py makemessages "${args[@]}" \
    --no-obsolete --add-location file --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*'
"$BIN/pybabel" -q compile -d locale -D django
# Then: the completeness test lists every msgid still untranslated or fuzzy, per language.
echo "Now run: .venv/bin/pytest -q tests/conference/test_translations.py"
