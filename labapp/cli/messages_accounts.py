"""The CLI's sentences for accounts, logins, signatures, seals and the lab's settings (EN, ZH).

Merged into :data:`labapp.cli.messages.MESSAGES`; the errors' sentences are
:mod:`labapp.cli.messages_errors`.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.user": (
        "your login (or LABAPP_USER); the password comes from LABAPP_PASSWORD or a prompt",
        "您的登录名（或 LABAPP_USER）；密码取自 LABAPP_PASSWORD 或提示输入",
    ),
    "help.users": (
        "accounts: add, list, disable, enable, passwd",
        "账户：添加、列出、停用、启用、改密码",
    ),
    "help.user_add": (
        "add an account (the first one needs no login and must include --role admin)",
        "添加账户（第一个账户无需登录，且必须包含 --role admin）",
    ),
    "help.login": ("the account's login", "账户的登录名"),
    "help.name": ("the person's name", "人员姓名"),
    "help.role": (
        "a role (repeat): metrologist, checker, approver, quality_manager, technical_manager, "
        "admin",
        "角色（可重复）：metrologist 检定/校准员、checker 核验员、approver 批准人、"
        "quality_manager 质量负责人、technical_manager 技术负责人、admin 管理员",
    ),
    "help.password_stdin": (
        "read the password as one line on standard input",
        "从标准输入读取一行作为密码",
    ),
    "help.user_list": ("list the accounts", "列出账户"),
    "help.user_disable": (
        "disable an account (it can no longer log in or sign)",
        "停用账户（不能再登录或签名）",
    ),
    "help.user_enable": ("enable a disabled account", "启用已停用的账户"),
    "help.user_passwd": (
        "change your own password (LABAPP_PASSWORD is the old one), or, as an admin, reset "
        "another's",
        "修改本人密码（LABAPP_PASSWORD 为原密码），或由管理员重置他人密码",
    ),
    "help.audit": ("the audit trail", "审核追踪"),
    "help.audit_verify": (
        "check every seal and the audit chain; exit 1 listing each broken record",
        "校验所有电子签名封印和审核链；有损坏记录时逐条列出并以 1 退出",
    ),
    "help.lab": ("the laboratory and its settings", "实验室及其设置"),
    "help.lab_show": ("show the laboratory's settings", "显示实验室设置"),
    "help.lab_set": ("change the laboratory's settings (admin)", "修改实验室设置（管理员）"),
    "user.added": (
        "account {login} ({name}) created, roles: {roles}",
        "已创建账户 {login}（{name}），角色：{roles}",
    ),
    "user.disabled": ("account {login} disabled", "已停用账户 {login}"),
    "user.enabled": ("account {login} enabled", "已启用账户 {login}"),
    "user.changed": ("password of {login} changed", "已修改 {login} 的密码"),
    "user.reset": (
        "password of {login} reset; it must be changed at the next login",
        "已重置 {login} 的密码；下次登录时必须修改",
    ),
    "user.header": ("login\tname\troles\tstate", "登录名\t姓名\t角色\t状态"),
    "user.row": ("{login}\t{name}\t{roles}\t{state}", "{login}\t{name}\t{roles}\t{state}"),
    "user.state.active": ("active", "启用"),
    "user.state.disabled": ("disabled", "已停用"),
    "user.state.locked": ("locked until {until}", "锁定至 {until}"),
    "password.prompt": ("Password for {login}: ", "{login} 的密码："),
    "password.empty_stdin": ("no password on standard input", "标准输入中没有密码"),
    "audit.intact": (
        "intact: {entries} audit entries in the chain, {events} sealed records; head {seq} {hash}",
        "完好：审核链 {entries} 条记录，{events} 条已封印记录；链首 {seq} {hash}",
    ),
    "audit.legacy": (
        "note: {entries} audit entries and {events} records predate sealing (not sealed)",
        "注意：{entries} 条审核记录和 {events} 条业务记录早于封印功能（未封印）",
    ),
    "audit.broken": (
        "BROKEN: {count} problem(s) found:",
        "已损坏：发现 {count} 处问题：",
    ),
    "audit.problem": ("  {entity} {record}: {detail}", "  {entity} {record}：{detail}"),
    "lab.none": ("no laboratory is set up yet", "尚未设置实验室"),
    "lab.line": ("{label}: {value}", "{label}：{value}"),
    "lab.saved": ("laboratory settings saved", "实验室设置已保存"),
    "lab.logo": ("{media}, {size} bytes", "{media}，{size} 字节"),
    "help.lab_logo": (
        "the logo certificates print: a PNG or JPEG file of at most 1 MiB",
        "证书上印的徽标：不超过 1 MiB 的 PNG 或 JPEG 文件",
    ),
    "help.lab_no_logo": ("remove the logo", "删除徽标"),
}
