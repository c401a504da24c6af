"""The shape of the code the house style asks for, checked on the source with ``ast``.

* No private name crosses a module boundary: ``from labapp.x import _name`` is allowed only where
  ``_name`` is a module of package ``labapp.x`` imported from inside that package (a feature's
  sibling ``_module``); ``module._name`` on an imported LabApp module is refused alike.
* A module over ~400 lines says why in its docstring (``Long module on purpose: …``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "labapp"
#: Lines a module may have before its docstring must say why it is longer.
MAX_LINES = 420
LONG_REASON = "Long module on purpose:"


def _modules() -> Iterator[tuple[str, Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path, ast.parse(path.read_text(encoding="utf-8"))


def _is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _private_imports(module: str, path: Path, tree: ast.Module) -> Iterator[str]:
    """``from labapp.x import _name`` where ``_name`` is not a sibling module of the package."""
    here = _package_of(module, path)
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("labapp"):
            continue
        for alias in node.names:
            if not _private(alias.name):
                continue
            target = f"{node.module}.{alias.name}"
            inside = here == node.module or here.startswith(f"{node.module}.")
            if not (_is_module(target) and inside):
                yield f"{path.relative_to(ROOT)}:{node.lineno} imports {target}"


def _module_aliases(tree: ast.Module) -> dict[str, str]:
    """Local names bound to a LabApp module (``import labapp.x as m``, ``from labapp import x``)."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("labapp") and alias.asname:
                    bound[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("labapp"):
            for alias in node.names:
                dotted = f"{node.module}.{alias.name}"
                if _is_module(dotted):
                    bound[alias.asname or alias.name] = dotted
    return bound


def _private_attributes(path: Path, tree: ast.Module) -> Iterator[str]:
    """``m._name`` where ``m`` is another LabApp module."""
    aliases = _module_aliases(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and _private(node.attr)
            and not _is_module(f"{aliases[node.value.id]}.{node.attr}")
        ):
            used = f"{aliases[node.value.id]}.{node.attr}"
            yield f"{path.relative_to(ROOT)}:{node.lineno} uses {used}"


def test_no_private_name_is_imported_across_modules() -> None:
    found = [
        problem
        for module, path, tree in _modules()
        for problem in (*_private_imports(module, path, tree), *_private_attributes(path, tree))
    ]
    assert found == [], "give the name a public spelling:\n" + "\n".join(found)


def test_the_rule_sees_a_private_name_and_allows_a_sibling_module() -> None:
    """The walk itself: a private function is caught, a feature's own ``_module`` is not."""
    source = (
        "from labapp.services.demo._seed import _validate\n"
        "from labapp.services.demo import _catalogue\n"
        "from labapp.services import demo as d\n"
        "d._nothing\n"
    )
    tree = ast.parse(source)
    inside = PACKAGE / "services" / "demo" / "_seed.py"
    outside = PACKAGE / "services" / "register" / "_row.py"
    assert len(list(_private_imports("labapp.services.demo._seed", inside, tree))) == 1
    assert len(list(_private_imports("labapp.services.register._row", outside, tree))) == 2
    assert len(list(_private_attributes(outside, tree))) == 1


def test_a_long_module_says_why() -> None:
    long = []
    for _module, path, tree in _modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and LONG_REASON not in (ast.get_docstring(tree) or ""):
            long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert long == [], f"split it, or say '{LONG_REASON} …' in its docstring:\n" + "\n".join(long)
