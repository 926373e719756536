"""Load for `make bench`: each key URL is requested equally often by BENCH_USERS simulated visitors.

The URLs come from bench/urls.txt (one per line, `#` comments); each capability adds its key pages there.
`BENCH_URLS` names another list (bench/search-urls.txt for the search mix).
"""

import os
from pathlib import Path

from locust import HttpUser, constant, task

# BENCH_URLS: another list, e.g. bench/search-urls.txt (the search mix, `BENCH_MIX=search`).
URLS_FILE = Path(os.environ.get("BENCH_URLS") or Path(__file__).parent / "urls.txt")
URLS = [
    line.strip() for line in URLS_FILE.read_text().splitlines() if line.strip() and not line.startswith("#")
]


class Visitor(HttpUser):
    wait_time = constant(float(os.environ.get("BENCH_WAIT", "0")))

    @task
    def visit_every_key_url(self):
        for url in URLS:
            with self.client.get(url, name=url, catch_response=True) as response:
                if response.status_code != 200:
                    response.failure(f"HTTP {response.status_code}")
