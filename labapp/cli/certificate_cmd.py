"""``labapp-cli certificate CERT_NO --pdf OUT.pdf [--dcc OUT.xml] [--lang en|zh_CN|bilingual]``
and ``labapp-cli import dcc FILE --instrument TAG --user LOGIN``.

Exit status: 0 written or imported; 1 refused (the record is not approved, is a provider's, the
DCC is invalid against its schema or cannot be mapped: a unit, a value, no results); 2 unreadable
or unknown (no such certificate number or asset tag, a file that is not XML, declares entities,
is not a DCC or of an unsupported version, cannot be read or written).  Writing the DCC attaches
it to the record, so ``--dcc`` acts as ``--user``; the PDF alone only reads.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from labapp.cli.auth import acting_user, add_user_argument
from labapp.cli.common import database_url
from labapp.cli.messages import Messages
from labapp.domain.errors import LabAppError, NotFoundError

__all__ = ["EXIT_DONE", "EXIT_REFUSED", "EXIT_UNREADABLE", "add_certificate_parser",
           "add_import_dcc_parser"]  # fmt: skip

EXIT_DONE, EXIT_REFUSED, EXIT_UNREADABLE = 0, 1, 2
#: DCC refusals that mean "this is not a DCC LabApp can read at all" (exit 2)
UNREADABLE_DCC = frozenset({"too_large", "not_xml", "dtd", "not_dcc", "unsupported_version"})
CERTIFICATE_LANGUAGES = ("en", "zh_CN", "bilingual")


def add_certificate_parser(commands: Any, common: argparse.ArgumentParser, tr: Messages) -> None:
    """Add ``certificate CERT_NO --pdf OUT [--dcc OUT] [--lang L] [--user LOGIN]``."""
    # --lang here is the certificate's language (it may be bilingual), so the common options
    # are not inherited (their --lang would clash); the messages follow it where they can.
    del common
    parser = commands.add_parser("certificate", help=tr("help.certificate"))
    parser.add_argument("--database", metavar="URL_OR_PATH", help=tr("help.database"),
                        default=argparse.SUPPRESS)  # fmt: skip
    parser.add_argument("number", metavar="CERT_NO", help=tr("help.certificate_no"))
    parser.add_argument("--pdf", metavar="OUT.pdf", type=Path, required=True,
                        help=tr("help.certificate_pdf"))  # fmt: skip
    parser.add_argument("--dcc", metavar="OUT.xml", type=Path, default=None,
                        help=tr("help.certificate_dcc"))  # fmt: skip
    parser.add_argument("--lang", dest="certificate_lang", choices=CERTIFICATE_LANGUAGES,
                        default="bilingual", help=tr("help.certificate_lang"))  # fmt: skip
    add_user_argument(parser, tr)
    parser.set_defaults(run=_certificate)


def add_import_dcc_parser(kinds: Any, common: argparse.ArgumentParser, tr: Messages) -> None:
    """Add ``dcc FILE --instrument TAG [--user LOGIN]`` under ``import``."""
    parser = kinds.add_parser("dcc", parents=[common], help=tr("help.import_dcc"))
    parser.add_argument("file", metavar="FILE", type=Path, help=tr("help.import_dcc_file"))
    parser.add_argument("--instrument", metavar="TAG", required=True,
                        help=tr("help.import_dcc_instrument"))  # fmt: skip
    add_user_argument(parser, tr)
    parser.set_defaults(run=_import_dcc)


def _refuse(exc: LabAppError, tr: Messages, status: int) -> int:
    from labapp.cli.errors import word_error

    print(tr("error.prefix") + word_error(exc, tr), file=sys.stderr)
    return status


def _certificate(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.io.certificates import CertificateError
    from labapp.io.dcc import DccError
    from labapp.services.certificates import issue_certificate
    from labapp.services.database import open_database

    db = open_database(database_url(args))
    try:
        user = acting_user(args, db, tr) if args.dcc is not None else ""
        issued = issue_certificate(
            db, user, certificate_no=args.number, language=args.certificate_lang,
            dcc=args.dcc is not None,
        )  # fmt: skip
    except CertificateError as exc:
        status = EXIT_UNREADABLE if exc.code == "unknown_certificate" else EXIT_REFUSED
        return _refuse(exc, tr, status)
    except DccError as exc:
        return _refuse(exc, tr, EXIT_REFUSED)
    finally:
        db.dispose()
    if not _write(args.pdf, issued.pdf, tr):
        return EXIT_UNREADABLE
    print(tr("certificate.pdf", number=issued.number, kind=issued.kind.value, path=args.pdf,
             lang=issued.language, pages=_page_count(issued.pdf)), file=out)  # fmt: skip
    if args.dcc is not None and issued.dcc is not None and issued.dcc_attachment is not None:
        if not _write(args.dcc, issued.dcc, tr):
            return EXIT_UNREADABLE
        print(tr("certificate.dcc", path=args.dcc, sha256=issued.dcc_attachment.sha256), file=out)
    return EXIT_DONE


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def _write(path: Path, data: bytes, tr: Messages) -> bool:
    try:
        path.write_bytes(data)
    except OSError as exc:
        print(tr("error.prefix") + tr("certificate.unwritable", file=path, reason=exc.strerror),
              file=sys.stderr)  # fmt: skip
        return False
    return True


def _import_dcc(args: argparse.Namespace, tr: Messages, out: TextIO) -> int:
    from labapp.io.dcc import DccError
    from labapp.services.certificates import import_dcc
    from labapp.services.database import open_database

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(tr("error.prefix") + tr("certificate.unreadable", file=args.file,
                                      reason=exc.strerror), file=sys.stderr)  # fmt: skip
        return EXIT_UNREADABLE
    db = open_database(database_url(args))
    try:
        user = acting_user(args, db, tr)
        done = import_dcc(db, user, args.instrument, data, args.file.name)
    except DccError as exc:
        return _refuse(exc, tr, EXIT_UNREADABLE if exc.code in UNREADABLE_DCC else EXIT_REFUSED)
    except NotFoundError as exc:
        return _refuse(exc, tr, EXIT_UNREADABLE)
    finally:
        db.dispose()
    event = done.event
    if done.provider_created:
        print(tr("import.dcc_provider", provider=event.provider), file=out)
    print(tr("import.dcc_done", number=event.certificate_no, provider=event.provider,
             event=event.id, tag=event.asset_tag, points=len(event.points)), file=out)  # fmt: skip
    return EXIT_DONE
