"""How ``labapp-cli`` words a typed error: one line in the user's language, never a traceback.

One path per kind of error (the sentences: :mod:`labapp.cli.messages_errors`):

* the CLI's own :class:`~labapp.cli.common.CliError`: its key;
* ``ValidationError``: by code, with the field's name (:func:`validation_words`);
* an error with a ``code`` (``AuthenticationError``, ``PermissionDeniedError``): by class and code;
* an error carrying its own ``message_en`` / ``message_zh`` (certificates, DCC): those;
* any other LabApp error: by class, filled from its attributes;
* and, for an error no sentence words, its English text.
"""

from __future__ import annotations

from labapp.cli.common import CliError
from labapp.cli.messages import Messages
from labapp.domain.errors import LabAppError, ValidationError

__all__ = ["error_key", "validation_words", "word_error"]


def error_key(kind: str, code: str) -> str:
    """The key of the sentence for ``code`` of ``kind`` (``"validation"`` or an error class)."""
    return f"error.code.{code}" if kind == "validation" else f"error.{kind}.{code}"


def word_error(exc: LabAppError, tr: Messages) -> str:
    """One line for a typed error, in the user's language (falls back to ``str(exc)``)."""
    if isinstance(exc, CliError):
        return tr(exc.key, **exc.values)
    if isinstance(exc, ValidationError):
        return validation_words(exc, tr)
    own = getattr(exc, "message_zh" if tr.language == "zh_CN" else "message_en", None)
    if isinstance(own, str) and own:  # an error worded where it is raised (certificates, DCC)
        return " ".join(own.split())
    for key, values in _class_keys(exc):
        if tr.has(key):
            try:  # format_map: the values may hold "key" (NotFoundError's), tr's own argument
                return " ".join(tr.sentence(key).format_map(values).split())
            except (KeyError, IndexError, ValueError):
                continue  # the sentence names a value this error lacks: try the next
    return " ".join(str(exc).split())


def validation_words(exc: ValidationError, tr: Messages) -> str:
    """A refusal worded by ``error.code.<code>.<field>`` or ``error.code.<code>``.

    ``{field}`` is the field's name in the user's language (``field.<name>``, else as raised),
    ``{message}`` the English explanation; an unknown code is worded as ``invalid``.
    """
    keys = (f"error.code.{exc.code}.{exc.field}", f"error.code.{exc.code}", "error.code.invalid")
    key = next(k for k in keys if tr.has(k))
    field = tr(f"field.{exc.field}") if tr.has(f"field.{exc.field}") else exc.field
    values = {k: ("-" if v is None else v) for k, v in exc.params.items()}
    values.update(field=field, message=exc.message)
    return " ".join(tr.fill(key, values).split())


def _class_keys(exc: LabAppError) -> list[tuple[str, dict[str, object]]]:
    """``error.<Class>.<code>`` with the error's params, then ``error.<Class>`` with its
    attributes, for the error's class and its bases."""
    code = getattr(exc, "code", None)
    params = {**vars(exc), **getattr(exc, "params", {})}
    attributes = {k: ("none" if v is None else v) for k, v in vars(exc).items()}
    mro = type(exc).__mro__
    coded = [(f"error.{cls.__name__}.{code}", params) for cls in mro if code]
    return [*coded, *((f"error.{cls.__name__}", attributes) for cls in mro)]
