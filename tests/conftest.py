"""Shared test configuration: Hypothesis profiles (no deadlines: speed lives in benchmarks)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    # `make test` has a time budget (8 minutes on a 2-core machine): 60 examples a property
    # there; `make thorough` runs every property with 2,000.
    max_examples=60,
)
settings.register_profile(
    "ci",
    parent=settings.get_profile("default"),
    print_blob=True,
)
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=2000)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)
