"""Load for `make bench`: each URL on its own for a few seconds, like `wrk` against one URL at a time.

The run is a sequence of phases of BENCH_PHASE_SECONDS each, counted from the start of the test: first the ceiling (bench/ceiling.py, a bare Django view of 20 KB under the same gunicorn
settings, at BENCH_CEILING_HOST), then every URL of the list against each portal server in
BENCH_SERVERS (`off=http://…` builds every page, `on=http://…` has the page cache on). In each phase all
BENCH_USERS simulated visitors request that one URL back to back, so a phase's requests/s is what the
server does for that page alone, comparable with the ceiling measured a minute earlier on the same machine.
Statistics are named `<server> <url>` (`ceiling /ceiling/` for the ceiling); bench/report.py reads them.

The URLs come from bench/urls.txt (one per line, `#` comments); each capability adds its key pages there.
`BENCH_URLS` names another list (bench/search-urls.txt for the search mix).
"""

import os
import time
from pathlib import Path

import gevent
from locust import HttpUser, constant, events, task
from locust.exception import StopUser

# BENCH_URLS: another list, e.g. bench/search-urls.txt (the search mix, `BENCH_MIX=search`).
URLS_FILE = Path(os.environ.get("BENCH_URLS") or Path(__file__).parent / "urls.txt")
URLS = [
    line.strip() for line in URLS_FILE.read_text().splitlines() if line.strip() and not line.startswith("#")
]
PHASE_SECONDS = float(os.environ.get("BENCH_PHASE_SECONDS", "5"))


def plan(servers=None, ceiling=None):
    """[(statistics name, absolute URL)] in the order the phases run."""
    servers = servers if servers is not None else os.environ.get("BENCH_SERVERS", "")
    ceiling = ceiling if ceiling is not None else os.environ.get("BENCH_CEILING_HOST", "")
    phases = [("ceiling /ceiling/", f"{ceiling}/ceiling/")] if ceiling else []
    for item in servers.split():
        label, _, host = item.partition("=")
        phases += [(f"{label} {url}", host + url) for url in URLS]
    return phases


PLAN = plan()
_started = {}


@events.test_start.add_listener
def _start_clock(environment, **kwargs):
    _started["at"] = time.monotonic()


class Visitor(HttpUser):
    wait_time = constant(0)

    @task
    def visit_this_phases_url(self):
        phase = int((time.monotonic() - _started.setdefault("at", time.monotonic())) // PHASE_SECONDS)
        if phase >= len(PLAN):
            # Every phase done: end the run (locust's --run-time is only a safety net; its clock can
            # start before a slow start-up is over).
            gevent.spawn(self.environment.runner.quit)
            raise StopUser
        name, url = PLAN[phase]
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
