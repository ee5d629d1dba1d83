"""The package's structure, read from its source: stages import only the stages
below them, no module imports itself back through others, and an import made
inside a function says why (start-up time) in a comment."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "briefdoc"

# What each stage may import, besides itself. model is everyone's; read uses the
# temporal tagger of extractors for date lines; dossier merges briefs (model) and
# reads and writes their content catalogs (localize); the top level (the API, the
# CLI and pipeline.py) composes them all.
ALLOWED = {
    "model": set(),
    "extractors": {"model"},
    "read": {"model", "extractors"},
    "localize": {"model"},
    "dossier": {"model", "localize"},
    "render": {"model", "localize"},
    "build": {"model", "read", "extractors", "localize", "dossier", "render"},
    "": {"model", "read", "extractors", "localize", "dossier", "render", "build"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(["briefdoc", *parts])] = path
    return found


def _imports(name: str, path: Path, modules) -> list[tuple[str, ast.stmt, bool]]:
    """(imported module, statement, inside a function) for every import of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    in_function = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            in_function.update(id(n) for n in ast.walk(node) if n is not node)
    out = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in modules else module for a in node.names]
        for target in targets:
            if target == "briefdoc" or target.startswith("briefdoc."):
                while target not in modules and "." in target:
                    target = target.rsplit(".", 1)[0]
                out.append((target, node, id(node) in in_function))
    return out


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in ALLOWED) else ""


def test_stages_import_only_the_stages_below_them():
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        for target, node, _ in _imports(name, path, modules):
            src, dst = _stage(name), _stage(target)
            if dst != src and dst not in ALLOWED[src]:
                wrong.append(f"{path.relative_to(PACKAGE)}:{node.lineno} ({src or 'top'}) imports {target} ({dst or 'top'})")
    assert wrong == []


def test_no_import_loops():
    modules = _modules()
    graph = {name: {t for t, _, _ in _imports(name, path, modules) if t != name and t != "briefdoc"}
             for name, path in modules.items()}
    # a package's __init__ importing its own submodules is not a loop back up
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".") or t != "briefdoc"}
    loops, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                loops.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert loops == []


def test_imports_inside_functions_say_why():
    silent = []
    for path in _modules().values():
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        for fn in ast.walk(ast.parse(text)):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if isinstance(node, (ast.Import, ast.ImportFrom)) and not _commented(lines, node.lineno):
                    silent.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert sorted(set(silent)) == []


def _commented(lines: list[str], lineno: int) -> bool:
    """A comment on the import's line, or above the block of imports it belongs to."""
    i = lineno - 1
    if "#" in lines[i]:
        return True
    while i > 0 and lines[i - 1].strip().startswith(("import ", "from ")):
        i -= 1
    above = lines[i - 1].strip() if i > 0 else ""
    return above.startswith("#")


def test_no_function_is_over_80_lines():
    long = []
    for path in _modules().values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 80:
                long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert long == []
