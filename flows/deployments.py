"""The scheduled deployments: a daily incremental build and a weekly release.

The same two deployments are described for a Prefect server with workers in
``prefect.yaml`` (a test checks the two agree); ``relata serve`` serves them
from one process with ``prefect.serve``, against the server in
``PREFECT_API_URL`` or Prefect's temporary local one.
"""

from __future__ import annotations

from prefect import serve as prefect_serve

from relata.flows.build import build_dataset
from relata.flows.release import publish_release
from relata.settings import Settings

DAILY_BUILD = {"name": "daily-build", "cron": "0 3 * * *", "flow": "build_dataset"}
WEEKLY_RELEASE = {"name": "weekly-release", "cron": "0 6 * * 1", "flow": "publish_release"}
TIMEZONE = "UTC"


def deployments(settings: Settings) -> list:
    """Both deployments, with parameters from the settings."""
    build = build_dataset.to_deployment(
        name=DAILY_BUILD["name"],
        cron=DAILY_BUILD["cron"],
        parameters=settings.flow_parameters(),
        description="Incremental build of the relata tables from the configured input.",
        tags=["relata", "build"],
    )
    release = publish_release.to_deployment(
        name=WEEKLY_RELEASE["name"],
        cron=WEEKLY_RELEASE["cron"],
        parameters={"tables": settings.out, "out": settings.releases},
        description="Weekly versioned release of the relata tables.",
        tags=["relata", "release"],
    )
    return [build, release]


def serve(settings: Settings) -> None:
    """Serve both deployments in this process until it is stopped."""
    prefect_serve(*deployments(settings))
