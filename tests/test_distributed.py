"""brandlint report --scheduler: the same report from a two-worker Dask LocalCluster as from a local
run, on a slice of real copy (the shared linkerd blog corpus)."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import SHARED, invoke

CORPUS = SHARED / "corpus" / "linkerd-blog" / "content" / "blog"
SLICE = 8


@pytest.fixture
def blog(project):
    if not CORPUS.is_dir():
        pytest.skip(f"no shared corpus at {CORPUS}")
    files = sorted(CORPUS.rglob("*.md"))[:SLICE]
    for i, path in enumerate(files):
        shutil.copy(path, project / f"post-{i}.md")
    return project


def test_cluster_report_equals_local_report(blog):
    distributed = pytest.importorskip("distributed", reason="needs dask[distributed] (pip install 'brandlint[scale]')")
    local = invoke("report", ".", "--format", "json", "--as-of", "2026-11-22", "--no-cache")
    assert local.exit_code == 0, local.output
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = invoke("report", ".", "--format", "json", "--as-of", "2026-11-22", "--no-cache",
                        "--scheduler", cluster.scheduler_address)
    assert remote.exit_code == 0, remote.output
    data = json.loads(local.stdout)
    assert len(data["documents"]) == SLICE and data["findings"]["total"] > 0
    assert json.loads(remote.stdout) == data


def test_an_unreachable_scheduler_is_a_usage_error(blog):
    pytest.importorskip("distributed", reason="needs dask[distributed]")
    result = invoke("report", ".", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
