#!/usr/bin/env bash
# Extract interface strings (gettext) into the catalogues and compile them. Needs GNU gettext.
# One catalogue per app (<app>/locale/) and one for the shared templates and settings (locale/), so
# work on different apps does not touch the same files. Translate the .po files, run this again, commit
# .po and .mo together (the suite checks that they agree and that nothing is left untranslated).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-$PWD/.venv/bin/python}"
LANGS=$($PY -c 'import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev"); import django; django.setup(); from django.conf import settings; print(" ".join(f"-l {c}" for c, _ in settings.LANGUAGES))')
APPS="home catalogue events search"
ignore=(--ignore=.venv --ignore=var --ignore=tests --ignore=node_modules)
for app in $APPS; do ignore+=(--ignore="$app"); done

# Shared: templates/, portal/ (settings: language names)
$PY manage.py makemessages $LANGS "${ignore[@]}" --no-obsolete --add-location=file >/dev/null
for app in $APPS; do
  [ -d "$app" ] || continue
  mkdir -p "$app/locale"
  (cd "$app" && $PY ../manage.py makemessages $LANGS --ignore=migrations --no-obsolete --add-location=file >/dev/null)
done
$PY manage.py compilemessages --ignore=.venv >/dev/null
echo "catalogues updated: $(ls -d locale */locale 2>/dev/null | tr '\n' ' ')"
