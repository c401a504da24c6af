"""LabApp's PySide6 GUI: the only layer that imports Qt widgets; it never touches the database."""
