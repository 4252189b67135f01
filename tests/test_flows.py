"""The Prefect flows run end to end against a temporary Prefect API (slow: one server per session)."""

from __future__ import annotations

import shutil

import pytest

from relata.settings import SAMPLE_DIR

pytestmark = pytest.mark.prefect


@pytest.fixture(scope="module")
def prefect_api():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def test_flow_build_dataset_builds_and_publishes_its_summary(prefect_api, tmp_path):
    from prefect.client.orchestration import get_client

    from flows.build import build_dataset
    from relata.settings import Settings

    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SAMPLE_DIR / "2016-03-21-obama-havana.txt", d)
    s = Settings(input=str(d), out=str(tmp_path / "out"), workers=1)
    summary = build_dataset(s)
    assert summary["articles_new"] == 1 and summary["rows_per_table"]["relations"] > 0

    import anyio

    async def latest_artifact():
        async with get_client() as client:
            from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

            arts = await client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["build-summary"])))
            return arts

    arts = anyio.run(latest_artifact)
    assert arts and "articles" in arts[0].data and "| new (written) | 1 |" in arts[0].data


def test_flow_publish_release_publishes_a_verified_release(prefect_api, sample_build, tmp_path):
    from flows.release import publish_release
    from relata.release import verify_release

    # A copy: releasing takes the build's writer lock inside the tables folder.
    tables = shutil.copytree(sample_build, tmp_path / "tables")
    result = publish_release(str(tables), str(tmp_path / "releases"), "2026.11.26")
    assert result["version"] == "2026.11.26" and result["rows"]["relations"] > 0
    assert verify_release(result["path"]) == []
    assert sorted(p.name for p in (tmp_path / "releases").iterdir()) == ["2026.11.26"]
