"""Database URLs are built and masked with SQLAlchemy's URL API; no password is ever shown.

A password can come as ``user:secret@host`` or as a ``?password=secret`` query parameter (libpq
takes both); the second used to show in CLI errors, the status-bar tooltip and the settings file.
"""

from __future__ import annotations

import io

import pytest
from sqlalchemy.engine import make_url

from labapp.cli.main import main
from labapp.domain.errors import DatabaseUnreachableError
from labapp.services.database import (
    mask_url,
    open_database,
    server_url,
    upgrade_database,
    url_without_password,
)

SECRET = "s3cr3t-Pw"
URLS = [
    f"postgresql+psycopg://lab:{SECRET}@db.example:5432/lab",
    f"postgresql://lab@db.example/lab?password={SECRET}&sslmode=require",
    f"postgresql://lab@db.example/lab?sslmode=require&PASSWORD={SECRET}",
    f"postgresql://lab:{SECRET}@db.example:notaport/lab?password={SECRET}",  # not parseable
]


@pytest.mark.parametrize("url", URLS)
def test_no_password_in_the_masked_or_the_stored_form(url: str) -> None:
    assert SECRET not in mask_url(url)
    assert "***" in mask_url(url)
    assert SECRET not in url_without_password(url)
    assert "***" not in url_without_password(url)


def test_the_masked_and_stored_forms_keep_everything_else() -> None:
    url = f"postgresql://lab@db.example/lab?password={SECRET}&sslmode=require"
    assert mask_url(url) == "postgresql://lab@db.example/lab?password=***&sslmode=require"
    assert url_without_password(url) == "postgresql://lab@db.example/lab?sslmode=require"
    both = f"postgresql+psycopg://lab:{SECRET}@db.example:5432/lab?password={SECRET}"
    assert url_without_password(both) == "postgresql+psycopg://lab@db.example:5432/lab"
    assert url_without_password("/home/x/lab.sqlite3") == "/home/x/lab.sqlite3"
    assert url_without_password("sqlite:////home/x/lab.sqlite3") == "sqlite:////home/x/lab.sqlite3"


def test_server_urls_are_quoted_by_sqlalchemy() -> None:
    url = make_url(server_url("db.example", 5433, "lab db", "us@r", "p@ss:w/rd?&="))
    assert (url.username, url.password, url.host, url.port, url.database) == (
        "us@r", "p@ss:w/rd?&=", "db.example", 5433, "lab db",
    )  # fmt: skip
    assert make_url(server_url("h", 5432, "lab", "", "")).username is None


def test_an_unparseable_url_is_a_typed_error_without_the_password() -> None:
    with pytest.raises(DatabaseUnreachableError) as caught:
        open_database(URLS[3])
    assert SECRET not in str(caught.value) and SECRET not in caught.value.url


@pytest.mark.parametrize("command", [["db", "current"], ["db", "upgrade"], ["init"]])
@pytest.mark.parametrize("url", [URLS[1], URLS[3]])
def test_cli_errors_never_print_the_password(
    command: list[str], url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    unreachable = url.replace("db.example", "127.0.0.1:1") if "notaport" not in url else url
    assert main([*command, "--database", unreachable], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.strip() and SECRET not in err and "Traceback" not in err


@pytest.mark.postgres
def test_a_query_password_is_masked_in_what_the_open_database_shows(pg_schema_url: str) -> None:
    """Trust authentication ignores the password, so the URL opens and its info can be read."""
    url = make_url(pg_schema_url).update_query_dict({"password": SECRET})
    text = url.render_as_string(hide_password=False)
    upgrade_database(text)
    db = open_database(text)
    try:
        assert SECRET not in db.info.url and "password=***" in db.info.url
        assert SECRET not in db.info.display_name
    finally:
        db.dispose()
