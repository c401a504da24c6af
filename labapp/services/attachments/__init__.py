"""TODO."""

from __future__ import annotations

from labapp.services.attachments._dto import AttachmentInfo
from labapp.services.attachments._files import attachment_info, export_attachment, stage_attachment

__all__ = [
    "AttachmentInfo",
    "attachment_info",
    "export_attachment",
    "stage_attachment",
]
