"""What every page and dialog shares (one place for each): the session and its worker, settings,
translations and fonts, the wording of errors and enum labels, the base view, the table models'
base and factory, the date field, the chart canvas, the combo delegate, export jobs, the
answer to a concurrent change, and how a dialog hands its values to its page.

Dialogs collect input and return values (:mod:`labapp.ui.common.submission`): a dialog never holds
the session nor runs a job.  Its caller (the page, or a small controller module of the same
feature) loads the choices it offers on the worker and passes them in (``dialog.fill_…``; a
choice depending on another field is asked for with a ``…_wanted`` signal), and runs the use case
on the worker when the dialog emits ``submitted(value)`` with a typed value
(:func:`~labapp.ui.common.submission.run_on_submit`), answering ``finish(result)`` or
``refuse(exc)``: a refused value leaves the dialog open with everything typed.  Exceptions: the
signature dialog only returns the password its caller signs with; the Open database dialog is
answered by the session's ``probe``/``open``.
"""
