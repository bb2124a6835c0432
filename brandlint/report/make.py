"""A report run: the files, each file's facts (here or on a Dask cluster), the history if asked,
and the report data. No printing: progress goes to the callback the CLI passes."""

from __future__ import annotations

from brandlint import project
from brandlint.report import build, facts


def make(paths: list[str], run, history: int = 0, scheduler: str | None = None, progress=None) -> dict:
    """`progress(kind, total=None, step=1)`: kind "files" or "commits"; called with total once first."""
    files = project.collect(paths or ["."], run.config)
    tick = (lambda n=1: progress("files", step=n)) if progress else None
    if progress:
        progress("files", total=len(files))
    if scheduler:
        from brandlint.report.distributed import facts_on_cluster

        found = facts_on_cluster(files, run, scheduler, tick)
    else:
        stores = facts.open_stores(run)
        found = []
        for path in files:
            found.append(facts.for_path(path, run, stores))
            if tick:
                tick()
    trend = None
    if history:
        from brandlint.report.history import trend as read_trend

        if progress:
            progress("commits", total=history)
        trend = read_trend(paths or ["."], run, history, (lambda _: progress("commits")) if progress else None)
    return build.build(found, run, trend)
