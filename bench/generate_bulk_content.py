"""Scale the demo up for the search benchmark (see `bench/bulk.py`); run from the repository:

    .venv/bin/python bench/generate_bulk_content.py --resources 10000 --partners 2000

Adds generated resources and partners (sample data) until there are that many, then runs `update_index`
once (`--no-index` leaves that to the caller). Running it again with the same numbers changes nothing.
Use a database of its own (`make bench` keeps one per engine under var/): nothing removes the rows again.
The settings are `manage.py`'s: DJANGO_SETTINGS_MODULE (default `portal.settings.dev`), DATABASE_URL, ...
"""

import argparse
import os
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=10_000, help="resources wanted (default 10000)")
    parser.add_argument("--partners", type=int, default=2_000, help="partners wanted (default 2000)")
    parser.add_argument(
        "--no-index", action="store_true", help="do not run update_index afterwards (the caller will)"
    )
    parser.add_argument("-v", "--verbosity", type=int, default=1, choices=[0, 1, 2, 3])
    options = parser.parse_args(argv)

    if str(REPOSITORY) not in sys.path:
        sys.path.insert(0, str(REPOSITORY))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    from bench import bulk

    started = time.monotonic()
    vocabulary = bulk.Vocabulary.load()
    resources = bulk.generate_resources(max(options.resources, 0), vocabulary)
    partners = bulk.generate_partners(max(options.partners, 0), vocabulary)
    if options.verbosity > 0:
        print(
            f"Generated {len(resources)} resources and {len(partners)} partners "
            f"in {time.monotonic() - started:.0f} s."
        )
    if (resources or partners) and not options.no_index:
        call_command("update_index", verbosity=options.verbosity)


if __name__ == "__main__":
    main()
