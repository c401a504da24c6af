"""The laboratory and its settings, and the first-run set-up that creates it with its first admin.

LabApp runs one laboratory per database: its settings are the first ``laboratories`` row, read and
changed here only, in two parts. :class:`LabSettings` (:func:`get_lab_settings`,
:func:`update_lab_settings`: an administrator's, audited, version-checked) holds: name, address,
accreditation body and number (e.g. CNAS L1234) and its validity, the certificate numbering
pattern, the default decision rule for new events (each event keeps the rule it was decided with),
whether the checker may also approve (off by default; a quality manual may allow it), the idle
time after which a session locks, and the logo the certificates print (PNG or JPEG, ≤ 1 MiB).

Certificate numbering patterns use ``{yyyy}``, ``{yy}``, ``{mm}`` and ``{seq}`` / ``{seq:04}`` (the
sequence within the year, zero-padded to the given width); ``{seq}`` is required.

The capability threshold is the least ratio of the tolerance's half-width to the expanded
uncertainty a point may have without a warning (default 3: JJF 1094, U95 ≤ MPEV/3; ILAC-G8's simple
acceptance assumes it).

:class:`FigureSettings` (:func:`figure_settings`, :func:`update_figure_settings`) holds the
settings of the lab's figures: the 受检率 target and definition and the fewest baseline points of a
control chart; a NULL column means LabApp's default. The default target is 96 %: the supervision
plans this kind of lab answers to ask at least 96 % on-time verification for key instruments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from labapp.domain.enums import PersonRole
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.domain.points import DecisionRule
from labapp.io.certificates import logo_media_type
from labapp.metrology.errors import NumberError
from labapp.metrology.units import parse_decimal
from labapp.persistence.audit import REASON_KEY
from labapp.persistence.models import LaboratoryRow, PersonRow
from labapp.services.accounts import (
    ADMINS,
    Actor,
    NewAccount,
    check_new_account,
    has_accounts,
    require_login_role,
    stage_account,
)
from labapp.services.database import Database

__all__ = [
    "DEFAULT_MIN_BASELINE",
    "DEFAULT_PATTERN",
    "DEFAULT_TARGET",
    "ON_TIME_RATE_DEFINITION",
    "ON_TIME_RATE_DEFINITION_ZH",
    "FigureSettings",
    "LabSettings",
    "LabSettingsInput",
    "certificate_number",
    "check_pattern",
    "figure_settings",
    "get_lab_settings",
    "is_set_up",
    "setup_laboratory",
    "update_figure_settings",
    "update_lab_settings",
]

DEFAULT_PATTERN = "{yyyy}-{seq:04}"
_PLACEHOLDER = re.compile(r"\{(yyyy|yy|mm|seq(?::0?(\d))?)\}")
_ANY_BRACE = re.compile(r"[{}]")

#: The on-time rate's target in % when the lab has not set its own.
DEFAULT_TARGET = Decimal("96")
#: Fewest baseline points a control chart's limits are taken from without a warning.
DEFAULT_MIN_BASELINE = 20

#: LabApp's definition of the rate (the planning feature's due occurrences compute exactly this).
ON_TIME_RATE_DEFINITION = (
    "On-time verification rate (受检率) of a period = due occurrences done on time ÷ due "
    "occurrences in the period. A due occurrence is the due date (valid until) of each approved "
    "verification or calibration, or an instrument's own due date that no such event records, "
    "falling in the period and not after today, of an instrument in service or suspended "
    "(sealed, out-of-service, retired and scrapped instruments are not due). It is done on time "
    "when the next approved verification or calibration of the instrument was performed on or "
    "before that due date. The annual plan lists the same occurrences."
)
ON_TIME_RATE_DEFINITION_ZH = (
    "受检率 = 按期完成的应检次数 ÷ 统计期间内的应检次数。应检次数指在用或暂停使用的器具（封存、"
    "停用、退役、报废的器具不计）每次已批准的检定或校准的有效期至（或器具本身未被任何记录覆盖的到期日）"
    "落在统计期间内且不晚于今天的次数；若该器具下一次已批准的检定或校准在该到期日当天或之前完成，"
    "则计为按期完成。年度周检计划列出的正是这些应检次数。"
)


@dataclass(frozen=True)
class LabSettingsInput:
    """The lab's settings as a form or the CLI gives them (typed)."""

    name: str
    code: str
    address: str | None = None
    accreditation_body: str | None = None
    accreditation_no: str | None = None
    accreditation_valid_until: date | None = None
    certificate_pattern: str = DEFAULT_PATTERN
    decision_rule: DecisionRule = DecisionRule.SIMPLE
    guard_band_factor: Decimal | None = None
    checker_may_approve: bool = False
    idle_lock_minutes: int = 15
    #: the least tolerance-to-U ratio a point has without a warning (JJF 1094: 3)
    capability_threshold: Decimal = Decimal(3)
    #: the logo certificates print: PNG or JPEG bytes (≤ 1 MiB), None for none
    logo: bytes | None = None


