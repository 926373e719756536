"""The load test and its data (not shipped: `pip install .` leaves `bench/` out)."""
