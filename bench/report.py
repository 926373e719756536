"""Print locust's CSV statistics of `make bench` as a table: per URL and portal server (page cache off
or on), requests/s, p50/p95/p99 latency and the share of the ceiling measured in the same run.

    python bench/report.py var/bench-database/locust_stats.csv PHASE_SECONDS

Each URL had the server to itself for PHASE_SECONDS (bench/locustfile.py), so its requests/s is its count
divided by that; `ceiling` is bench/ceiling.py's bare Django view of 20 KB under the same gunicorn settings.
"""

import csv
import sys


def rows(path):
    with open(path) as stats:
        return [row for row in csv.DictReader(stats) if row["Name"] != "Aggregated"]


def table(stats, seconds):
    """Lines of the table; the ceiling first, then each URL with one line per server."""
    ceiling = next((row for row in stats if row["Name"].startswith("ceiling ")), None)
    ceiling_rate = int(ceiling["Request Count"]) / seconds if ceiling else None
    lines = [
        f"{'cache':8} {'URL':60} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'ceiling':>8} {'fails':>6}"
    ]
    for row in sorted(stats, key=lambda row: (row is not ceiling, *reversed(row["Name"].split(" ", 1)))):
        server, _, url = row["Name"].partition(" ")
        rate = int(row["Request Count"]) / seconds
        share = f"{rate / ceiling_rate:8.1%}" if ceiling_rate else f"{'-':>8}"
        lines.append(
            f"{server:8} {url[:60]:60} {rate:8.1f} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7} {share}"
            f" {row['Failure Count']:>6}"
        )
    return lines


if __name__ == "__main__":
    print("\n".join(table(rows(sys.argv[1]), float(sys.argv[2]))))
