"""The laboratory and its settings: identity, certificate numbering, default decision rule, idle
lock, capability threshold, the figures' settings (受检率 target and definition, control-chart
baseline), and the first-run set-up that creates the lab with its first administrator.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.laboratory._settings import (
    DEFAULT_PATTERN,
    DEFAULT_TARGET,
    ON_TIME_RATE_DEFINITION,
    ON_TIME_RATE_DEFINITION_ZH,
    LabSettings,
    LabSettingsInput,
    certificate_number,
    figure_settings,
    get_lab_settings,
    setup_laboratory,
    update_figure_settings,
    update_lab_settings,
)

__all__ = [
    "DEFAULT_PATTERN",
    "DEFAULT_TARGET",
    "ON_TIME_RATE_DEFINITION",
    "ON_TIME_RATE_DEFINITION_ZH",
    "LabSettings",
    "LabSettingsInput",
    "certificate_number",
    "figure_settings",
    "get_lab_settings",
    "setup_laboratory",
    "update_figure_settings",
    "update_lab_settings",
]