@dataclass(frozen=True)
class LabSettings(LabSettingsInput):
    """The lab's settings as stored (with the row's id and version)."""

    id: int = 0
    version: int = 0
    logo_media_type: str | None = None  # "image/png" or "image/jpeg" when there is a logo

    def as_input(self) -> LabSettingsInput:
        """These settings as the input that saves them unchanged (to ``replace`` a few)."""
        names = LabSettingsInput.__dataclass_fields__
        return LabSettingsInput(**{name: getattr(self, name) for name in names})


def check_pattern(pattern: str) -> str:
    """``pattern`` stripped, or :class:`ValidationError` ``pattern`` when it cannot number."""
    text = pattern.strip()
    rest = _PLACEHOLDER.sub("", text)
    has_seq = any(m.group(1).startswith("seq") for m in _PLACEHOLDER.finditer(text))
    if not text or not has_seq or _ANY_BRACE.search(rest) or len(text) > 60:
        raise ValidationError(
            "certificate_pattern",
            "use {yyyy}, {yy}, {mm} and {seq} or {seq:04}; {seq} is required",
            code="pattern",
            params={"pattern": pattern},
        )
    return text


def certificate_number(pattern: str, on: date, seq: int) -> str:
    """The certificate number ``pattern`` gives for the ``seq``-th certificate of ``on``'s year."""

    def fill(match: re.Match[str]) -> str:
        key, width = match.group(1), match.group(2)
        if key == "yyyy":
            return f"{on.year:04d}"
        if key == "yy":
            return f"{on.year % 100:02d}"
        if key == "mm":
            return f"{on.month:02d}"
        return f"{seq:0{int(width or 1)}d}"

    return _PLACEHOLDER.sub(fill, check_pattern(pattern))


def _validated(data: LabSettingsInput) -> LabSettingsInput:
    if not data.name.strip():
        raise ValidationError("name", "the laboratory's name is required", code="required")
    if not data.code.strip():
        raise ValidationError("code", "the laboratory's short code is required", code="required")
    check_pattern(data.certificate_pattern)
    if not 1 <= data.idle_lock_minutes <= 480:
        raise ValidationError(
            "idle_lock_minutes", "between 1 and 480 minutes", code="range",
            params={"low": 1, "high": 480},
        )  # fmt: skip
    if not Decimal(1) <= data.capability_threshold <= Decimal(10):
        raise ValidationError(
            "capability_threshold", "a capability threshold between 1 and 10", code="range",
            params={"low": 1, "high": 10},
        )  # fmt: skip
    if data.logo is not None:
        logo_media_type(data.logo)  # CertificateError logo / logo_size
    factor = data.guard_band_factor
    if factor is not None and not Decimal(0) < factor <= Decimal(3):
        raise ValidationError(
            "guard_band_factor", "a guard-band factor between 0 and 3", code="range",
            params={"low": 0, "high": 3},
        )  # fmt: skip
    return data


