"""Certificates: the lab's own (PDF and DCC) from approved in-house records, providers' DCCs in.

* :func:`issue_certificate` / :func:`certificate_document`: the certificate of an approved
  in-house calibration or verification (校准证书, 检定证书, 检定结果通知书) in English, Chinese or
  both; with its DCC validated and attached to the record (SHA-256) in the same unit of work.
* :func:`import_dcc`: a provider's DCC for one of the lab's standards as a draft calibration of
  that standard, the file attached; a refused file saves nothing.

The numbers themselves are given at approval (:mod:`labapp.services.events`).  This package's
``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from labapp.lazy import lazy_attributes

if TYPE_CHECKING:  # imported on first use (see labapp.lazy): ReportLab and lxml are heavy
    from labapp.services.certificates._import import ImportedDcc, import_dcc
    from labapp.services.certificates._issue import (
        LANGUAGES,
        IssuedCertificate,
        certificate_document,
        issue_certificate,
    )

__all__ = [
    "LANGUAGES",
    "ImportedDcc",
    "IssuedCertificate",
    "certificate_document",
    "import_dcc",
    "issue_certificate",
]

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        **dict.fromkeys(("ImportedDcc", "import_dcc"), "_import"),
        **dict.fromkeys(
            ("LANGUAGES", "IssuedCertificate", "certificate_document", "issue_certificate"),
            "_issue",
        ),
    },
)
