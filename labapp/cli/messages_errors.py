"""Every sentence the CLI words a typed error with, in English and Chinese: one line each.

Merged into :data:`labapp.cli.messages.MESSAGES`; :func:`labapp.cli.errors.word_error` picks the
sentence, one path per kind of error:

* ``ValidationError``: ``error.code.<code>.<field>`` where a field needs its own sentence, else
  ``error.code.<code>``; ``{field}`` is the field's name (``field.<name>``), the other names the
  error's ``params`` (and ``{message}``, its English explanation).  Every code the layers below the
  UI raise has a sentence here (``tests/ui/test_error_words.py`` walks the source for them).
* ``AuthenticationError`` and ``PermissionDeniedError``: ``error.<Class>.<code>``.
* Any other LabApp error: ``error.<Class>``, filled from the error's attributes.

Long module on purpose: it is one table, read by key; split by feature it would no longer be the
one place where a missing sentence shows.
"""

from __future__ import annotations

ERROR_MESSAGES: dict[str, tuple[str, str]] = {
    "error.prefix": ("error: ", "错误："),
    # errors of a class (one line each, printed with "error: " in front)
    "error.NotFoundError": ("{entity} {key!r} not found", "未找到{entity} {key!r}"),
    "error.DatabaseUnreachableError": (
        "cannot connect to {url}: {reason}",
        "无法连接 {url}：{reason}",
    ),
    "error.NotALabAppDatabaseError": (
        "{url} is not a LabApp database {reason}; it was left untouched",
        "{url} 不是 LabApp 数据库 {reason}；未做任何修改",
    ),
    "error.DatabaseCorruptError": (
        "{url} is damaged or truncated ({reason}); it was left as it was: restore a backup"
        " (labapp-cli db restore)",
        "{url} 已损坏或被截断（{reason}）；文件未作改动：请恢复备份（labapp-cli db restore）",
    ),
    "error.TargetExistsError": (
        "{path} exists already and holds data; give --force to replace it",
        "{path} 已存在且有数据；如需替换请加 --force",
    ),
    "error.UseServerToolsError": (
        "{url} is a PostgreSQL database: LabApp does not copy it; use the server's tool"
        " (password from ~/.pgpass or PGPASSWORD): {command}",
        "{url} 是 PostgreSQL 数据库：LabApp 不复制它；请使用服务器工具"
        "（密码放在 ~/.pgpass 或 PGPASSWORD 中）：{command}",
    ),
    "error.SchemaTooNewError": (
        "{url} has schema revision {revision}, created by a newer LabApp",
        "{url} 的结构版本为 {revision}，由更新版本的 LabApp 创建",
    ),
    "error.SchemaBehindError": (
        "{url} is at schema revision {current}, this LabApp needs {head}; "
        "run 'labapp-cli db upgrade'",
        "{url} 的结构版本为 {current}，当前 LabApp 需要 {head}；请运行 'labapp-cli db upgrade'",
    ),
    "error.DatabaseReadOnlyError": ("{url} is read-only: {reason}", "{url} 只读：{reason}"),
    "error.DiskFullError": (
        "disk full while writing {url}: {reason}",
        "写入 {url} 时磁盘已满：{reason}",
    ),
    "error.DatabaseBusyError": (
        "the database {url} is busy (another user or an import is saving), try again",
        "数据库 {url} 正忙（其他用户或导入正在保存），请稍后重试",
    ),
    "error.MigrationFailedError": (
        "upgrading {url} failed ({reason}); backup at {backup}",
        "升级 {url} 失败（{reason}）；备份位于 {backup}",
    ),
    "error.DemoDatabaseNotEmptyError": (
        "{url} already holds {instruments} instruments; the demo lab is only seeded into an "
        "empty database (--replace works on the demo database only)",
        "{url} 中已有 {instruments} 台件；演示数据只写入空数据库（--replace 仅用于演示数据库）",
    ),
    "error.DemoIncompleteError": (
        "{url} holds a demo laboratory whose seeding never completed ({instruments} "
        "instruments); run 'labapp-cli demo --replace' to seed it again",
        "{url} 中的演示实验室未生成完整（{instruments} 台件）；"
        "请运行 'labapp-cli demo --replace' 重新生成",
    ),
    "error.DemoCancelledError": (
        "seeding the demo laboratory was cancelled",
        "已取消生成演示实验室",
    ),
    "error.NotXlsxError": (
        "{path}: the file to write must end in .xlsx",
        "{path}：要写入的文件必须以 .xlsx 结尾",
    ),
    "error.NotXlsxOrPdfError": (
        "{path}: the file to write must end in .xlsx or .pdf",
        "{path}：要写入的文件必须以 .xlsx 或 .pdf 结尾",
    ),
    "error.NoFolderError": ("no such folder: {folder}", "文件夹不存在：{folder}"),
    "error.NoItemError": ("no item with asset tag {tag!r}", "没有资产编号为 {tag!r} 的器具"),
    "error.NoQuantityError": (
        "no quantity {text!r} in the register (by key, English or Chinese name); it holds: {known}",
        "台账中没有测量量 {text!r}（按代码、中文或英文名称查找）；现有：{known}",
    ),
    "error.NoPlanError": (
        "no re-verification plan for year {year}; generate it with 'labapp-cli plan generate "
        "--year {year}' or on the Planning page",
        "没有 {year} 年的周检计划；请用 'labapp-cli plan generate --year {year}' 或在“计划”页面"
        "生成",
    ),
    "error.NoDraftPlanError": (
        "no draft plan for year {year} ({approved} approved); generate one with "
        "'labapp-cli plan generate --year {year}'",
        "{year} 年没有周检计划草稿（已批准 {approved} 份）；请用 "
        "'labapp-cli plan generate --year {year}' 生成",
    ),
    "error.IntegrityViolationError": (
        "a sealed record cannot be changed: {detail}",
        "已封印的记录不能修改：{detail}",
    ),
    # errors the CLI raises itself
    "error.replace_not_demo": (
        "--replace only replaces the demo database ({demo}), not {url}",
        "--replace 只能用于演示数据库（{demo}），不能用于 {url}",
    ),
    "error.bad_date": ("not a date (YYYY-MM-DD): {value}", "不是日期（YYYY-MM-DD）：{value}"),
    "error.bad_qualification": (
        "not KIND:NUMBER[:QUANTITY[:VALID_UNTIL]]: {value}",
        "格式应为 类别:证书号[:测量量[:有效期至]]：{value}",
    ),
    "error.bad_scope": (
        "not QUANTITY[:RANGE[:CMC]]: {value}",
        "格式应为 测量量[:范围[:CMC]]：{value}",
    ),
    # errors with a code, by class
    "error.AuthenticationError.wrong_credentials": (
        "wrong login or password",
        "登录名或密码错误",
    ),
    "error.AuthenticationError.locked": (
        "the account {login} is locked after repeated wrong passwords until {until}",
        "账户 {login} 因多次密码错误已被锁定，至 {until} 解锁",
    ),
    "error.AuthenticationError.disabled": (
        "the account {login} is disabled",
        "账户 {login} 已停用",
    ),
    "error.AuthenticationError.not_logged_in": (
        "{login} is not logged in: give --user (or LABAPP_USER) and the password",
        "{login} 未登录：请提供 --user（或 LABAPP_USER）和密码",
    ),
    "error.AuthenticationError.no_user": (
        "this command changes the database: give --user LOGIN (or LABAPP_USER)",
        "此命令会修改数据库：请提供 --user 登录名（或 LABAPP_USER）",
    ),
    "error.AuthenticationError.no_password": (
        "no password for {login}: set LABAPP_PASSWORD or run on a terminal to be asked",
        "没有 {login} 的密码：请设置 LABAPP_PASSWORD，或在终端中运行以提示输入",
    ),
    "error.PermissionDeniedError.role": (
        "{login} does not hold the role {role}",
        "{login} 不具有 {role} 角色",
    ),
    "error.PermissionDeniedError.qualification": (
        "{login} holds no licence valid for {quantity} on {on} (verification needs one)",
        "{login} 没有在 {on} 有效、覆盖 {quantity} 的检定员证（检定需要）",
    ),
    "error.PermissionDeniedError.server": (
        "the database server refused: {detail}",
        "数据库服务器拒绝：{detail}",
    ),
    # ValidationError, by code (and field)
    "error.code.required": ("{field}: a value is required", "{field}：必须填写"),
    "error.code.duplicate": ("{field}: this value is already used", "{field}：该值已被使用"),
    "error.code.not_found": ("{field}: no such record: {value}", "{field}：没有该记录：{value}"),
    "error.code.login_format": (
        "{field}: {login} is not a login (a-z, 0-9, '.', '_', '-', starting with a letter or a "
        "digit; 2–63 long)",
        "{field}：{login} 不是有效的登录名（a-z、0-9、'.'、'_'、'-'，以字母或数字开头，2–63 位）",
    ),
    "error.code.login_fixed": (
        "{field}: {login} has signed records, which name this login: it cannot change",
        "{field}：{login} 已签署过记录，记录引用该登录名，不能修改",
    ),
    "error.code.email_format": ("{field}: not an e-mail address", "{field}：不是有效的电子邮箱"),
    "error.code.unknown_column": (
        "{field}: no such column: {columns}; the columns are: {known}",
        "{field}：没有这样的列：{columns}；可选的列为：{known}",
    ),
    "error.code.date_order": (
        "{field}: the start date is after the end date",
        "{field}：开始日期晚于结束日期",
    ),
    "error.code.date_order.valid_until": (
        "{field}: licence {number} would expire before it was issued",
        "{field}：资质证书 {number} 的有效期早于发证日期",
    ),
    "error.code.withdrawn": (
        "{field}: {code} is withdrawn (since {on}): choose the procedure in force",
        "{field}：{code} 已作废（自 {on} 起）：请选择现行有效的规程/规范",
    ),
    "error.code.person_signed": (
        "{login} has signed records: disable the person instead of deleting",
        "{login} 已签署过记录：只能停用，不能删除",
    ),
    "error.code.custodian": (
        "{login} keeps {count} instruments: give them another custodian first",
        "{login} 是 {count} 台器具的保管人：请先更换保管人",
    ),
    "error.code.no_laboratory": (
        "set up the laboratory first (name, address, accreditation)",
        "请先设置实验室（名称、地址、认可信息）",
    ),
    "error.code.not_permitted": (
        "{login} may not change this (it needs one of: {roles})",
        "{login} 无权修改（需要以下角色之一：{roles}）",
    ),
    "error.code.last_admin": (
        "no active administrator would remain: give another person the admin role first",
        "将没有在职的系统管理员：请先为其他人员授予管理员角色",
    ),
    "error.code.has_account": (
        "{login} has an account: disable the person instead of deleting",
        "{login} 有登录账户：只能停用，不能删除",
    ),
    "error.code.password_short": (
        "a password has at least {min} characters",
        "密码至少需要 {min} 个字符",
    ),
    "error.code.password_same": (
        "the new password is the old one",
        "新密码与原密码相同",
    ),
    "error.code.first_admin": (
        "the first account must be an administrator (--role admin)",
        "第一个账户必须是管理员（--role admin）",
    ),
    "error.code.unknown_role": (
        "unknown role {role!r}; roles: {roles}",
        "未知角色 {role!r}；可用角色：{roles}",
    ),
    "error.code.self_disable": (
        "you cannot disable your own account",
        "不能停用自己的账户",
    ),
    "error.code.unknown_user": ("{login} has no account", "{login} 没有账户"),
    "error.code.pattern": (
        "certificate numbering {pattern!r}: use {{yyyy}}, {{yy}}, {{mm}} and {{seq}} or {{seq:04}}",
        "证书编号规则 {pattern!r}：请使用 {{yyyy}}、{{yy}}、{{mm}} 和 {{seq}} 或 {{seq:04}}",
    ),
    "error.code.already_set_up": (
        "this database is set up already",
        "此数据库已完成初始设置",
    ),
    # the catch-all code: its English explanation is all there is to say
    "error.code.invalid": ("{field}: invalid value ({message})", "{field}：值无效（{message}）"),
    # quantities, units and numbers as typed
    "error.code.not_a_quantity": (
        "{field}: {text!r} is not a number with a known unit (e.g. 10.00 mV)",
        "{field}：{text!r} 不是带已知单位的数值（例如 10.00 mV）",
    ),
    "error.code.not_a_number": ("{field}: not a number", "{field}：不是数值"),
    "error.code.unknown_unit": ("{field}: unknown unit {unit!r}", "{field}：未知单位 {unit!r}"),
    "error.code.incommensurable": (
        "{field}: {unit} cannot be compared with {expected}",
        "{field}：{unit} 与 {expected} 不是同类量，无法比较",
    ),
    "error.code.out_of_range": (
        "{field}: {text} is out of range (at most 50 significant digits, exponent -30 to 30)",
        "{field}：{text} 超出数值范围（最多 50 位有效数字，指数在 -30 到 30 之间）",
    ),
    "error.code.out_of_range.on_time_target": (
        "{field}: {value} % is not above 0 and at most 100 %",
        "{field}：{value} % 不在 0（不含）到 100 % 之间",
    ),
    "error.code.out_of_range.control_min_baseline": (
        "{field}: {value}: at least 2",
        "{field}：{value}：至少为 2",
    ),
    "error.code.out_of_range.years": (
        "{field}: between {low} and {high} years",
        "{field}：应为 {low} 至 {high} 年",
    ),
    "error.code.invalid.on_time_target": ("{field}: not a number", "{field}：不是数值"),
    "error.code.invalid.year": (
        "{field}: {year} is not a plan year",
        "{field}：{year} 不是有效的计划年度",
    ),
    "error.code.below_absolute_zero": (
        "{field}: {text} is below absolute zero (a temperature difference is written in Δ°C)",
        "{field}：{text} 低于绝对零度（温差请用 Δ°C 表示）",
    ),
    "error.code.not_positive": ("{field}: must be a positive number", "{field}：必须为正数"),
    "error.code.positive": ("{field}: must not be negative", "{field}：不能为负数"),
    "error.code.order": (
        "{field}: the lower limit is above the upper limit",
        "{field}：下限高于上限",
    ),
    "error.code.range_order": (
        "{field}: the range must go from the lower to the higher value",
        "{field}：量程须从下限到上限",
    ),
    "error.code.range": (
        "{field}: must be between {low} and {high}",
        "{field}：必须在 {low} 与 {high} 之间",
    ),
    "error.code.too_few": (
        "too few values for this (at least {needed} needed)",
        "数量不足（至少需要 {needed} 个）",
    ),
    "error.code.too_long": (
        "{field}: too long (at most 32 characters)",
        "{field}：过长（最多 32 个字符）",
    ),
    "error.code.too_large": (
        "the file is too large (at most {max} bytes)",
        "文件过大（最多 {max} 字节）",
    ),
    "error.code.integrity": (
        "this change conflicts with a record already stored",
        "此修改与已保存的记录冲突",
    ),
    "error.code.import_refused": (
        "{errors} cells of the file are wrong: nothing was imported",
        "文件中有 {errors} 个单元格有误：未导入任何记录",
    ),
    "error.code.required.reason": ("a reason is required", "必须填写理由"),
    # events: signatures, decisions, corrections
    "error.code.required_by_rule": (
        "{field}: the guard-band decision rule needs U to place the guard band",
        "{field}：保护带判定规则需要 U 才能设定保护带",
    ),
    "error.code.four_eyes": (
        "four eyes: the person who performed the event cannot also check or approve it",
        "四眼原则：检定/校准人员不能同时核验或批准该记录",
    ),
    "error.code.checker_approver": (
        "the person who checked the event cannot also approve it (the laboratory's settings do "
        "not allow it)",
        "核验该记录的人员不能同时批准它（实验室设置不允许）",
    ),
    "error.code.performer_is_you": (
        "the performer is the person who records the event (you, logged in)",
        "检定/校准人员即录入本记录的人（即当前登录的您）",
    ),
    "error.code.standard_not_valid": (
        "{field}: {asset_tag} is not valid on the event's date; give a reason to use it",
        "{field}：{asset_tag} 在该记录日期不在有效期内；如需使用请说明原因",
    ),
    "error.code.self_standard": (
        "{field}: an instrument cannot be its own standard",
        "{field}：计量器具不能作为自身的标准",
    ),
    "error.code.future": ("{field}: the date is in the future", "{field}：日期晚于今天"),
    "error.code.retired": (
        "the instrument is retired: no new events",
        "该器具已退役：不能再新增记录",
    ),
    "error.code.approved_immutable": (
        "an approved event cannot be changed: correct it to issue a new revision",
        "已批准的记录不能修改：请更正以生成新版本",
    ),
    "error.code.not_draft": ("only a draft can be marked checked", "只有草稿才能核验"),
    "error.code.not_checked": ("only a checked event can be approved", "只有已核验的记录才能批准"),
    "error.code.not_approved": (
        "only an approved event can be corrected",
        "只有已批准的记录才能更正",
    ),
    "error.code.correction_open": (
        "a correction of this event is already open (event {event_id})",
        "该记录已有进行中的更正（记录 {event_id}）",
    ),
    # planning
    "error.code.plan_approved": (
        "this plan is approved and read-only: start a new revision to change it",
        "该计划已批准，只读：如需修改请建立新版本",
    ),
    "error.code.plan_not_approved": (
        "only an approved plan can be revised: a draft is changed directly",
        "只有已批准的计划才能修订：草稿可直接修改",
    ),
    # intermediate checks
    "error.code.baseline_too_small": (
        "the baseline period holds {count} checks; the control limits need at least 2",
        "基准期内有 {count} 次核查；控制限至少需要 2 次",
    ),
    "error.code.has_checks": (
        "{count} checks were recorded against this plan: end it instead of deleting it",
        "此计划已记录 {count} 次核查：请结束该计划，而不是删除",
    ),
    "error.code.plan_ended": (
        "the check plan ended on {ended_on}: no check is recorded on or after that day",
        "核查计划已于 {ended_on} 结束：该日及以后不能再记录核查",
    ),
    # comparisons, proficiency testing and corrective actions
    "error.code.no_pilot": (
        "the pilot laboratory is not among the participants",
        "主导实验室不在参加实验室之中",
    ),
    "error.code.robust_failed": (
        "Algorithm A cannot be applied to these results",
        "这些结果无法采用算法 A",
    ),
    "error.code.has_actions": (
        "a corrective action follows this result: it stays (close the action, keep the record)",
        "该结果已有纠正措施，不能删除（请关闭纠正措施，保留记录）",
    ),
    "error.code.no_own_result": (
        "the laboratory has no result of its own in this comparison",
        "本实验室在该比对中没有自己的结果",
    ),
    "error.code.closed": ("this corrective action is already closed", "该纠正措施已关闭"),
    # failed-standard impact investigations
    "error.code.undecided": (
        "{count} affected or possibly affected results have no action yet ({items}): decide "
        "each one, with its reason, before closing",
        "有 {count} 项受影响或可能受影响的结果尚未确定处理措施（{items}）：关闭前请逐项确定措施并"
        "填写理由",
    ),
    "error.code.investigation_closed": (
        "the investigation is closed: it can no longer be changed",
        "调查已关闭，不能再修改",
    ),
    "error.code.investigation_open": (
        "investigation {investigation_id} is already open for this failure",
        "此不合格已有进行中的调查 {investigation_id}",
    ),
    "error.code.not_failed": (
        "this event or check did not find the standard out of tolerance",
        "该检定/校准或核查并未发现标准器超差",
    ),
    "error.code.offset_scale": (
        "{field}: a relative error cannot be carried to a temperature on an offset scale (°C, °F)",
        "{field}：相对误差不能用于摄氏度、华氏度等非绝对温标上的温度",
    ),
    "error.code.outside_range": (
        "{field}: outside the standard's calibrated points ({range}): its error there is unknown",
        "{field}：超出标准器已校准的点（{range}），该处的误差未知",
    ),
    # the fields the sentences name
    "field.customer": ("customer", "委托单位"),
    "field.asset_tag": ("asset tag", "资产编号"),
    "field.user": ("user", "用户"),
    "field.name": ("name", "名称"),
    "field.code": ("code", "简码"),
    "field.login": ("login", "登录名"),
    "field.title": ("title", "名称"),
    "field.email": ("e-mail", "电子邮箱"),
    "field.department": ("department", "部门"),
    "field.procedure": ("procedure", "规程/规范"),
    "field.procedure_id": ("procedure", "规程/规范"),
    "field.laboratory_id": ("laboratory", "实验室"),
    "field.accreditation_no": ("accreditation number", "认可证书号"),
    "field.scopes": ("scope quantity", "能力范围的测量量"),
    "field.qualification_kind": ("licence kind", "资质类别"),
    "field.qualification_number": ("licence number", "资质证书号"),
    "field.valid_until": ("valid until", "有效期至"),
    "field.person": ("person", "人员"),
    "field.reason": ("reason", "理由"),
    "field.year": ("year", "年度"),
    "field.plan": ("plan", "计划"),
    "field.on_time_target": ("on-time rate target", "受检率目标值"),
    "field.control_min_baseline": ("control chart baseline", "控制图最少基线点数"),
    "field.certificate_pattern": ("certificate numbers", "证书编号规则"),
    "field.idle_lock_minutes": ("idle lock", "空闲锁定时间"),
    "field.guard_band_factor": ("guard band factor", "保护带系数"),
    "field.capability_threshold": ("capability threshold", "测量能力阈值"),
    "field.roles": ("roles", "角色"),
    "field.password": ("password", "密码"),
    "field.file": ("file", "文件"),
    "field.since": ("from", "起始日期"),
    "field.date_from": ("--from", "--from（起始日期）"),
    "field.columns": ("--columns", "--columns（列）"),
}
