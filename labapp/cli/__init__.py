"""The headless command line, ``labapp-cli`` (see :mod:`labapp.cli.main`). No Qt here."""
