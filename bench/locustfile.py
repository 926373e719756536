"""Load for `make bench`: each key URL is requested equally often by BENCH_USERS simulated visitors.

The URLs come from bench/urls.txt (one per line, `#` comments); each capability adds its key pages there.
"""

import os
from pathlib import Path

from locust import HttpUser, constant, task

URLS = [
    line.strip()
    for line in (Path(__file__).parent / "urls.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]


class Visitor(HttpUser):
    wait_time = constant(float(os.environ.get("BENCH_WAIT", "0")))

    @task
    def visit_every_key_url(self):
        for url in URLS:
            with self.client.get(url, name=url, catch_response=True) as response:
                if response.status_code != 200:
                    response.failure(f"HTTP {response.status_code}")
