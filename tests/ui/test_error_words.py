"""Every error code raised below the UI has words in the GUI and in the CLI, in English and Chinese.

The codes are collected from the source with ``ast`` (never listed by hand, so a new one cannot be
forgotten): every ``ValidationError(..., code="…")`` (and every subclass's), the constant codes
handed to a helper that builds one, the codes of the tables some refusals are read from, and the
first argument of ``AuthenticationError`` and ``PermissionDeniedError``.  A code that is not a
literal, and is not one of the forwardings named below, fails the walk itself: it must be made
findable.

For each code the GUI's sentence (:mod:`labapp.ui.common.errors`, the one ``describe`` words every
error with) must exist, be in the zh_CN catalogue, translated, and hold Chinese; the CLI's sentence
(:mod:`labapp.cli.messages`) likewise in both columns.  ``ImportFileError`` and
``WorkbookLimitError`` carry their own EN/ZH sentences: their tables are checked the same way.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from labapp.paths import resources_dir

ROOT = Path(__file__).resolve().parents[2]
#: Below the UI: where typed errors are raised for the GUI and the CLI to word.
LAYERS = ("metrology", "domain", "persistence", "io", "services")
TS = resources_dir() / "i18n" / "labapp_zh_CN.ts"
HAN = re.compile(r"[\u4e00-\u9fff]")
#: Error classes whose first argument is their code.
CODED = ("AuthenticationError", "PermissionDeniedError")
#: ``code=<expression>`` that pass on a code collected elsewhere (module, expression).
FORWARDED = {
    ("labapp/services/events/_draft.py", "exc.code"),  # a point's refusal, renamed to its row
    ("labapp/persistence/uow.py", "code"),  # KNOWN_CONSTRAINTS, collected below
    ("labapp/services/events/_signing.py", "code"),  # _SIGNABLE, collected below
}
#: Tables a code is read from: (module, name, index of the code in each value).
TABLES = (
    ("labapp/persistence/uow.py", "KNOWN_CONSTRAINTS", 1),
    ("labapp/services/events/_signing.py", "_SIGNABLE", 0),
)


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for layer in LAYERS:
        for path in sorted((ROOT / "labapp" / layer).rglob("*.py")):
            yield str(path.relative_to(ROOT)), ast.parse(path.read_text(encoding="utf-8"))


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _validation_classes(trees: list[tuple[str, ast.Module]]) -> set[str]:
    """``ValidationError`` and every class derived from it in the source."""
    names = {"ValidationError"}
    for _path, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id in names for b in node.bases
            ):
                names.add(node.name)
    return names


def _code_keyword(call: ast.Call) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == "code"), None)


def _helpers(tree: ast.Module, classes: set[str]) -> tuple[dict[str, int], set[int]]:
    """Functions that build a ValidationError from their own parameter: name → its position,
    and the ids of those inner calls (their code is read where the helper is called)."""
    found: dict[str, int] = {}
    inner: set[int] = set()
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef):
            continue
        params = [a.arg for a in func.args.args]
        for call in ast.walk(func):
            if isinstance(call, ast.Call) and _name(call) in classes:
                code = _code_keyword(call)
                if isinstance(code, ast.Name) and code.id in params:
                    found[func.name] = params.index(code.id)
                    inner.add(id(call))
    return found, inner


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _table_codes(tree: ast.Module, name: str, index: int) -> Iterator[str]:
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            assert isinstance(node.value, ast.Dict), name  # type: ignore[union-attr]
            for value in node.value.values:  # type: ignore[union-attr]
                assert isinstance(value, ast.Tuple), name
                code = _literal(value.elts[index])
                assert code is not None, name
                yield code


def collect() -> tuple[dict[str, set[str]], list[str]]:
    """Codes raised below the UI (kind → codes) and the places whose code cannot be read."""
    trees = list(_sources())
    classes = _validation_classes(trees)
    codes: dict[str, set[str]] = {"validation": set(), **{c: set() for c in CODED}}
    unread: list[str] = []
    helpers: dict[str, int] = {}
    inner: set[int] = set()
    for _path, tree in trees:  # a helper may be called from another module of its package
        found, calls = _helpers(tree, classes)
        helpers.update(found)
        inner |= calls
    for path, tree in trees:
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = _name(call)
            if name in classes or (name == "__init__" and _code_keyword(call) is not None):
                code = _code_keyword(call)
                if code is None and name in classes:
                    codes["validation"].add("invalid")  # ValidationError's default code
                elif code is None or id(call) in inner:
                    continue
                elif _literal(code) is not None:
                    codes["validation"].add(_literal(code))  # type: ignore[arg-type]
                elif (path, ast.unparse(code)) not in FORWARDED:
                    unread.append(f"{path}:{call.lineno} code={ast.unparse(code)}")
            elif name in helpers:
                position = helpers[name]
                arg = call.args[position] if len(call.args) > position else None
                code = _literal(arg)
                if code is not None:
                    codes["validation"].add(code)
                elif not isinstance(arg, ast.Name):
                    unread.append(f"{path}:{call.lineno} {name}(…) without a literal code")
            elif name in CODED and call.args and _literal(call.args[0]) is not None:
                codes[name].add(_literal(call.args[0]))  # type: ignore[arg-type]
        for table_path, table, index in TABLES:
            if table_path == path:
                codes["validation"].update(_table_codes(tree, table, index))
    return codes, unread


CODES, UNREAD = collect()


def _catalogue() -> dict[tuple[str, str], str]:
    """(context, source) → Chinese, for finished translations only."""
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and not translation.get("type"):
                found[(name, message.findtext("source") or "")] = translation.text or ""
    return found


CATALOGUE = _catalogue()


def test_the_walk_reads_every_code() -> None:
    assert UNREAD == [], "a code the walk cannot read: use a literal or name it in FORWARDED"
    # the walk finds what it must: a literal, a subclass's code, a helper's, a table's
    assert {"required", "import_refused", "too_few", "correction_open", "not_draft"} <= CODES[
        "validation"
    ]
    assert {"wrong_credentials", "locked"} <= CODES["AuthenticationError"]
    assert {"role", "server"} <= CODES["PermissionDeniedError"]


def _gui_table(kind: str) -> dict[str, str]:
    from labapp.ui.common import errors

    return {
        "validation": errors.VALIDATION_CODES,
        "AuthenticationError": errors.AUTHENTICATION_CODES,
        "PermissionDeniedError": errors.PERMISSION_CODES,
    }[kind]


def _every_code() -> list[tuple[str, str]]:
    return sorted((kind, code) for kind, found in CODES.items() for code in found)


@pytest.mark.parametrize(("kind", "code"), _every_code())
def test_the_gui_words_the_code_in_english_and_chinese(kind: str, code: str) -> None:
    source = _gui_table(kind).get(code)
    assert source, f"{kind} {code!r} has no sentence in labapp.ui.common.errors"
    chinese = CATALOGUE.get(("Errors", source))
    assert chinese, f"{source!r} is not translated in {TS.name}"
    assert HAN.search(chinese), f"{chinese!r} is English inside the Chinese UI"


@pytest.mark.parametrize(("kind", "code"), _every_code())
def test_the_cli_words_the_code_in_english_and_chinese(kind: str, code: str) -> None:
    from labapp.cli.errors import error_key
    from labapp.cli.messages import MESSAGES

    key = error_key(kind, code)
    assert key in MESSAGES, f"{kind} {code!r} has no CLI sentence ({key})"
    english, chinese = MESSAGES[key]
    assert english.strip(), key
    assert HAN.search(chinese), f"{chinese!r} is English inside the Chinese CLI"


def test_the_gui_and_cli_word_a_real_refusal_in_chinese(qapp) -> None:
    """End to end: a refusal the walk found comes out Chinese in both, with its values."""
    from labapp.cli.errors import word_error
    from labapp.cli.messages import Messages
    from labapp.domain.errors import ValidationError
    from labapp.ui.common import i18n
    from labapp.ui.common.errors import describe

    exc = ValidationError("content", "too large", code="too_large", params={"max": 52428800})
    assert i18n.install_language("zh_CN")
    try:
        gui = describe(exc)
    finally:
        i18n.install_language("en")
    cli = word_error(exc, Messages("zh_CN"))
    for text in (gui, cli):
        assert HAN.search(text) and "52428800" in text and "too large" not in text, text


def _file_tables() -> Iterator[tuple[str, dict[str, tuple[str, str]]]]:
    from labapp.io.excel import _limits, _problems

    yield "ImportFileError", _problems._FILE_MESSAGES
    yield "WorkbookLimitError", _limits._MESSAGES


def test_every_file_refusal_has_both_languages() -> None:
    raised: set[str] = set()
    for _path, tree in _sources():
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            if _name(call) in ("ImportFileError", "WorkbookLimitError") and call.args:
                reason = _literal(call.args[0])
                if reason is not None:
                    raised.add(reason)
    tables = dict(_file_tables())
    words = {**tables["ImportFileError"], **tables["WorkbookLimitError"]}
    assert raised and raised <= set(words), raised - set(words)
    for english, chinese in words.values():
        assert english.strip() and HAN.search(chinese), (english, chinese)
