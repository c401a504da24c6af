"""Preferences live in one INI file with typed defaults."""

from __future__ import annotations

import configparser

from labapp.paths import settings_path
from labapp.ui.common import settings


def test_defaults_when_nothing_stored(qapp) -> None:
    assert settings.get(settings.DUE_SOON_DAYS) == 30
    assert settings.get(settings.DECISION_RULE) == "simple"
    assert settings.language() == "en"
    assert settings.get(settings.RECENT_DATABASES) == []
    assert settings.user_name() == settings.login_name()


def test_values_round_trip_through_the_ini_file(qapp) -> None:
    settings.put(settings.DUE_SOON_DAYS, 45)
    settings.put(settings.USER_DISPLAY_NAME, "李伟")
    assert settings.get(settings.DUE_SOON_DAYS) == 45
    assert settings.user_name() == "李伟"
    ini = configparser.ConfigParser()
    ini.read(settings_path(), encoding="utf-8")
    assert ini["planning"]["due_soon_days"] == "45"


def test_recent_databases_most_recent_first_without_duplicates(qapp) -> None:
    for url in ("a.sqlite3", "b.sqlite3", "a.sqlite3"):
        settings.remember_database(url)
    assert settings.get(settings.RECENT_DATABASES) == ["a.sqlite3", "b.sqlite3"]


def test_unknown_key_is_refused(qapp) -> None:
    import pytest

    with pytest.raises(KeyError):
        settings.put("no/such_key", 1)