def _fill(row: LaboratoryRow, data: LabSettingsInput) -> None:
    row.name = data.name.strip()
    row.code = data.code.strip()
    row.address = (data.address or "").strip() or None
    row.accreditation_body = (data.accreditation_body or "").strip() or None
    row.accreditation_no = (data.accreditation_no or "").strip() or None
    row.accreditation_valid_until = data.accreditation_valid_until
    row.certificate_pattern = check_pattern(data.certificate_pattern)
    row.decision_rule = data.decision_rule.value
    row.guard_band_factor = data.guard_band_factor
    row.checker_may_approve = data.checker_may_approve
    row.idle_lock_minutes = data.idle_lock_minutes
    row.capability_threshold = data.capability_threshold
    row.logo = data.logo
    row.logo_media_type = None if data.logo is None else logo_media_type(data.logo)


def _settings(row: LaboratoryRow) -> LabSettings:
    return LabSettings(
        name=row.name,
        code=row.code,
        address=row.address,
        accreditation_body=row.accreditation_body,
        accreditation_no=row.accreditation_no,
        accreditation_valid_until=row.accreditation_valid_until,
        certificate_pattern=row.certificate_pattern or DEFAULT_PATTERN,
        decision_rule=DecisionRule(row.decision_rule or "simple"),
        guard_band_factor=row.guard_band_factor,
        checker_may_approve=bool(row.checker_may_approve),
        idle_lock_minutes=int(row.idle_lock_minutes or 15),
        capability_threshold=(
            Decimal(3) if row.capability_threshold is None else row.capability_threshold
        ),
        logo=row.logo,
        id=row.id,
        version=row.version,
        logo_media_type=row.logo_media_type,
    )


def _first_lab(session: object) -> LaboratoryRow | None:
    stmt = select(LaboratoryRow).order_by(LaboratoryRow.id).limit(1)
    return session.scalars(stmt).first()  # type: ignore[attr-defined, no-any-return]


def get_lab_settings(db: Database) -> LabSettings | None:
    """The laboratory's settings (the first laboratory row), or ``None`` before set-up."""
    with db.read() as session:
        row = _first_lab(session)
        return None if row is None else _settings(row)


def is_set_up(db: Database) -> bool:
    """True when the database has its laboratory and at least one account."""
    return get_lab_settings(db) is not None and has_accounts(db)


def update_lab_settings(
    db: Database, user: str, data: LabSettingsInput, expected_version: int
) -> LabSettings:
    """Change the lab's settings as ``user`` (an administrator once the database has accounts;
    audited; version-checked).

    Raises
    ------
    ValidationError
        ``not_permitted`` (not an administrator) and the settings' own codes.
    CertificateError
        ``logo`` (not a PNG or JPEG image) or ``logo_size`` (empty or above 1 MiB).
    ConcurrentModificationError, NotFoundError
    """
    _validated(data)
    with db.unit_of_work(user, "laboratory settings") as uow:
        require_login_role(uow.session, user, ADMINS)
        row = _first_lab(uow.session)
        if row is None:
            raise NotFoundError("laboratory", "-")
        uow.check_version(row, expected_version)
        _fill(row, data)
        uow.commit()
        return _settings(row)


def setup_laboratory(db: Database, lab: LabSettingsInput, admin: NewAccount) -> Actor:
    """First run: create the first administrator and the laboratory (sealed by that admin), in
    one unit of work: if either is refused, nothing is written and the set-up can be tried again.

    Raises
    ------
    ValidationError
        ``already_set_up`` when the database has accounts already; the lab's and the account's
        own codes otherwise.
    """
    _validated(lab)
    if has_accounts(db):
        raise ValidationError("setup", "this database is set up already", code="already_set_up")
    roles = tuple(dict.fromkeys((PersonRole.ADMIN, *admin.roles)))
    first = NewAccount(admin.login, admin.name, roles, admin.password, admin.email)
    check_new_account(first, None, True)
    with db.unit_of_work(first.login, "account created", anonymous=True) as uow:
        actor = stage_account(uow, None, first)  # from here on the new admin seals
        uow.session.info[REASON_KEY] = "first-run set-up"
        row = _first_lab(uow.session)
        if row is None:
            row = LaboratoryRow()
            uow.session.add(row)
        _fill(row, lab)
        uow.flush()
        person = uow.session.get(PersonRow, actor.person_id)
        if person is not None and person.laboratory_id is None:
            person.laboratory_id = row.id
        uow.commit()
    db.sign_in(actor)
    return actor


