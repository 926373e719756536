#!/usr/bin/env bash
# Extract interface strings (gettext) into the catalogues and compile them. Needs GNU gettext.
#   scripts/messages.sh            every catalogue
#   scripts/messages.sh home .     only the home app's and the shared one (".": templates/, portal/)
# One catalogue per app (<app>/locale/) and one for the shared templates and settings (locale/), so work
# on different apps does not touch the same files. Translate the .po files, run this again, commit .po and
# .mo together (the suite checks that they agree and that nothing is left untranslated). Catalogues whose
# only change is the extraction date are left as they were.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-$PWD/.venv/bin/python}"
LANGS=$($PY -c 'import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev"); import django; django.setup(); from django.conf import settings; print(" ".join(f"-l {c}" for c, _ in settings.LANGUAGES))')
ALL_APPS=$(ls -d */apps.py 2>/dev/null | xargs -n1 dirname | tr '\n' ' ')
TARGETS="${*:-. $ALL_APPS}"

for target in $TARGETS; do
  if [ "$target" = "." ]; then
    ignore=(--ignore=.venv --ignore=var --ignore=tests --ignore=node_modules)
    for app in $ALL_APPS; do ignore+=(--ignore="$app"); done
    $PY manage.py makemessages $LANGS "${ignore[@]}" --no-obsolete --add-location=file >/dev/null
  else
    mkdir -p "$target/locale"
    (cd "$target" && $PY ../manage.py makemessages $LANGS --ignore=migrations --no-obsolete --add-location=file >/dev/null)
  fi
done

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  for po in $(git diff --name-only -- '*.po'); do
    if [ -z "$(git diff -U0 -- "$po" | grep -E '^[+-][^+-]' | grep -v 'POT-Creation-Date')" ]; then
      git checkout -q -- "$po"
    fi
  done
fi
$PY manage.py compilemessages --ignore=.venv >/dev/null
echo "catalogues: $(ls -d locale */locale 2>/dev/null | tr '\n' ' ')"
