"""File formats, no Qt and no database: today every one is an Excel workbook.

:mod:`labapp.io.excel` is the workbook machinery every reader and writer shares (the auditor's
workbook with its cover sheet, reading a user's file within limits, bad cells and the error
workbook, EN/ZH words for enum values); :mod:`labapp.io.register` is the register ledger
(仪器设备台账) LabApp writes and reads back.  One module per other workbook: :mod:`~.checks`
(a standard's intermediate checks), :mod:`~.comparisons` (participants in, the report out),
:mod:`~.dashboard`, :mod:`~.impact` (an investigation's report) and :mod:`~.traceability` (the
traceability table's sheet).
"""