# --- the figures' settings ----------------------------------------------------------------------


@dataclass(frozen=True)
class FigureSettings:
    """The settings as used (defaults filled in); ``custom_definition`` None: LabApp's words."""

    on_time_target: Decimal = DEFAULT_TARGET
    custom_definition: str | None = None
    control_min_baseline: int = DEFAULT_MIN_BASELINE

    @property
    def on_time_definition_en(self) -> str:
        """The definition shown in English (the lab's own words when it set them)."""
        return self.custom_definition or ON_TIME_RATE_DEFINITION

    @property
    def on_time_definition_zh(self) -> str:
        """The definition shown in Chinese (the lab's own words when it set them)."""
        return self.custom_definition or ON_TIME_RATE_DEFINITION_ZH


def figure_settings(db: Database) -> FigureSettings:
    """The settings of the database's (first) laboratory; the defaults when there is none."""
    columns = (
        LaboratoryRow.on_time_target_percent,
        LaboratoryRow.on_time_definition,
        LaboratoryRow.control_min_baseline,
    )
    stmt = select(*columns).order_by(LaboratoryRow.id).limit(1)
    with db.engine.connect() as conn:  # Core: the dashboard asks on every refresh
        row = conn.execute(stmt).first()
    if row is None:
        return FigureSettings()
    target, definition, baseline = row
    return FigureSettings(
        DEFAULT_TARGET if target is None else Decimal(target),
        (definition or "").strip() or None,
        DEFAULT_MIN_BASELINE if baseline is None else int(baseline),
    )


def _target(value: Decimal | str) -> Decimal:
    text = value if isinstance(value, str) else format(value, "f")
    try:  # LabApp's one number rule; "95 %" may carry its percent sign
        target = parse_decimal(text.strip().rstrip("%"))
    except NumberError as exc:
        if exc.reason != "out_of_range":
            raise ValidationError("on_time_target", "not a number", code="invalid") from None
        target = Decimal("Infinity")  # out of range: refused below with the range it must be in
    if not Decimal(0) < target <= Decimal(100):
        raise ValidationError(
            "on_time_target", "must be above 0 and at most 100 %", code="out_of_range",
            params={"value": str(target)},
        )  # fmt: skip
    return target


def update_figure_settings(
    db: Database,
    user: str,
    *,
    on_time_target: Decimal | str | None = None,
    on_time_definition: str | None = None,
    control_min_baseline: int | None = None,
) -> FigureSettings:
    """Set the laboratory's settings (None leaves one as is; ``""`` definition: LabApp's words).

    Raises
    ------
    ValidationError
        A target outside (0, 100] %, a minimum baseline below 2, or no laboratory.
    """
    if control_min_baseline is not None and control_min_baseline < 2:
        raise ValidationError("control_min_baseline", "at least 2", code="out_of_range",
                              params={"value": control_min_baseline})  # fmt: skip
    target = None if on_time_target is None else _target(on_time_target)
    with db.unit_of_work(user) as uow:
        lab = _first_lab(uow.session)
        if lab is None:
            raise ValidationError("laboratory", "no laboratory", code="not_found")
        if target is not None:
            lab.on_time_target_percent = target
        if on_time_definition is not None:
            lab.on_time_definition = on_time_definition.strip() or None
        if control_min_baseline is not None:
            lab.control_min_baseline = control_min_baseline
        uow.commit()
    return figure_settings(db)
