"""Print locust's CSV statistics as a table: requests/s and latency percentiles per URL."""

import csv
import sys

rows = list(csv.DictReader(open(sys.argv[1])))  # noqa: SIM115 - short script
print(f"{'URL':44} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'fails':>6}")
for row in rows:
    name = row["Name"] if row["Name"] != "Aggregated" else "(all)"
    print(
        f"{name[:44]:44} {float(row['Requests/s']):8.1f} {row['50%']:>8} {row['95%']:>8} {row['99%']:>8}"
        f" {row['Failure Count']:>6}"
    )
