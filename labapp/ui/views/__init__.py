"""The pages of the main window's stack: one module per area of the lab."""
