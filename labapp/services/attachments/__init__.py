"""Files attached to an event or an instrument (certificate scans, raw data, DCC files), kept in
the database with their SHA-256, verified on the way out.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.attachments._dto import AttachmentInfo
from labapp.services.attachments._files import attachment_info, export_attachment, stage_attachment

__all__ = [
    "AttachmentInfo",
    "attachment_info",
    "export_attachment",
    "stage_attachment",
]
