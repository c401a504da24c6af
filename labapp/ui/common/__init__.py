"""What every page and dialog shares (one place for each): the session and its worker, settings,
translations and fonts, the wording of errors and enum labels, the base view, the table models'
base and factory, the date field, the chart canvas, the combo delegate, export jobs and the
answer to a concurrent change.
"""
