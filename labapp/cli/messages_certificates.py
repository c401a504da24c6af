"""The sentences of ``labapp-cli certificate`` and ``labapp-cli import dcc`` (English, Chinese)."""

from __future__ import annotations

__all__ = ["CERTIFICATE_MESSAGES"]

CERTIFICATE_MESSAGES: dict[str, tuple[str, str]] = {
    "help.certificate": (
        "write the certificate of an approved in-house record as PDF (and DCC)",
        "将已批准的本实验室记录的证书输出为 PDF（及 DCC）",
    ),
    "help.certificate_no": ("the certificate number", "证书编号"),
    "help.certificate_pdf": ("the PDF file to write", "要写出的 PDF 文件"),
    "help.certificate_dcc": (
        "also write the DCC (XML, validated) and attach it to the record",
        "同时写出 DCC（XML，已校验）并将其附加到记录",
    ),
    "help.certificate_lang": (
        "language of the certificate: en, zh_CN or bilingual (default)",
        "证书语言：en、zh_CN 或 bilingual（中英双语，默认）",
    ),
    "help.import_dcc": (
        "import a provider's DCC for a standard as a draft calibration",
        "将外部机构为计量标准出具的 DCC 导入为校准记录草稿",
    ),
    "help.import_dcc_file": ("the DCC file (XML)", "DCC 文件（XML）"),
    "help.import_dcc_instrument": ("asset tag of the standard", "计量标准的资产编号"),
    "certificate.pdf": (
        "Certificate {number} ({kind}, {lang}): {pages} page(s) written to {path}",
        "证书 {number}（{kind}，{lang}）：已写出 {pages} 页到 {path}",
    ),
    "certificate.dcc": (
        "DCC written to {path} and attached to the record (SHA-256 {sha256})",
        "DCC 已写出到 {path} 并附加到记录（SHA-256 {sha256}）",
    ),
    "certificate.unreadable": ("cannot read {file}: {reason}", "无法读取 {file}：{reason}"),
    "certificate.unwritable": ("cannot write {file}: {reason}", "无法写入 {file}：{reason}"),
    "import.dcc_done": (
        "DCC {number} of {provider} imported as draft event {event} of {tag} "
        "({points} points, file attached)",
        "已将 {provider} 的 DCC {number} 导入为 {tag} 的记录草稿 {event}"
        "（{points} 个测量点，文件已附加）",
    ),
    "import.dcc_provider": (
        "new provider recorded: {provider} (accredited laboratory, check it in master data)",
        "已新增校准机构：{provider}（按认可实验室记录，请在基础数据中核对）",
    ),
}
