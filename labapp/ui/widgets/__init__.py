"""Reusable widgets shared by several pages (charts, date edits, tables, export jobs)."""
