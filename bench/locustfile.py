"""Load for `make bench`: each key URL is requested equally often by BENCH_USERS simulated visitors.

Each visitor walks the list in a circle from its own starting point, so even a short run on a slow
machine samples every URL (walking the whole list from the top would leave the last ones unmeasured).

The URLs come from bench/urls.txt (one per line, `#` comments); each capability adds its key pages there.
`BENCH_URLS` names another list (bench/search-urls.txt for the search mix).
"""

import itertools
import os
import random
from pathlib import Path

from locust import HttpUser, constant, task

# BENCH_URLS: another list, e.g. bench/search-urls.txt (the search mix, `BENCH_MIX=search`).
URLS_FILE = Path(os.environ.get("BENCH_URLS") or Path(__file__).parent / "urls.txt")
URLS = [
    line.strip() for line in URLS_FILE.read_text().splitlines() if line.strip() and not line.startswith("#")
]


class Visitor(HttpUser):
    wait_time = constant(float(os.environ.get("BENCH_WAIT", "0")))

    def on_start(self):
        start = random.randrange(len(URLS))  # noqa: S311 - spreading load, not security
        self.urls = itertools.cycle(URLS[start:] + URLS[:start])

    @task
    def visit_the_next_key_url(self):
        url = next(self.urls)
        with self.client.get(url, name=url, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
