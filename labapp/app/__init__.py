"""Composition root of the desktop app: wires the database services into the GUI."""
