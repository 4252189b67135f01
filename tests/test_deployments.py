"""The scheduled deployments: prefect.yaml and `relata serve` describe the same two."""

from __future__ import annotations

import inspect

import yaml

from relata.settings import PROJECT_ROOT, Settings


def load_yaml() -> dict:
    return yaml.safe_load((PROJECT_ROOT / "prefect.yaml").read_text())


def test_deployments_prefect_yaml_has_the_daily_build_and_the_weekly_release():
    deps = {d["name"]: d for d in load_yaml()["deployments"]}
    assert set(deps) == {"daily-build", "weekly-release"}
    assert deps["daily-build"]["schedules"] == [{"cron": "0 3 * * *", "timezone": "UTC"}]
    assert deps["weekly-release"]["schedules"] == [{"cron": "0 6 * * 1", "timezone": "UTC"}]
    assert deps["daily-build"]["entrypoint"] == "flows/build.py:build_dataset"
    assert deps["weekly-release"]["entrypoint"] == "flows/release.py:publish_release"


def test_deployments_yaml_parameters_are_parameters_of_the_flows():
    from relata.flows.build import build_dataset
    from relata.flows.release import publish_release

    deps = {d["name"]: d for d in load_yaml()["deployments"]}
    for name, f in [("daily-build", build_dataset), ("weekly-release", publish_release)]:
        accepted = set(inspect.signature(f.fn).parameters)
        assert set(deps[name]["parameters"]) <= accepted, name
        # parameters come from the settings' environment variables
        assert all(str(v).startswith("{{ $RELATA_") for v in deps[name]["parameters"].values())


def test_deployments_served_by_relata_serve_match_prefect_yaml(tmp_path):
    from relata.flows import deployments

    s = Settings(input=str(tmp_path / "news"), out=str(tmp_path / "tables"), releases=str(tmp_path / "rel"))
    served = {d.name: d for d in deployments.deployments(s)}
    yml = {d["name"]: d for d in load_yaml()["deployments"]}
    assert set(served) == set(yml)
    for name, d in served.items():
        crons = [sch.schedule.cron for sch in d.schedules]
        assert crons == [x["cron"] for x in yml[name]["schedules"]]
    assert served["daily-build"].parameters["input"] == s.input
    assert served["daily-build"].parameters["out"] == s.out
    assert served["weekly-release"].parameters == {"tables": s.out, "out": s.releases}
