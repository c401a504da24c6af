"""What every export's cover sheet says about its origin: the laboratory and the database."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from labapp.io.excel import CoverInfo
from labapp.persistence.models import LaboratoryRow
from labapp.services.database import Database

__all__ = ["cover_for", "laboratory_name", "with_laboratory"]


def laboratory_name(db: Database) -> str:
    """The laboratories of the database, ``"; "``-separated (usually one)."""
    with db.engine.connect() as conn:
        names = conn.execute(select(LaboratoryRow.name).order_by(LaboratoryRow.id)).scalars()
        return "; ".join(names)


def cover_for(db: Database, title: str, exported_by: str, filter_text: str = "") -> CoverInfo:
    """A cover for an export of ``db``: its laboratory and display name, who, the filter.

    Parameters
    ----------
    db : Database
        The open database (its password never reaches the file: ``display_name`` is masked).
    title : str
        The workbook's title, in the export's language.
    exported_by : str
        Who exports.
    filter_text : str
        What the export was narrowed to, in the export's language.
    """
    return CoverInfo(
        title=title,
        laboratory=laboratory_name(db),
        exported_by=exported_by,
        database=db.info.display_name,
        filter_text=filter_text,
    )


def with_laboratory(db: Database, cover: CoverInfo) -> CoverInfo:
    """``cover`` naming the laboratory of ``db`` when it does not name one (the GUI's covers)."""
    if cover.laboratory:
        return cover
    return replace(cover, laboratory=laboratory_name(db))
