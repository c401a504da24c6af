"""The user's preferences: one QSettings (IniFormat) file at ``labapp.paths.settings_path()``.

Every key and its default live in :data:`DEFAULTS`; nothing else in the GUI reads QSettings, so a
misspelt key or a missing default cannot hide in a view.
"""

from __future__ import annotations

import getpass
from typing import Any

from PySide6.QtCore import QSettings

from labapp.paths import settings_path

LANGUAGE = "ui/language"
DEFAULT_DATABASE = "database/default"
RECENT_DATABASES = "database/recent"
DUE_SOON_DAYS = "planning/due_soon_days"
DECISION_RULE = "conformity/decision_rule"
USER_DISPLAY_NAME = "user/display_name"
WINDOW_GEOMETRY = "window/geometry"
BILINGUAL_EXPORTS = "export/bilingual_headers"

#: key -> default; the type of the default is the type ``get`` returns.
DEFAULTS: dict[str, Any] = {
    LANGUAGE: "en",
    DEFAULT_DATABASE: "",
    RECENT_DATABASES: [],
    DUE_SOON_DAYS: 30,
    DECISION_RULE: "simple",
    USER_DISPLAY_NAME: "",
    WINDOW_GEOMETRY: b"",
    BILINGUAL_EXPORTS: False,
}

#: Keys holding database URLs: stored and read without any password, whatever was given.
URL_KEYS = frozenset({DEFAULT_DATABASE, RECENT_DATABASES})

LANGUAGES = ("en", "zh_CN")
MAX_RECENT = 8


def _qsettings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def get(key: str) -> Any:
    """Return the stored value of ``key`` converted to its default's type (the default if unset)."""
    default = DEFAULTS[key]
    value = _coerce(_qsettings().value(key, default), default)
    return _without_passwords(key, value)


def _without_passwords(key: str, value: Any) -> Any:
    """A database URL (or list of them) with no password: settings never hold one."""
    if key not in URL_KEYS:
        return value
    from labapp.services.database import url_without_password  # SQLAlchemy: only for a URL

    if isinstance(value, list):
        cleaned = [url_without_password(str(v)) for v in value]
        return list(dict.fromkeys(cleaned))  # two entries that differed by a password are one
    return url_without_password(str(value)) if value else value


def _coerce(value: Any, default: Any) -> Any:
    if isinstance(default, list):
        if value in (None, ""):
            return []
        return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]
    if isinstance(default, bool):
        return str(value).lower() in ("1", "true", "yes")
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    if isinstance(default, bytes):
        return bytes(value) if value else default
    return str(value) if value is not None else default


def put(key: str, value: Any) -> None:
    """Store ``value`` under ``key`` (which must be in :data:`DEFAULTS`) and write the file."""
    if key not in DEFAULTS:
        raise KeyError(key)
    settings = _qsettings()
    settings.setValue(key, _without_passwords(key, value))
    settings.sync()


def language() -> str:
    """The UI language code (``en`` or ``zh_CN``)."""
    lang = get(LANGUAGE)
    return lang if lang in LANGUAGES else "en"


def export_language() -> str:
    """The language of exported workbooks: ``bilingual`` (中文 / English) if the lab wants it,
    else the UI language; every export asks here."""
    return "bilingual" if get(BILINGUAL_EXPORTS) else language()


def user_name() -> str:
    """The person using LabApp: the display name from Preferences, else the OS login."""
    return get(USER_DISPLAY_NAME).strip() or login_name()


def login_name() -> str:
    """The operating-system login name ("unknown" where there is none, as in some containers)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def remember_database(url: str) -> None:
    """Put ``url`` first in the recent-databases list."""
    recent = [u for u in get(RECENT_DATABASES) if u != url]
    put(RECENT_DATABASES, [url, *recent][:MAX_RECENT])
