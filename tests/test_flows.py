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

    from relata.flows.build import build_dataset

    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SAMPLE_DIR / "2016-03-21-obama-havana.txt", d)
    summary = build_dataset(input=str(d), out=str(tmp_path / "out"), workers=1)
    assert summary["articles_new"] == 1 and summary["rows_per_table"]["relations"] > 0

    import anyio

    async def latest_artifact():
        async with get_client() as client:
            from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

            arts = await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["build-summary"]))
            )
            return arts

    arts = anyio.run(latest_artifact)
    assert arts and "articles" in arts[0].data and "| new (written) | 1 |" in arts[0].data


def test_flow_publish_release_publishes_a_verified_release(prefect_api, sample_build, tmp_path):
    from relata.flows.release import publish_release
    from relata.release import verify_release

    # A copy: releasing takes the build's writer lock inside the tables folder.
    tables = shutil.copytree(sample_build, tmp_path / "tables")
    result = publish_release(str(tables), str(tmp_path / "releases"), "2026.11.26")
    assert result["version"] == "2026.11.26" and result["rows"]["relations"] > 0
    assert verify_release(result["path"]) == []
    assert sorted(p.name for p in (tmp_path / "releases").iterdir()) == ["2026.11.26"]
    [art] = _artifacts("release-summary")[:1]
    assert "2026.11.26" in art.data and "relations" in art.data


def _artifacts(key: str):
    import anyio
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    async def read():
        async with get_client() as client:
            return await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])), sort=ArtifactSort.CREATED_DESC
            )

    return anyio.run(read)


def test_flow_build_summary_accounts_for_every_article_and_stage(prefect_api, tmp_path):
    from relata.flows.build import build_dataset

    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SAMPLE_DIR / "2016-03-21-obama-havana.txt", d)
    shutil.copy(SAMPLE_DIR / "2016-03-21-obama-havana.txt", d / "copy.txt")
    (d / "empty.txt").write_text("")
    summary = build_dataset(input=str(d), out=str(tmp_path / "out"), workers=1)
    assert (summary["articles_read"], summary["articles_new"], summary["duplicates_skipped"], summary["rejected"]) == (
        3,
        1,
        1,
        1,
    )
    art = _artifacts("build-summary")[0].data
    for needle in (
        "| read | 3 |",
        "| new (written) | 1 |",
        "| duplicates skipped | 1 |",
        "| rejected | 1 |",
        "| empty file | 1 |",
        "| relations |",
        "| parse_extract |",
        "3 = 1 + 1 + 1",
    ):
        assert needle in art, needle


def test_flow_build_runs_on_a_dask_cluster(prefect_api, tmp_path):
    from distributed import LocalCluster

    from relata.cli import run_build_flow as run
    from relata.settings import Settings

    d = tmp_path / "in"
    d.mkdir()
    for name in ("2016-03-21-obama-havana.txt", "2016-07-01-eu-extends-russia-sanctions.txt"):
        shutil.copy(SAMPLE_DIR / name, d)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        s = Settings(
            input=str(d), out=str(tmp_path / "out"), workers=1, batch_size=1, dask_address=cluster.scheduler_address
        )
        summary = run(s)
    assert summary["articles_new"] == 2 and summary["rows_per_table"]["relations"] > 0


def test_flow_batches_a_slow_batch_holds_no_finished_batch_in_memory():
    # The flow waits on Prefect's futures through build.in_window. Waiting with Prefect's
    # as_completed on the window, call after call, hung a callback per call on a slow batch, each
    # holding every batch that finished meanwhile, until the slow one ended (minutes, at a deadline).
    import concurrent.futures as cf
    import gc
    import threading
    import uuid
    import weakref

    from prefect.futures import PrefectConcurrentFuture

    from relata.build import in_window

    release = threading.Event()

    def work(i):
        if i == 0:
            release.wait(30)
        return i

    with cf.ThreadPoolExecutor(4) as pool:
        stream = in_window(lambda i: PrefectConcurrentFuture(uuid.uuid4(), pool.submit(work, i)), range(40), 4)
        seen = []
        for _ in range(39):
            f = next(stream)
            seen.append(weakref.ref(f))
            del f
        gc.collect()
        assert sum(r() is not None for r in seen) <= 1  # at most the last one handed out
        release.set()
        assert next(stream)._wrapped_future.result() == 0
        assert next(stream, None) is None
