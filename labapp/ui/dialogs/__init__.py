"""Dialogs: they collect input and return values; the main window acts on them."""
