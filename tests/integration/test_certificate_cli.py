"""``labapp-cli certificate`` and ``labapp-cli import dcc``: files, messages, exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from certificate_lab import PASSWORD, CertLab, seed_certificate_lab

from labapp.cli.main import main
from labapp.io.dcc import validate_dcc
from labapp.services.accounts import create_login_role, uses_login_roles
from labapp.services.database import Database
from labapp.services.events import get_event

PTB = sorted(
    (Path(__file__).resolve().parents[1] / "data" / "reference-cases" / "dcc").glob("*.xml")
)


@pytest.fixture
def lab(db: Database) -> CertLab:
    lab = seed_certificate_lab(db)
    if uses_login_roles(db):  # PostgreSQL: the CLI connects as the person (as `demo` sets up)
        for login in (lab.approver, lab.performer):
            create_login_role(db, login, PASSWORD)
    return lab


def _run(url: str, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main([*argv, "--database", url], out=out), out.getvalue()


def test_certificate_writes_pdf_and_dcc(
    lab: CertLab, empty_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    pdf, xml = tmp_path / "c.pdf", tmp_path / "c.xml"
    status, text = _run(empty_url, "certificate", lab.number, "--pdf", str(pdf), "--lang", "en")
    assert status == 0 and lab.number in text
    pages = pypdf.PdfReader(pdf).pages
    assert f"{len(pages)} page(s)" in text and "CALIBRATION CERTIFICATE" in pages[0].extract_text()

    monkeypatch.setenv("LABAPP_PASSWORD", PASSWORD)
    status, text = _run(empty_url, "certificate", lab.number, "--pdf", str(pdf), "--dcc", str(xml),
                        "--user", lab.approver)  # fmt: skip
    assert status == 0 and validate_dcc(xml.read_bytes()) == "3.1.2"
    (attached,) = get_event(lab.db, lab.event_id).attachments
    assert attached.sha256 in text

    status, _ = _run(empty_url, "certificate", "NO-SUCH", "--pdf", str(pdf), "--lang", "zh_CN")
    assert status == 2
    assert "本实验室没有证书编号为 NO-SUCH 的已批准记录" in capsys.readouterr().err


def test_import_dcc_exit_codes(
    lab: CertLab, empty_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("LABAPP_PASSWORD", PASSWORD)
    args = ("--instrument", lab.standard_tag, "--user", lab.performer)
    status, text = _run(empty_url, "import", "dcc", str(PTB[1]), *args)
    assert status == 0 and "GP_DCC_temperature_minimal_1.2" in text
    hostile = tmp_path / "hostile.xml"
    hostile.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>')
    assert _run(empty_url, "import", "dcc", str(hostile), *args)[0] == 2
    assert "DTD" in capsys.readouterr().err
    invalid = tmp_path / "invalid.xml"
    invalid.write_bytes(PTB[1].read_bytes().replace(b"<dcc:coreData>", b"<dcc:coreData><x/>", 1))
    assert _run(empty_url, "import", "dcc", str(invalid), *args, "--lang", "zh_CN")[0] == 1
    assert "架构" in capsys.readouterr().err
    assert _run(empty_url, "import", "dcc", str(PTB[1]), "--instrument", "NOPE",
                "--user", lab.performer)[0] == 2  # fmt: skip
    assert _run(empty_url, "import", "dcc", str(tmp_path / "missing.xml"), *args)[0] == 2


def test_lab_set_logo_and_no_logo(
    lab: CertLab, empty_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from PIL import Image

    from labapp.domain.enums import PersonRole
    from labapp.services.laboratory import get_lab_settings
    from labapp.services.master_data import _lookups as people

    admin = people.list_persons(lab.db, PersonRole.ADMIN)[0].login
    if uses_login_roles(lab.db):
        create_login_role(lab.db, admin, PASSWORD)
    monkeypatch.setenv("LABAPP_PASSWORD", PASSWORD)
    logo = tmp_path / "logo.png"
    Image.new("RGB", (90, 30), (200, 0, 0)).save(logo, "PNG")
    status, text = _run(empty_url, "lab", "set", "--logo", str(logo), "--user", admin)
    assert status == 0, capsys.readouterr().err
    saved = get_lab_settings(lab.db)
    assert saved.logo == logo.read_bytes() and saved.logo_media_type == "image/png"
    status, text = _run(empty_url, "lab", "show")
    assert status == 0 and f"image/png, {logo.stat().st_size} bytes" in text

    fake = tmp_path / "logo.jpg"  # named as an image, is text
    fake.write_text("not an image")
    status, _ = _run(empty_url, "lab", "set", "--logo", str(fake), "--user", admin,
                     "--lang", "zh_CN")  # fmt: skip
    assert status == 2 and "徽标不是 PNG 或 JPEG 图像" in capsys.readouterr().err
    assert _run(empty_url, "lab", "set", "--logo", str(tmp_path / "missing.png"),
                "--user", admin)[0] == 2  # fmt: skip
    assert get_lab_settings(lab.db) == saved  # refused: nothing changed

    status, _ = _run(empty_url, "lab", "set", "--no-logo", "--name", "Renamed", "--user", admin)
    after = get_lab_settings(lab.db)
    assert status == 0 and after.logo is None and after.logo_media_type is None
    assert after.name == "Renamed" and after.code == saved.code
