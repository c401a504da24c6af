"""PDF writers: certificates (校准证书 / 检定证书 / 检定结果通知书) and printable table reports.

Built with ReportLab (no Qt: the io layer must not import PySide6, and the CLI writes PDFs too);
every PDF embeds a subset of the shipped WenQuanYi Micro Hei TrueType font, so Chinese and Latin
text look the same on every workstation.
"""

from typing import TYPE_CHECKING

from labapp.lazy import lazy_attributes

if TYPE_CHECKING:  # imported on first use (see labapp.lazy): these modules load heavy libraries
    from labapp.io.pdf._certificate import write_certificate_pdf
    from labapp.io.pdf._layout import MIN_FONT_SIZE, font_path
    from labapp.io.pdf._table_report import (
        ReportCancelled,
        ReportColumn,
        SignatureBlock,
        TableReport,
        approval_blocks,
        cell_text,
        save_table_report,
        write_table_report,
    )


__all__ = [
    "MIN_FONT_SIZE",
    "ReportCancelled",
    "ReportColumn",
    "SignatureBlock",
    "TableReport",
    "approval_blocks",
    "cell_text",
    "font_path",
    "save_table_report",
    "write_certificate_pdf",
    "write_table_report",
]

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        "write_certificate_pdf": "_certificate",
        "MIN_FONT_SIZE": "_layout",
        "font_path": "_layout",
        "ReportCancelled": "_table_report",
        "ReportColumn": "_table_report",
        "SignatureBlock": "_table_report",
        "TableReport": "_table_report",
        "approval_blocks": "_table_report",
        "cell_text": "_table_report",
        "save_table_report": "_table_report",
        "write_table_report": "_table_report",
    },
)
