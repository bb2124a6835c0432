"""The import graph reads top-down: no circles, and no module imports from a layer above its own.
Imports inside functions count. The layers are the ones the README's "How it is built" draws."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "brandlint"

# Top to bottom. A module may import its own layer (without circles) and any layer below.
LAYERS = [
    ["launch", "__main__", "cli", "cli_report", "cli_model", "cli_messaging", "console", "runs", "init"],
    ["server", "lsp"],
    ["project", "results", "gitdiff", "baselines", "explain", "examples", "reporters", "report"],
    ["rules", "engine", "directives", "selectors"],
    ["kinds", "claims"],
    ["readers", "messaging", "config", "matching", "prose", "grades", "figures", "language", "fixes",
     "fingerprints", "embedding", "published"],
    ["model", "yamlfile", "paths", "wordlists", "cache", "codehash", "__init__"],
]


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1]) if parts[-1] == "__init__" and len(parts) > 1 else ".".join(parts)


def _layer(module: str) -> int:
    top = module.split(".")[0]
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    raise AssertionError(f"brandlint.{module} is in no layer; add it to LAYERS and to the README's graph")


def graph() -> dict[str, set[str]]:
    modules = {_name(p): p for p in PACKAGE.rglob("*.py")}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for target in targets:
                if target.startswith("brandlint."):
                    inner = target[len("brandlint."):]
                    if inner in modules and inner != module:
                        edges[module].add(inner)
            if isinstance(node, ast.ImportFrom) and node.module == "brandlint":
                edges[module].update(a.name for a in node.names if a.name in modules and a.name != module)
    return edges


def test_no_module_imports_a_higher_layer():
    wrong = [(m, t) for m, targets in graph().items() for t in targets if _layer(t) < _layer(m)]
    assert wrong == []


def test_no_import_circles():
    edges = graph()
    state: dict[str, int] = {}
    circles = []

    def visit(module, trail):
        state[module] = 1
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                circles.append(trail[trail.index(target):] + [target] if target in trail else [module, target])
            elif target not in state:
                visit(target, trail + [target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_no_module_over_400_lines():
    long = {_name(p): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
