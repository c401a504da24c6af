<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptIntervalDialog</name>
    <message>
        <source>Accept interval</source>
        <translation>采纳检定周期</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Interval:</source>
        <translation>检定周期：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>新建账户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>must change the password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password for {0} ({1}); it must be changed at the next login:</source>
        <translation>{0}（{1}）的新密码；下次登录时必须修改：</translation>
    </message>
</context>
<context>
    <name>AdminModels</name>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>现行有效</translation>
    </message>
    <message>
        <source>Withdrawn {0}</source>
        <translation>{0} 作废</translation>
    </message>
    <message>
        <source>{0}, valid until {1}</source>
        <translation>{0}，有效期至 {1}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>资质证书</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Has signed</source>
        <translation>已签署记录</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>简码</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>地点数</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>上级计量机构</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Accreditation body</source>
        <translation>认可机构</translation>
    </message>
    <message>
        <source>Accreditation number</source>
        <translation>认可证书号</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>能力范围</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>For</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>测量量</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>委托单位</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <source>This account creates the others. Keep its password safe: it also signs.</source>
        <translation>此账户用于创建其他账户。请妥善保管密码：它也用于电子签名。</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <source>At least {0} characters.</source>
        <translation>至少 {0} 个字符。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AdminWords</name>
    <message>
        <source>Metrologist</source>
        <translation>检定员</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>核验员</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Quality manager</source>
        <translation>质量负责人</translation>
    </message>
    <message>
        <source>Technical manager</source>
        <translation>技术负责人</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>ValidationError fields of the master-data services, worded here</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>简码</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>规程/规范</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>实验室</translation>
    </message>
    <message>
        <source>Accreditation number</source>
        <translation>认可证书号</translation>
    </message>
    <message>
        <source>Accreditation valid until</source>
        <translation>认可有效期至</translation>
    </message>
    <message>
        <source>Scope quantity</source>
        <translation>能力范围的测量量</translation>
    </message>
    <message>
        <source>Licence kind</source>
        <translation>资质类别</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>资质证书号</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>作废日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Certificate numbers</source>
        <translation>证书编号规则</translation>
    </message>
    <message>
        <source>Guard band factor</source>
        <translation>保护带系数</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>空闲锁定时间</translation>
    </message>
    <message>
        <source>Certificate numbers: use {yyyy}, {yy}, {mm} and {seq} or {seq:04}; {seq} is required.</source>
        <extracomment>refusals of the laboratory settings worded here (their codes are the settings&apos; own)</extracomment>
        <translation>证书编号规则：可用 {yyyy}、{yy}、{mm} 和 {seq} 或 {seq:04}；必须包含 {seq}。</translation>
    </message>
    <message>
        <source>{0}: out of range (idle lock 1 to 480 minutes, guard band factor 0 to 3).</source>
        <translation>{0}：超出范围（空闲锁定 1 至 480 分钟，保护带系数 0 至 3）。</translation>
    </message>
    <message>
        <source>{0}: licence {1} would expire before it was issued.</source>
        <extracomment>a licence&apos;s dates in the wrong order (the common sentence speaks of any two dates)</extracomment>
        <translation>{0}：资质证书 {1} 的有效期早于发证日期。</translation>
    </message>
</context>
<context>
    <name>AdministrationView</name>
    <message>
        <source>Administration</source>
        <extracomment>The Administration page&apos;s tabs. widest a column grows to fit its texts (a long scope list is read in the tooltip) a kind&apos;s rows arrived (the kind&apos;s key) every kind was read again (after opening the page or a change)</extracomment>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Departments and locations</source>
        <translation>部门与地点</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>上级计量机构</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>规程/规范</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>委托单位</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>实验室</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>新增人员…</translation>
    </message>
    <message>
        <source>Add department…</source>
        <translation>新增部门…</translation>
    </message>
    <message>
        <source>Add location…</source>
        <translation>新增地点…</translation>
    </message>
    <message>
        <source>Add provider…</source>
        <translation>新增机构…</translation>
    </message>
    <message>
        <source>Add procedure…</source>
        <translation>新增规程/规范…</translation>
    </message>
    <message>
        <source>Add customer…</source>
        <translation>新增委托单位…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Disable {0} ({1})? They can no longer sign; their records stay.</source>
        <translation>停用 {0}（{1}）？停用后不能再签字，其记录保留。</translation>
    </message>
    <message>
        <source>Delete {0} ({1})?</source>
        <translation>删除 {0}（{1}）？</translation>
    </message>
</context>
<context>
    <name>AttachmentsWidget</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Or drop PDF files onto the dialog</source>
        <translation>或将 PDF 文件拖放到对话框中</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF 文件 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{0} (stored on save)</source>
        <translation>{0}（保存时存储）</translation>
    </message>
</context>
<context>
    <name>AuditHistoryModel</name>
    <message>
        <source>Instrument</source>
        <extracomment>audited table -&gt; its name for people</extracomment>
        <translation>计量器具</translation>
    </message>
    <message>
        <source>Calibration event</source>
        <translation>检定/校准记录</translation>
    </message>
    <message>
        <source>Measurement point</source>
        <translation>测量点</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>上级计量机构</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>规程/规范</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>What changed (old → new)</source>
        <translation>变更内容（原值 → 新值）</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>AuditPrint</name>
    <message>
        <source>Export audit trail as PDF</source>
        <translation>将审计追踪记录导出为 PDF</translation>
    </message>
    <message>
        <source>Export audit trail to Excel</source>
        <translation>将审计追踪记录导出到 Excel</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit trail</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <source>Item (asset tag)</source>
        <translation>器具（资产编号）</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>e.g. DMM-0001</source>
        <translation>例如 DMM-0001</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>校验完整性</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>The trail of the item typed (and its events) over the days From … To, each entry with whether the chain and seals verify</source>
        <translation>所输入器具（及其检定/校准记录）在起始日期至截止日期间的审计追踪，每条记录注明审计链与封印是否验证通过</translation>
    </message>
    <message>
        <source>Check every seal and the audit trail&apos;s hash chain for changes made outside LabApp</source>
        <translation>检查每个封签和审计追踪的哈希链，发现在 LabApp 之外所做的修改</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <source>{0} entries, newest first</source>
        <translation>{0} 条记录，最新的在前</translation>
    </message>
    <message>
        <source>The start date {0} is after the end date {1}.</source>
        <translation>开始日期 {0} 晚于结束日期 {1}。</translation>
    </message>
    <message>
        <source>No instrument has the asset tag “{0}”.</source>
        <translation>没有资产编号为“{0}”的器具。</translation>
    </message>
    <message>
        <source>Verifying the seals and the audit trail…</source>
        <translation>正在校验封签和审计追踪…</translation>
    </message>
</context>
<context>
    <name>BrokenChainsModel</name>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>器具</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <source>Broken at</source>
        <translation>断开位置</translation>
    </message>
    <message>
        <source>Via standard</source>
        <translation>经由计量标准</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>BrokenChainsWidget</name>
    <message>
        <source>Results since:</source>
        <extracomment>a review looks back this far by default (the usual two-year re-assessment period)</extracomment>
        <translation>结果起始日期：</translation>
    </message>
    <message>
        <source>Find broken chains</source>
        <translation>查找断开的溯源链</translation>
    </message>
    <message>
        <source>Double-click a line to see its chain</source>
        <translation>双击一行查看其溯源链</translation>
    </message>
    <message numerus="yes">
        <source>%n broken chain(s)</source>
        <translation>
            <numerusform>%n 条断开的溯源链</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkDecisionDialog</name>
    <message>
        <source>Decide selected results</source>
        <translation>批量处理所选结果</translation>
    </message>
    <message numerus="yes">
        <source>The same action and reason for %n selected result(s).</source>
        <translation>
            <numerusform>为所选的 %n 个结果设置相同的处理措施和理由。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>处理措施：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Give the reason for this action.</source>
        <translation>请填写此处理措施的理由。</translation>
    </message>
</context>
<context>
    <name>BusyDialog</name>
    <message>
        <source>Database busy</source>
        <translation>数据库正忙</translation>
    </message>
    <message>
        <source>The database is busy, try again.</source>
        <translation>数据库正忙，请重试。</translation>
    </message>
    <message>
        <source>Another user or a long import is saving right now. Nothing was saved; your form is kept as it is. Try again saves it once more.</source>
        <translation>其他用户或长时间的导入正在保存。本次未保存任何内容；您填写的表单保持不变。“重试”将再次保存。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>CalibrationsView</name>
    <message>
        <source>Calibrations</source>
        <translation>检定校准</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Record event…</source>
        <translation>记录检定/校准…</translation>
    </message>
    <message>
        <source>Certificate (PDF)…</source>
        <translation>证书（PDF）…</translation>
    </message>
    <message>
        <source>The certificate of the selected approved in-house record, as PDF</source>
        <translation>所选已批准的本实验室记录的证书（PDF）</translation>
    </message>
    <message>
        <source>DCC…</source>
        <translation>DCC…</translation>
    </message>
    <message>
        <source>The digital calibration certificate (DCC XML), attached to the record</source>
        <translation>数字校准证书（DCC XML），并附加到记录</translation>
    </message>
    <message>
        <source>Import DCC…</source>
        <translation>导入 DCC…</translation>
    </message>
    <message>
        <source>A provider&apos;s DCC for the selected row&apos;s standard, as a new draft</source>
        <translation>将外部机构为所选行计量标准出具的 DCC 导入为新的记录草稿</translation>
    </message>
    <message>
        <source>Double-click an event to open it</source>
        <translation>双击记录即可打开</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The latest %n events are shown; more match: narrow the dates or the filters.</source>
        <translation>
            <numerusform>仅显示最近的 %n 条记录，另有更多记录符合条件：请缩小日期范围或筛选条件。</numerusform>
        </translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
</context>
<context>
    <name>CertificateActions</name>
    <message>
        <source>Chinese and English</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Certificate language</source>
        <translation>证书语言</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>DCC (*.xml)</source>
        <translation>DCC 文件 (*.xml)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation>保存证书</translation>
    </message>
    <message>
        <source>Import DCC</source>
        <translation>导入 DCC</translation>
    </message>
    <message>
        <source>Issuing the certificate…</source>
        <translation>正在出具证书…</translation>
    </message>
    <message>
        <source>The file cannot be read: {0}</source>
        <translation>无法读取文件：{0}</translation>
    </message>
    <message>
        <source>Importing the DCC…</source>
        <translation>正在导入 DCC…</translation>
    </message>
    <message>
        <source>The file cannot be written: {0}</source>
        <translation>无法写入文件：{0}</translation>
    </message>
    <message>
        <source>DCC of certificate {0} written to {1} and attached to the record (SHA-256 {2}).</source>
        <translation>证书 {0} 的 DCC 已写出到 {1}，并已附加到记录（SHA-256 {2}）。</translation>
    </message>
    <message>
        <source>Certificate {0} written to {1}.</source>
        <translation>证书 {0} 已写出到 {1}。</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password — {0}</source>
        <translation>修改密码 — {0}</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <source>Export PNG/PDF/SVG…</source>
        <translation>导出 PNG/PDF/SVG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
</context>
<context>
    <name>ChartImage</name>
    <message>
        <source>Export PNG/PDF/SVG…</source>
        <translation>导出 PNG/PDF/SVG…</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Record intermediate check</source>
        <translation>记录期间核查</translation>
    </message>
    <message>
        <source>e.g. 0 {0}</source>
        <translation>例如 0 {0}</translation>
    </message>
    <message>
        <source>Performed on</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <source>Reference value</source>
        <translation>参考值</translation>
    </message>
    <message>
        <source>Number of readings</source>
        <translation>测量次数</translation>
    </message>
    <message>
        <source>Readings (number and unit; a bare number is in {0})</source>
        <translation>测量值（数值和单位；只填数值时单位为 {0}）</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{0} {1} — check point {2}; limits {3}</source>
        <translation>{0} {1} — 核查点 {2}；限值 {3}</translation>
    </message>
    <message numerus="yes">
        <source>Mean of %n reading(s): {0} {1}</source>
        <translation>
            <numerusform>%n 个读数的平均值：{0} {1}</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading {0}</source>
        <translation>测量值 {0}</translation>
    </message>
    <message>
        <source>Mean: —</source>
        <translation>平均值：—</translation>
    </message>
    <message>
        <source>Verdict: {0}</source>
        <translation>结论：{0}</translation>
    </message>
    <message>
        <source>The plan ended on {0}: record a check dated before, or resume it.</source>
        <translation>该计划已于 {0} 终止：请记录此前日期的核查，或先恢复该计划。</translation>
    </message>
</context>
<context>
    <name>CheckHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>Check value</source>
        <translation>核查值</translation>
    </message>
    <message>
        <source>Reference value</source>
        <translation>参考值</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
</context>
<context>
    <name>CheckModels</name>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Not due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>无计划</translation>
    </message>
    <message>
        <source>Ended {0}</source>
        <translation>已于 {0} 终止</translation>
    </message>
    <message>
        <source>When needed</source>
        <translation>按需核查</translation>
    </message>
</context>
<context>
    <name>CheckPlanDialog</name>
    <message>
        <source>New check plan</source>
        <translation>新建核查计划</translation>
    </message>
    <message>
        <source>Check plan</source>
        <translation>核查计划</translation>
    </message>
    <message>
        <source>e.g. 10 V</source>
        <translation>例如 10 V</translation>
    </message>
    <message>
        <source>When needed (no fixed frequency)</source>
        <translation>按需（无固定周期）</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>e.g. -0.5 mV</source>
        <translation>例如 -0.5 mV</translation>
    </message>
    <message>
        <source>e.g. 0.5 mV</source>
        <translation>例如 0.5 mV</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>计量标准</translation>
    </message>
    <message>
        <source>Check point</source>
        <translation>核查点</translation>
    </message>
    <message>
        <source>Check every</source>
        <translation>核查周期</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>上限</translation>
    </message>
</context>
<context>
    <name>CheckPlansModel</name>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>计量标准</translation>
    </message>
    <message>
        <source>Check point</source>
        <translation>核查点</translation>
    </message>
    <message>
        <source>Every (months)</source>
        <translation>周期(月)</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>上次核查</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次核查</translation>
    </message>
    <message>
        <source>Due state</source>
        <translation>到期状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ChecksView</name>
    <message>
        <source>Intermediate checks</source>
        <translation>期间核查</translation>
    </message>
    <message>
        <source>New check plan…</source>
        <translation>新建核查计划…</translation>
    </message>
    <message>
        <source>Edit plan…</source>
        <translation>编辑核查计划…</translation>
    </message>
    <message>
        <source>Delete plan…</source>
        <translation>删除核查计划…</translation>
    </message>
    <message>
        <source>Record check…</source>
        <translation>记录核查…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>核查记录</translation>
    </message>
    <message>
        <source>Control chart</source>
        <translation>控制图</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>稳定性考核</translation>
    </message>
    <message>
        <source>Repeatability</source>
        <translation>重复性试验</translation>
    </message>
    <message>
        <source>Baseline from</source>
        <translation>基准期从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Apply baseline</source>
        <translation>应用基准期</translation>
    </message>
    <message>
        <source>Last groups (0 = all checks)</source>
        <translation>最近组数（0 = 全部核查）</translation>
    </message>
    <message>
        <source>Readings, one per line (number and unit):</source>
        <translation>测量值，每行一个（数值和单位）：</translation>
    </message>
    <message>
        <source>Limit of s</source>
        <translation>s 的限值</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>No check plan chosen.</source>
        <translation>未选择核查计划。</translation>
    </message>
    <message>
        <source>{0} {1} — check point {2}; status: {3}</source>
        <translation>{0} {1} — 核查点 {2}；状态：{3}</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>核查结果</translation>
    </message>
    <message>
        <source>Centre line</source>
        <translation>中心线</translation>
    </message>
    <message>
        <source>UCL (+3σ)</source>
        <translation>上控制限 (+3σ)</translation>
    </message>
    <message>
        <source>LCL (−3σ)</source>
        <translation>下控制限 (−3σ)</translation>
    </message>
    <message>
        <source>±1σ, ±2σ</source>
        <translation>±1σ, ±2σ</translation>
    </message>
    <message>
        <source>Reference value</source>
        <translation>参考值</translation>
    </message>
    <message>
        <source>± MPE</source>
        <translation>± 最大允许误差</translation>
    </message>
    <message>
        <source>Run-rule violation (rule no.)</source>
        <translation>判异准则违例（准则号）</translation>
    </message>
    <message>
        <source>Limits from {n} baseline points, fewer than the lab&apos;s minimum of {m}</source>
        <translation>控制限仅由 {n} 个基线点得出，少于本实验室规定的最少 {m} 个</translation>
    </message>
    <message>
        <source>Control chart (individuals): {0}</source>
        <translation>控制图（单值）：{0}</translation>
    </message>
    <message>
        <source>Check value</source>
        <translation>核查值</translation>
    </message>
    <message>
        <source>No run-rule violation.</source>
        <translation>无判异准则违例。</translation>
    </message>
    <message>
        <source>{0}: rule {1}</source>
        <translation>{0}：准则 {1}</translation>
    </message>
    <message>
        <source>Run-rule violations: {0}</source>
        <translation>判异准则违例：{0}</translation>
    </message>
    <message>
        <source>The baseline period holds {0} checks; the control limits need at least 2.</source>
        <translation>基准期内有 {0} 次核查；控制限至少需要 2 次。</translation>
    </message>
    <message>
        <source>Pass</source>
        <extracomment>the tables&apos; columns are as wide as their contents</extracomment>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Stability (max − min of {0} group means) = {1} {3}; limit |MPE| = {2} {3}: {4}</source>
        <translation>稳定性（{0} 组平均值的极差）= {1} {3}；限值 |MPE| = {2} {3}：{4}</translation>
    </message>
    <message>
        <source>The stability test needs at least 2 checks and the plan&apos;s limits.</source>
        <translation>稳定性考核至少需要 2 次核查和计划的限值。</translation>
    </message>
    <message>
        <source>n = {0}, mean = {1} {3}, s = {2} {3}</source>
        <translation>n = {0}，平均值 = {1} {3}，s = {2} {3}</translation>
    </message>
    <message>
        <source>; limit {0} {1}: {2}</source>
        <translation>；限值 {0} {1}：{2}</translation>
    </message>
    <message>
        <source>Type at least 2 readings and a valid limit.</source>
        <translation>请输入至少 2 个测量值和有效的限值。</translation>
    </message>
    <message>
        <source>Intermediate check failed</source>
        <translation>期间核查不合格</translation>
    </message>
    <message>
        <source>The check failed: {0} {1} is now suspended.</source>
        <translation>核查不合格：{0} {1} 已暂停使用。</translation>
    </message>
    <message>
        <source>Investigate the impact on the results it was used for?</source>
        <translation>是否调查对使用该标准所得结果的影响？</translation>
    </message>
    <message>
        <source>Investigate impact…</source>
        <translation>调查影响…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Intermediate checks {0} {1}</source>
        <translation>期间核查 {0} {1}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Resume plan</source>
        <translation>恢复核查计划</translation>
    </message>
    <message>
        <source>End plan</source>
        <translation>终止核查计划</translation>
    </message>
    <message>
        <source>Check plan</source>
        <translation>核查计划</translation>
    </message>
    <message>
        <source>Delete the check plan {0} {1}?</source>
        <translation>删除核查计划 {0} {1}？</translation>
    </message>
    <message>
        <source>End the plan today instead? No check falls due after that.</source>
        <translation>改为自今日起终止该计划？此后不再产生到期的核查。</translation>
    </message>
    <message>
        <source>End the plan</source>
        <translation>终止该计划</translation>
    </message>
</context>
<context>
    <name>CloseInvestigationDialog</name>
    <message>
        <source>Close investigation</source>
        <translation>关闭调查</translation>
    </message>
    <message>
        <source>{0}: {1} affected, {2} possibly affected, {3} not affected. Once closed, the investigation can no longer be changed.</source>
        <translation>{0}：受影响 {1} 项，可能受影响 {2} 项，不受影响 {3} 项。调查关闭后不能再修改。</translation>
    </message>
    <message>
        <source>Conclusion (required)</source>
        <translation>结论（必填）</translation>
    </message>
</context>
<context>
    <name>ComparisonDialog</name>
    <message>
        <source>New comparison</source>
        <translation>新建比对</translation>
    </message>
    <message>
        <source>Edit comparison</source>
        <translation>编辑比对</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>计划编号：</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>组织者：</translation>
    </message>
    <message>
        <source>Measurand:</source>
        <translation>被测量：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Artefact:</source>
        <translation>传递标准：</translation>
    </message>
    <message>
        <source>Pilot laboratory:</source>
        <translation>主导实验室：</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>比对方案：</translation>
    </message>
    <message>
        <source>Role of this laboratory:</source>
        <translation>本实验室角色：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <source>Assigned value (given):</source>
        <translation>指定值（给定）：</translation>
    </message>
    <message>
        <source>Its expanded uncertainty U:</source>
        <translation>指定值的扩展不确定度 U：</translation>
    </message>
    <message>
        <source>Its coverage factor k:</source>
        <translation>指定值的包含因子 k：</translation>
    </message>
    <message>
        <source>Pilot laboratory</source>
        <translation>主导实验室</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参加实验室</translation>
    </message>
    <message>
        <source>e.g. JJF 1117, ISO/IEC 17043; circulation</source>
        <translation>例如 JJF 1117、ISO/IEC 17043；传递方式</translation>
    </message>
</context>
<context>
    <name>ComparisonModels</name>
    <message>
        <source>Satisfactory</source>
        <extracomment>Background of a score cell by class (light green / amber / red, readable in both themes).</extracomment>
        <translation>满意</translation>
    </message>
    <message>
        <source>Questionable</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Unsatisfactory</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>计划编号</translation>
    </message>
    <message>
        <source>Measurand</source>
        <translation>被测量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加实验室数</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>实验室代码</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>测量结果</translation>
    </message>
    <message>
        <source>U</source>
        <translation>U</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>This laboratory</source>
        <translation>本实验室</translation>
    </message>
    <message>
        <source>Unsatisfactory score: open a corrective action (Corrective action…)</source>
        <extracomment>codes whose current score is unsatisfactory (set by the page after scoring)</extracomment>
        <translation>评价结果不满意：请提出纠正措施（纠正措施…）</translation>
    </message>
    <message>
        <source>En</source>
        <translation>En 值</translation>
    </message>
    <message>
        <source>En class</source>
        <translation>En 评价</translation>
    </message>
    <message>
        <source>ζ</source>
        <translation>ζ 分数</translation>
    </message>
    <message>
        <source>ζ class</source>
        <translation>ζ 评价</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z 比分数</translation>
    </message>
    <message>
        <source>z class</source>
        <translation>z 评价</translation>
    </message>
    <message>
        <source>z′</source>
        <translation>z′ 比分数</translation>
    </message>
    <message>
        <source>z′ class</source>
        <translation>z′ 评价</translation>
    </message>
</context>
<context>
    <name>ComparisonsView</name>
    <message>
        <source>Given by the provider</source>
        <translation>组织者给定</translation>
    </message>
    <message>
        <source>Pilot laboratory&apos;s value</source>
        <translation>主导实验室的测量结果</translation>
    </message>
    <message>
        <source>Weighted mean</source>
        <translation>加权平均值</translation>
    </message>
    <message>
        <source>Robust mean (ISO 13528 Algorithm A)</source>
        <translation>稳健平均值（ISO 13528 算法 A）</translation>
    </message>
    <message>
        <source>Value</source>
        <extracomment>ValidationError fields of the comparisons service, worded here (its codes are worded by :mod:`labapp.ui.common.errors`, as every code is)</extracomment>
        <translation>测量结果</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>实验室代码</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Assigned value</source>
        <translation>指定值</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Measurand</source>
        <translation>被测量</translation>
    </message>
    <message>
        <source>σ_pt</source>
        <translation>σ_pt</translation>
    </message>
    <message>
        <source>Comparisons and proficiency testing</source>
        <translation>计量比对与能力验证</translation>
    </message>
    <message>
        <source>New comparison…</source>
        <translation>新建比对…</translation>
    </message>
    <message>
        <source>Edit comparison…</source>
        <translation>编辑比对…</translation>
    </message>
    <message>
        <source>Add participant…</source>
        <translation>添加参加实验室…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Corrective action…</source>
        <translation>纠正措施…</translation>
    </message>
    <message>
        <source>Import participants…</source>
        <translation>导入参加实验室结果…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Assigned value:</source>
        <translation>指定值：</translation>
    </message>
    <message>
        <source>σ_pt:</source>
        <translation>σ_pt：</translation>
    </message>
    <message>
        <source>s* (robust)</source>
        <translation>s*（稳健）</translation>
    </message>
    <message>
        <source>σ_pt with its unit, e.g. 0.05 mV (stored); empty: s* of Algorithm A</source>
        <translation>σ_pt 连同单位，例如 0.05 mV（随比对保存）；留空：采用算法 A 的 s*</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加实验室</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评价结果</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>测量结果图</translation>
    </message>
    <message>
        <source>En chart</source>
        <translation>En 值图</translation>
    </message>
    <message>
        <source>No comparison selected.</source>
        <translation>未选择比对。</translation>
    </message>
    <message>
        <source>Measurand: {0} ({1})</source>
        <translation>被测量：{0}（{1}）</translation>
    </message>
    <message>
        <source>Provider: {0}</source>
        <translation>组织者：{0}</translation>
    </message>
    <message>
        <source>Pilot laboratory: {0}</source>
        <translation>主导实验室：{0}</translation>
    </message>
    <message>
        <source>Artefact: {0}</source>
        <translation>传递标准：{0}</translation>
    </message>
    <message>
        <source>Assigned value {0:.6g} {1}, u = {2:.3g}, U = {3:.3g} (k = {4:g})</source>
        <translation>指定值 {0:.6g} {1}，u = {2:.3g}，U = {3:.3g}（k = {4:g}）</translation>
    </message>
    <message>
        <source>σ_pt = {0:.3g}</source>
        <translation>σ_pt = {0:.3g}</translation>
    </message>
    <message>
        <source>This laboratory: En = {0:.2f} ({1})</source>
        <translation>本实验室：En = {0:.2f}（{1}）</translation>
    </message>
    <message>
        <source>Participant ± U</source>
        <translation>参加实验室 ± U</translation>
    </message>
    <message>
        <source>This laboratory ± U</source>
        <translation>本实验室 ± U</translation>
    </message>
    <message>
        <source>Assigned value ± U</source>
        <translation>指定值 ± U</translation>
    </message>
    <message>
        <source>Warning limit</source>
        <translation>警戒限</translation>
    </message>
    <message>
        <source>Action limit</source>
        <translation>行动限</translation>
    </message>
    <message>
        <source>Satisfactory</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Questionable</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Unsatisfactory</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参加实验室</translation>
    </message>
    <message>
        <source>En numbers</source>
        <translation>En 值</translation>
    </message>
    <message>
        <source>Comparisons</source>
        <translation>计量比对</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>删除参加实验室</translation>
    </message>
    <message>
        <source>Remove {0}?</source>
        <translation>删除 {0}？</translation>
    </message>
    <message>
        <source>The score is unsatisfactory: open a corrective action</source>
        <translation>评价结果为不满意：请提出纠正措施</translation>
    </message>
    <message>
        <source>Open or view the participant&apos;s corrective action</source>
        <translation>提出或查看该参加实验室的纠正措施</translation>
    </message>
    <message>
        <source>Import participants</source>
        <translation>导入参加实验室结果</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xls *.ods)</source>
        <translation>Excel 工作簿 (*.xlsx *.xls *.ods)</translation>
    </message>
    <message>
        <source>Importing participants…</source>
        <translation>正在导入参加实验室结果…</translation>
    </message>
    <message>
        <source>Row {0}, column {1} ({2}): {3}</source>
        <translation>第 {0} 行，{1} 列（{2}）：{3}</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the marked workbook…</source>
        <translation>保存标注错误的工作簿…</translation>
    </message>
    <message>
        <source>Save the marked workbook</source>
        <translation>保存标注错误的工作簿</translation>
    </message>
    <message>
        <source>Comparison report: {0}</source>
        <translation>比对报告：{0}</translation>
    </message>
    <message>
        <source>Exporting the report…</source>
        <translation>正在导出报告…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed meanwhile</source>
        <translation>记录已被他人修改</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <source>Changed by {0} at {1}; reload?</source>
        <translation>已由 {0} 于 {1} 修改；是否重新加载？</translation>
    </message>
    <message>
        <source>Someone saved this record after you opened it. Reload shows their version (your unsaved changes are discarded); Cancel keeps your form as it is.</source>
        <translation>在您打开此记录后，有人保存了修改。“重新加载”显示其版本（您未保存的修改将被放弃）；“取消”保留您当前的表单。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>最近使用：</translation>
    </message>
    <message>
        <source>Choose a recent database…</source>
        <translation>选择最近使用的数据库…</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite 文件</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>A new file name creates an empty LabApp database; an older one is upgraded.</source>
        <translation>输入新文件名将创建空的 LabApp 数据库；旧版本的数据库将自动升级。</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>LabApp databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>LabApp 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a database file, or fill in the server and database.</source>
        <translation>请选择数据库文件，或填写服务器和数据库名称。</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <source>Connection works: {0} ({1}).</source>
        <translation>连接正常：{0}（{1}）。</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>CorrectiveActionDialog</name>
    <message>
        <source>Describe the nonconformity.</source>
        <extracomment>(field, code) refusals of the service, worded here</extracomment>
        <translation>请描述不符合项。</translation>
    </message>
    <message>
        <source>Say what action was taken before closing.</source>
        <translation>关闭前请填写采取的措施。</translation>
    </message>
    <message>
        <source>Record the verification of effectiveness before closing the action.</source>
        <translation>关闭纠正措施前请记录有效性验证。</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>Opened by {0} on {1} · {2}</source>
        <translation>{0} 于 {1} 提出 · {2}</translation>
    </message>
    <message>
        <source>Closed by {0} on {1}</source>
        <translation>{0} 于 {1} 关闭</translation>
    </message>
    <message>
        <source>Nonconformity / description:</source>
        <translation>不符合项描述：</translation>
    </message>
    <message>
        <source>Root cause:</source>
        <translation>原因分析：</translation>
    </message>
    <message>
        <source>Action taken:</source>
        <translation>采取的措施：</translation>
    </message>
    <message>
        <source>Verification of effectiveness:</source>
        <translation>有效性验证：</translation>
    </message>
    <message>
        <source>Standards involved:</source>
        <translation>涉及的计量标准：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close action</source>
        <translation>关闭纠正措施</translation>
    </message>
    <message>
        <source>How the action was shown to work (e.g. a repeated measurement, En ≤ 1)</source>
        <translation>如何证明措施有效（例如重新测量，En ≤ 1）</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新增委托单位</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>委托单位</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
</context>
<context>
    <name>CycleDialog</name>
    <message>
        <source>Accreditation cycle</source>
        <translation>认可周期</translation>
    </message>
    <message>
        <source>Cycle starts on:</source>
        <translation>周期开始日期：</translation>
    </message>
    <message>
        <source>Cycle length:</source>
        <translation>周期长度：</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <source>New department</source>
        <translation>新增部门</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>简码：</translation>
    </message>
    <message>
        <source>e.g. 电学室</source>
        <translation>如 电学室</translation>
    </message>
</context>
<context>
    <name>DriftWindow</name>
    <message>
        <source>Drift chart</source>
        <translation>漂移图</translation>
    </message>
    <message>
        <source>Asset tag:</source>
        <translation>资产编号：</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>载入</translation>
    </message>
    <message>
        <source>Point:</source>
        <translation>测量点：</translation>
    </message>
    <message>
        <source>Accept interval…</source>
        <translation>采纳检定周期…</translation>
    </message>
    <message>
        <source>{0} ({1} events)</source>
        <translation>{0}（{1} 次记录）</translation>
    </message>
    <message>
        <source>Projection from last calibration</source>
        <translation>自上次校准起的预测</translation>
    </message>
    <message>
        <source>95 % projection band</source>
        <translation>预测的 95 % 区间</translation>
    </message>
    <message>
        <source>Out of tolerance {date} (band meets limit)</source>
        <translation>预计 {date} 超差（区间触及限值）</translation>
    </message>
    <message>
        <source>predicted out of tolerance on {0} (95 % band meets a limit)</source>
        <translation>预计于 {0} 超差（95 % 区间触及限值）</translation>
    </message>
    <message>
        <source>No approved results with points for this item.</source>
        <translation>该器具没有含测量点的已批准结果。</translation>
    </message>
    <message>
        <source>Drift of {0} at {1}</source>
        <translation>{0} 在 {1} 处的漂移</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Error of indication</source>
        <translation>示值误差</translation>
    </message>
    <message>
        <source>Error ± U</source>
        <translation>示值误差 ± U</translation>
    </message>
    <message>
        <source>Drift fit</source>
        <translation>漂移拟合</translation>
    </message>
    <message>
        <source>Upper limit (MPE)</source>
        <translation>上限（最大允许误差）</translation>
    </message>
    <message>
        <source>Lower limit (MPE)</source>
        <translation>下限（最大允许误差）</translation>
    </message>
    <message>
        <source>{0} results</source>
        <translation>{0} 个结果</translation>
    </message>
    <message>
        <source>drift {0:+.3g} {1}/year</source>
        <translation>漂移 {0:+.3g} {1}/年</translation>
    </message>
    <message>
        <source>interval now {0} months</source>
        <translation>现行周期 {0} 个月</translation>
    </message>
    <message>
        <source>proposed {0} months</source>
        <translation>建议 {0} 个月</translation>
    </message>
</context>
<context>
    <name>DrillItemsModel</name>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DueChecksBox</name>
    <message>
        <source>Intermediate checks due in the window: {0} (double-click opens the plan)</source>
        <extracomment>widest column of the planning tables, in pixels (long provider names)</extracomment>
        <translation>窗口期内到期的期间核查：{0} 项（双击打开核查计划）</translation>
    </message>
</context>
<context>
    <name>DueItemsModel</name>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>测量量</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>上级计量机构</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>规程/规范</translation>
    </message>
    <message>
        <source>Mandatory</source>
        <translation>强检</translation>
    </message>
    <message>
        <source>Last cost</source>
        <translation>上次费用</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This file is not a LabApp database.</source>
        <translation>此文件不是 LabApp 数据库。</translation>
    </message>
    <message>
        <source>This database file is damaged or truncated ({0}). It was left as it was: restore a backup (labapp-cli db restore).</source>
        <translation>此数据库文件已损坏或被截断（{0}）。文件未作改动：请恢复备份（labapp-cli db restore）。</translation>
    </message>
    <message>
        <source>Created by a newer LabApp (revision {0}): update LabApp.</source>
        <translation>该数据库由更新版本的 LabApp 创建（版本 {0}）：请升级 LabApp。</translation>
    </message>
    <message>
        <source>The shared database must be upgraded by an administrator: labapp-cli db upgrade</source>
        <translation>共享数据库须由管理员升级：labapp-cli db upgrade</translation>
    </message>
    <message>
        <source>Cannot open the file: {0}</source>
        <translation>无法打开文件：{0}</translation>
    </message>
    <message>
        <source>Cannot reach the server: {0}</source>
        <translation>无法连接服务器：{0}</translation>
    </message>
    <message>
        <source>The location is read-only: {0}</source>
        <translation>该位置为只读：{0}</translation>
    </message>
    <message>
        <source>The disk is full: {0}</source>
        <translation>磁盘已满：{0}</translation>
    </message>
    <message>
        <source>The database is busy (another user or an import is saving), try again.</source>
        <translation>数据库正忙（其他用户或导入正在保存），请重试。</translation>
    </message>
    <message>
        <source>Upgrading the database failed ({0}). A backup was kept at: {1}</source>
        <translation>数据库升级失败（{0}）。备份保存在：{1}</translation>
    </message>
    <message>
        <source>{0} was changed meanwhile by {1}. Reload and try again.</source>
        <translation>{0} 已被 {1} 修改。请重新加载后再试。</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <source>{0} {1} no longer exists.</source>
        <translation>{0} {1} 已不存在。</translation>
    </message>
    <message>
        <source>This record is sealed (signed, or part of the audit trail) and cannot be changed: a correction is a new revision.</source>
        <translation>此记录已封签（已签署，或属于审计追踪），不能修改：更正须作为新版本。</translation>
    </message>
    <message>
        <source>Invalid value for {0}: {1}</source>
        <translation>{0} 的值无效：{1}</translation>
    </message>
    <message>
        <source>The file {0} cannot be used: {1}</source>
        <translation>无法使用文件 {0}：{1}</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
    <message>
        <source>LabApp</source>
        <translation>LabApp</translation>
    </message>
    <message>
        <source>it does not exist (moved or deleted?)</source>
        <translation>文件不存在（已被移动或删除？）</translation>
    </message>
    <message>
        <source>you may not read or write it here (permissions)</source>
        <translation>没有在此读写该文件的权限</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <source>a folder on its path does not exist</source>
        <translation>路径中的某个文件夹不存在</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the location is read-only</source>
        <translation>该位置为只读</translation>
    </message>
    <message>
        <source>a file of that name exists already</source>
        <translation>同名文件已存在</translation>
    </message>
    <message>
        <source>its name is too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <source>the system refused it (error {0})</source>
        <translation>系统拒绝了该操作（错误 {0}）</translation>
    </message>
    <message>
        <source>Nominal</source>
        <extracomment>``ValidationError.field`` -&gt; the input&apos;s name in the user&apos;s language</extracomment>
        <translation>标称值</translation>
    </message>
    <message>
        <source>Reference value</source>
        <translation>标准值</translation>
    </message>
    <message>
        <source>Indication</source>
        <translation>示值</translation>
    </message>
    <message>
        <source>Expanded uncertainty U</source>
        <translation>扩展不确定度 U</translation>
    </message>
    <message>
        <source>Coverage factor k</source>
        <translation>包含因子 k</translation>
    </message>
    <message>
        <source>MPE</source>
        <translation>最大允许误差</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>检定/校准人员</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>核验员</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>上级计量机构</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>规程/规范</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Humidity</source>
        <translation>湿度</translation>
    </message>
    <message>
        <source>Standards used</source>
        <translation>所用计量标准</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>检定周期</translation>
    </message>
    <message>
        <source>Reason for the interval</source>
        <translation>周期调整原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Measurement points</source>
        <translation>测量点</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>计量器具</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>检定/校准记录</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>核验员</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <source>Check frequency</source>
        <translation>核查频次</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Planned month</source>
        <translation>计划月份</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>预计费用</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Invalid value for {field}: {message}</source>
        <extracomment>``ValidationError.code`` -&gt; a sentence; ``{field}``, ``{message}`` and the error&apos;s params fill it</extracomment>
        <translation>{field} 的值无效：{message}</translation>
    </message>
    <message>
        <source>{field}: a value is required.</source>
        <translation>{field}：必须填写。</translation>
    </message>
    <message>
        <source>{field}: the guard-band decision rule needs U to place the guard band.</source>
        <translation>{field}：保护带判定规则需要 U 才能设定保护带。</translation>
    </message>
    <message>
        <source>{field}: “{text}” is not a number with a known unit (e.g. 10.00 mV).</source>
        <translation>{field}：“{text}”不是带已知单位的数值（例如 10.00 mV）。</translation>
    </message>
    <message>
        <source>{field}: {unit} cannot be compared with {expected}.</source>
        <translation>{field}：{unit} 与 {expected} 不是同类量，无法比较。</translation>
    </message>
    <message>
        <source>{field}: unknown unit “{unit}”.</source>
        <translation>{field}：未知单位“{unit}”。</translation>
    </message>
    <message>
        <source>{field}: no such column: {columns}; the columns are: {known}</source>
        <translation>{field}：没有这样的列：{columns}；可选的列为：{known}</translation>
    </message>
    <message>
        <source>{field}: not a number.</source>
        <translation>{field}：不是数值。</translation>
    </message>
    <message>
        <source>{field}: “{text}” is out of range (at most 50 significant digits, exponent -30 to 30).</source>
        <translation>{field}：“{text}”超出数值范围（最多 50 位有效数字，指数在 -30 到 30 之间）。</translation>
    </message>
    <message>
        <source>{field}: “{text}” is below absolute zero (a temperature difference is written in Δ°C).</source>
        <translation>{field}：“{text}”低于绝对零度（温差请用 Δ°C 表示）。</translation>
    </message>
    <message>
        <source>{field}: must be a positive number.</source>
        <translation>{field}：必须为正数。</translation>
    </message>
    <message>
        <source>{field}: the lower limit is above the upper limit.</source>
        <translation>{field}：下限高于上限。</translation>
    </message>
    <message>
        <source>{field}: the range must go from the lower to the higher value.</source>
        <translation>{field}：量程须从下限到上限。</translation>
    </message>
    <message>
        <source>Four eyes: the person who performed the event cannot also check or approve it.</source>
        <translation>四眼原则：检定/校准人员不能同时核验或批准该记录。</translation>
    </message>
    <message>
        <source>The performer is the person who records the event (you, logged in).</source>
        <translation>检定/校准人员即录入本记录的人（即当前登录的您）。</translation>
    </message>
    <message>
        <source>{field}: {asset_tag} is not valid on the event&apos;s date; give a reason to use it.</source>
        <translation>{field}：{asset_tag} 在该记录日期不在有效期内；如需使用请说明原因。</translation>
    </message>
    <message>
        <source>{field}: this value is already used.</source>
        <translation>{field}：该值已被使用。</translation>
    </message>
    <message>
        <source>An approved event cannot be changed: use Correct… to issue a new revision.</source>
        <translation>已批准的记录不能修改：请使用“更正…”生成新版本。</translation>
    </message>
    <message>
        <source>{field}: no such person or account in this laboratory.</source>
        <translation>{field}：本实验室没有此人员或账户。</translation>
    </message>
    <message>
        <source>{field}: “{login}” is not a login: a–z, 0–9, “.”, “_” or “-”, starting with a letter or a digit (2 to 63 characters).</source>
        <translation>{field}：“{login}”不是有效的登录名：由 a–z、0–9、“.”、“_”或“-”组成，以字母或数字开头（2 至 63 个字符）。</translation>
    </message>
    <message>
        <source>{field}: {login} has signed records, which name this login: it cannot change.</source>
        <translation>{field}：{login} 已签署过记录，记录引用该登录名，不能修改。</translation>
    </message>
    <message>
        <source>{field}: not an e-mail address.</source>
        <translation>{field}：不是有效的电子邮箱。</translation>
    </message>
    <message>
        <source>{field}: “{value}” is not a date (YYYY-MM-DD).</source>
        <translation>{field}：“{value}”不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>{field}: the start date is after the end date.</source>
        <translation>{field}：开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>{field}: {code} is withdrawn (since {on}): choose the procedure in force.</source>
        <translation>{field}：{code} 已作废（自 {on} 起）：请选择现行有效的规程/规范。</translation>
    </message>
    <message>
        <source>{login} has signed records: disable the person instead of deleting.</source>
        <translation>{login} 已签署过记录：只能停用，不能删除。</translation>
    </message>
    <message>
        <source>{login} keeps {count} instruments: give them another custodian first.</source>
        <translation>{login} 是 {count} 台器具的保管人：请先更换保管人。</translation>
    </message>
    <message>
        <source>Set up the laboratory first (name, address, accreditation).</source>
        <translation>请先设置实验室（名称、地址、认可信息）。</translation>
    </message>
    <message>
        <source>{login} may not change this: it needs one of the roles {roles}.</source>
        <translation>{login} 无权修改：需要以下角色之一：{roles}。</translation>
    </message>
    <message>
        <source>No active administrator would remain: give another person the admin role first.</source>
        <translation>将没有在职的系统管理员：请先为其他人员授予管理员角色。</translation>
    </message>
    <message>
        <source>{login} has an account: disable the person instead of deleting.</source>
        <translation>{login} 有登录账户：只能停用，不能删除。</translation>
    </message>
    <message>
        <source>The person who checked the event cannot also approve it (the laboratory&apos;s settings do not allow it).</source>
        <translation>核验该记录的人员不能同时批准它（实验室设置不允许）。</translation>
    </message>
    <message>
        <source>A password needs at least {min} characters.</source>
        <translation>密码至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <source>The new password must differ from the old one.</source>
        <translation>新密码必须与旧密码不同。</translation>
    </message>
    <message>
        <source>The first account of a laboratory must be an administrator.</source>
        <translation>实验室的第一个账户必须是管理员。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>“{pattern}” cannot number certificates: use {{yyyy}}, {{yy}}, {{mm}} and {{seq}} or {{seq:04}}; {{seq}} is required.</source>
        <translation>“{pattern}”不能用于证书编号：请使用 {{yyyy}}、{{yy}}、{{mm}} 和 {{seq}} 或 {{seq:04}}；必须包含 {{seq}}。</translation>
    </message>
    <message>
        <source>This database is set up already: log in instead.</source>
        <translation>此数据库已完成设置：请直接登录。</translation>
    </message>
    <message>
        <source>{field}: must be between {low} and {high}.</source>
        <translation>{field}：必须在 {low} 与 {high} 之间。</translation>
    </message>
    <message>
        <source>Unknown role “{role}”: use one of {roles}.</source>
        <translation>未知角色“{role}”：请使用 {roles} 之一。</translation>
    </message>
    <message>
        <source>{field}: must not be negative.</source>
        <translation>{field}：不能为负数。</translation>
    </message>
    <message>
        <source>Too few values for this (at least {needed} needed).</source>
        <translation>数量不足（至少需要 {needed} 个）。</translation>
    </message>
    <message>
        <source>{field}: too long (at most 32 characters).</source>
        <translation>{field}：过长（最多 32 个字符）。</translation>
    </message>
    <message>
        <source>The file is too large (at most {max} bytes).</source>
        <translation>文件过大（最多 {max} 字节）。</translation>
    </message>
    <message>
        <source>This change conflicts with a record already stored.</source>
        <translation>此修改与已保存的记录冲突。</translation>
    </message>
    <message>
        <source>{errors} cells of the file are wrong: nothing was imported.</source>
        <translation>文件中有 {errors} 个单元格有误：未导入任何记录。</translation>
    </message>
    <message>
        <source>The baseline period holds {count} checks; the control limits need at least 2.</source>
        <translation>基准期内有 {count} 次核查；控制限至少需要 2 次。</translation>
    </message>
    <message>
        <source>{count} checks were recorded against this plan: end it instead of deleting it.</source>
        <translation>此计划已记录 {count} 次核查：请结束该计划，而不是删除。</translation>
    </message>
    <message>
        <source>The check plan ended on {ended_on}: no check is recorded on or after that day.</source>
        <translation>核查计划已于 {ended_on} 结束：该日及以后不能再记录核查。</translation>
    </message>
    <message>
        <source>The pilot laboratory is not among the participants.</source>
        <translation>主导实验室不在参加实验室之中。</translation>
    </message>
    <message>
        <source>Algorithm A cannot be applied to these results.</source>
        <translation>这些结果无法采用算法 A。</translation>
    </message>
    <message>
        <source>A corrective action follows this result: it stays (close the action, keep the record).</source>
        <translation>该结果已有纠正措施，不能删除（请关闭纠正措施，保留记录）。</translation>
    </message>
    <message>
        <source>The laboratory has no result of its own in this comparison.</source>
        <translation>本实验室在该比对中没有自己的结果。</translation>
    </message>
    <message>
        <source>This corrective action is already closed.</source>
        <translation>该纠正措施已关闭。</translation>
    </message>
    <message>
        <source>{count} affected or possibly affected results have no action yet ({items}): decide each one, with its reason, before closing.</source>
        <translation>有 {count} 项受影响或可能受影响的结果尚未确定处理措施（{items}）：关闭前请逐项确定措施并填写理由。</translation>
    </message>
    <message>
        <source>The investigation is closed: it can no longer be changed.</source>
        <translation>调查已关闭，不能再修改。</translation>
    </message>
    <message>
        <source>Investigation {investigation_id} is already open for this failure.</source>
        <translation>此不合格已有进行中的调查 {investigation_id}。</translation>
    </message>
    <message>
        <source>This event or check did not find the standard out of tolerance.</source>
        <translation>该检定/校准或核查并未发现标准器超差。</translation>
    </message>
    <message>
        <source>{field}: a relative error cannot be carried to a temperature on an offset scale (°C, °F).</source>
        <translation>{field}：相对误差不能用于摄氏度、华氏度等非绝对温标上的温度。</translation>
    </message>
    <message>
        <source>{field}: outside the standard&apos;s calibrated points ({range}): its error there is unknown.</source>
        <translation>{field}：超出标准器已校准的点（{range}），该处的误差未知。</translation>
    </message>
    <message>
        <source>The login or the password is wrong. After 5 wrong passwords the account is locked for 15 minutes.</source>
        <extracomment>``AuthenticationError.code`` -&gt; a sentence (``{until}``: local time the lock ends)</extracomment>
        <translation>登录名或密码错误。连续输错 5 次密码后，账户将被锁定 15 分钟。</translation>
    </message>
    <message>
        <source>The account {login} is locked after too many wrong passwords until {until}.</source>
        <translation>账户 {login} 因密码错误次数过多已被锁定，直至 {until}。</translation>
    </message>
    <message>
        <source>The account {login} is disabled: ask an administrator.</source>
        <translation>账户 {login} 已停用：请联系管理员。</translation>
    </message>
    <message>
        <source>Nobody is logged in: log in (File → Log in…) to make changes.</source>
        <translation>尚未登录：请先登录（文件 → 登录…）再进行修改。</translation>
    </message>
    <message>
        <source>The password of {login} was reset: change it first (File → Change password…).</source>
        <translation>{login} 的密码已被重置：请先修改密码（文件 → 修改密码…）。</translation>
    </message>
    <message>
        <source>{login} does not hold the role {role} this needs.</source>
        <extracomment>``PermissionDeniedError.code`` -&gt; a sentence</extracomment>
        <translation>{login} 不具备此操作所需的角色：{role}。</translation>
    </message>
    <message>
        <source>{login} holds no qualification valid for {quantity} on {on}: a verification needs one.</source>
        <translation>{login} 在 {on} 没有适用于 {quantity} 的有效资质：检定需要资质证书。</translation>
    </message>
    <message>
        <source>Performer, checker and approver must be three different people.</source>
        <translation>检定/校准人员、核验人员和批准人员必须是三个不同的人。</translation>
    </message>
    <message>
        <source>The database server refused this for your login: {detail}</source>
        <translation>数据库服务器拒绝了您的登录账户执行此操作：{detail}</translation>
    </message>
    <message>
        <source>metrologist</source>
        <extracomment>``PersonRole`` values in the user&apos;s language</extracomment>
        <translation>检定/校准人员</translation>
    </message>
    <message>
        <source>checker (核验)</source>
        <translation>核验人员</translation>
    </message>
    <message>
        <source>approver (批准)</source>
        <translation>批准人员</translation>
    </message>
    <message>
        <source>quality manager</source>
        <translation>质量负责人</translation>
    </message>
    <message>
        <source>technical manager</source>
        <translation>技术负责人</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>The login was refused ({0}).</source>
        <translation>登录被拒绝（{0}）。</translation>
    </message>
    <message>
        <source>Not allowed ({0}).</source>
        <translation>不允许（{0}）。</translation>
    </message>
    <message>
        <source>{field}: the date is in the future.</source>
        <translation>{field}：日期在将来。</translation>
    </message>
    <message>
        <source>Only a draft can be marked checked.</source>
        <translation>只有草稿才能标记为已核验。</translation>
    </message>
    <message>
        <source>Only a checked event can be approved.</source>
        <translation>只有已核验的记录才能批准。</translation>
    </message>
    <message>
        <source>Only an approved event can be corrected.</source>
        <translation>只有已批准的记录才能更正。</translation>
    </message>
    <message>
        <source>A correction of this event is already open (event {event_id}).</source>
        <translation>此记录已有一个进行中的更正（记录 {event_id}）。</translation>
    </message>
    <message>
        <source>{field}: an instrument cannot be its own standard.</source>
        <translation>{field}：器具不能作为自身的计量标准。</translation>
    </message>
    <message>
        <source>The instrument is retired: no new events.</source>
        <translation>该器具已停用：不能新增记录。</translation>
    </message>
    <message>
        <source>{field}: no such record.</source>
        <translation>{field}：记录不存在。</translation>
    </message>
    <message>
        <source>This plan is approved and read-only: start a new revision to change it.</source>
        <translation>该计划已批准，为只读：如需更改，请新建修订版。</translation>
    </message>
    <message>
        <source>Only an approved plan can be revised: a draft is changed directly.</source>
        <translation>只有已批准的计划才能修订：草稿可直接修改。</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Measurement points</source>
        <extracomment>decision_rule stays importable from here (the impact dialog reads the lab&apos;s rule so)</extracomment>
        <translation>测量点</translation>
    </message>
    <message>
        <source>Standards used</source>
        <translation>所用计量标准</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>添加测量点</translation>
    </message>
    <message>
        <source>Remove point</source>
        <translation>删除测量点</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Check…</source>
        <translation>核验…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>New event — {0}[*]</source>
        <translation>新记录 — {0}[*]</translation>
    </message>
    <message>
        <source>{0} — {1}, revision {2} ({3})[*]</source>
        <translation>{0} — {1}，第 {2} 版（{3}）[*]</translation>
    </message>
    <message>
        <source>Result: {0}</source>
        <translation>结论：{0}</translation>
    </message>
    <message>
        <source> — not valid for use</source>
        <translation> — 不可使用</translation>
    </message>
    <message>
        <source> — next due {0}</source>
        <translation> — 下次到期 {0}</translation>
    </message>
    <message numerus="yes">
        <source> — %n point(s) cannot be evaluated</source>
        <translation>
            <numerusform> — %n 个测量点无法评定</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct an approved event</source>
        <translation>更正已批准的记录</translation>
    </message>
    <message>
        <source>Why is this approved event corrected? The reason is kept in the history.</source>
        <translation>为什么要更正这条已批准的记录？原因将保存在历史中。</translation>
    </message>
    <message>
        <source>Point {0}: {1}</source>
        <translation>测量点 {0}：{1}</translation>
    </message>
    <message>
        <source>Use a standard that is not valid</source>
        <translation>使用不在有效期内的计量标准</translation>
    </message>
    <message>
        <source>{0} is not valid on {1}: {2}.
Why is it used anyway? The reason goes to the audit log.</source>
        <translation>{0} 在 {1} 不在有效期内：{2}。
为什么仍要使用？原因将记入审计日志。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard the changes to this event?</source>
        <translation>放弃对此记录的修改吗？</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>Instrument:</source>
        <translation>器具：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Performed by:</source>
        <translation>检定/校准人员：</translation>
    </message>
    <message>
        <source>Checker:</source>
        <translation>核验员：</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>上级计量机构：</translation>
    </message>
    <message>
        <source>Certificate no.:</source>
        <translation>证书编号：</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>规程/规范：</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Humidity:</source>
        <translation>湿度：</translation>
    </message>
    <message>
        <source>As found:</source>
        <translation>调整前：</translation>
    </message>
    <message>
        <source>Adjusted:</source>
        <translation>已调整：</translation>
    </message>
    <message>
        <source>Interval:</source>
        <translation>检定周期：</translation>
    </message>
    <message>
        <source>Remarks:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>（未说明）</translation>
    </message>
    <message>
        <source>e.g. 20.1 °C</source>
        <translation>例如 20.1 °C</translation>
    </message>
    <message>
        <source>e.g. 45 %RH</source>
        <translation>例如 45 %RH</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>adjusted during the event</source>
        <translation>检定/校准中进行了调整</translation>
    </message>
    <message>
        <source>Shorten interval</source>
        <translation>缩短周期</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Reason for the shorter interval</source>
        <translation>缩短周期的原因</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(later)</source>
        <translation>（稍后）</translation>
    </message>
    <message>
        <source>In-house</source>
        <translation>本实验室</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>EventHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>上级计量机构</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{0} — SEAL BROKEN</source>
        <extracomment>ids of the events whose seal does not verify (set by the instrument pane)</extracomment>
        <translation>{0} — 封签已破坏</translation>
    </message>
</context>
<context>
    <name>EventSignatures</name>
    <message>
        <source>Decision rule (kept with the record): {0}</source>
        <translation>判定规则（随记录保存）：{0}</translation>
    </message>
    <message>
        <source>Signature: {0} by {1} ({2}) at {3}</source>
        <translation>签名：{1}（{2}）于 {3} {0}</translation>
    </message>
    <message>
        <source>Event {0}: its electronic signature no longer matches the record: the record was changed outside LabApp after it was signed, or the signature is forged.</source>
        <translation>记录 {0}：电子签名与记录不再一致：签名后有人在 LabApp 之外修改了记录，或签名是伪造的。</translation>
    </message>
    <message>
        <source>Audit entry {0}: the audit trail&apos;s hash chain is broken (an entry was altered, inserted or removed outside LabApp).</source>
        <translation>审计条目 {0}：审计追踪的哈希链已断裂（有条目在 LabApp 之外被修改、插入或删除）。</translation>
    </message>
    <message>
        <source>Audit entry {0}: the author&apos;s seal does not verify (written outside LabApp or with a key that is not the author&apos;s).</source>
        <translation>审计条目 {0}：作者的封签校验失败（在 LabApp 之外写入，或使用了非作者本人的密钥）。</translation>
    </message>
    <message>
        <source>The audit trail&apos;s head does not match its last entry (entries removed).</source>
        <translation>审计追踪的链头与最后一个条目不一致（有条目被删除）。</translation>
    </message>
    <message>
        <source>SEAL BROKEN — do not rely on this record; report it to the quality manager.</source>
        <translation>封签已破坏 — 请勿采信此记录，并报告质量负责人。</translation>
    </message>
    <message>
        <source>the new event (saved first)</source>
        <translation>新记录（先保存）</translation>
    </message>
</context>
<context>
    <name>EventsTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>上级计量机构</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>检定/校准人员</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
</context>
<context>
    <name>ExpiringModel</name>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Warned from (days before)</source>
        <translation>提前提醒（天）</translation>
    </message>
    <message>
        <source>Standard certificate</source>
        <translation>计量标准考核证书</translation>
    </message>
    <message>
        <source>Accreditation</source>
        <translation>实验室认可</translation>
    </message>
    <message>
        <source>Staff qualification</source>
        <translation>人员资质（检定员证）</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{0}
{1} of {2} items</source>
        <translation>{0}
已完成 {1}/{2} 台件</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Exported {0} rows to
{1}</source>
        <translation>已导出 {0} 行到
{1}</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <source>Setting up the laboratory…</source>
        <translation>正在设置实验室…</translation>
    </message>
</context>
<context>
    <name>ImpactItemsModel</name>
    <message>
        <source>Item</source>
        <translation>器具</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>经由</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>检定/校准日期</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>影响评估</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>{0} was re-calibrated before this result</source>
        <translation>{0} 在此结果之前已重新校准</translation>
    </message>
    <message>
        <source>Through {0}, whose result is {1}</source>
        <translation>经由 {0}，其结果为{1}</translation>
    </message>
    <message>
        <source>No MPE or tolerance: no decision to re-run</source>
        <translation>无最大允许误差或允许限：无判定可重新进行</translation>
    </message>
    <message>
        <source>The point&apos;s unit cannot be compared with the standard&apos;s</source>
        <translation>该测量点的单位与标准器的单位不可比较</translation>
    </message>
    <message>
        <source>A point lacks its reference or indication</source>
        <translation>测量点缺少标准值或示值</translation>
    </message>
    <message>
        <source>A relative error cannot be applied to an absolute temperature</source>
        <translation>相对误差不能用于绝对温度</translation>
    </message>
    <message>
        <source>The result has no measurement points</source>
        <translation>该结果没有测量点</translation>
    </message>
    <message>
        <source>A point lies outside the nominals the standard was found at: its error there was not measured and is not extrapolated; judge this result by hand</source>
        <translation>测量点超出标准器调整前已测标称值的范围：该处误差未经测量，不作外推；请人工评估此结果</translation>
    </message>
    <message>
        <source>A point has no U: the guard-band rule cannot decide it</source>
        <translation>测量点没有 U：保护带判定规则无法判定</translation>
    </message>
</context>
<context>
    <name>ImpactPointsModel</name>
    <message>
        <source>Point</source>
        <translation>测量点</translation>
    </message>
    <message>
        <source>Reference value</source>
        <translation>标准值</translation>
    </message>
    <message>
        <source>Indication</source>
        <translation>示值</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>示值误差</translation>
    </message>
    <message>
        <source>U before</source>
        <translation>原扩展不确定度 U</translation>
    </message>
    <message>
        <source>Standard&apos;s error here</source>
        <translation>标准器误差传递值</translation>
    </message>
    <message>
        <source>From the standard&apos;s nominal(s)</source>
        <translation>误差来源（标准器标称值）</translation>
    </message>
    <message>
        <source>U after</source>
        <translation>计入后扩展不确定度 U′</translation>
    </message>
    <message>
        <source>MPE</source>
        <translation>最大允许误差</translation>
    </message>
    <message>
        <source>Decision before</source>
        <translation>原判定</translation>
    </message>
    <message>
        <source>Decision after</source>
        <translation>重新判定</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>影响评估</translation>
    </message>
</context>
<context>
    <name>ImpactPrint</name>
    <message>
        <source>Export investigation as PDF</source>
        <translation>将影响调查报告导出为 PDF</translation>
    </message>
</context>
<context>
    <name>ImpactWords</name>
    <message>
        <source>Give the reason for the action.</source>
        <extracomment>``ValidationError.field`` with code ``required`` -&gt; a sentence</extracomment>
        <translation>请填写处理措施的理由。</translation>
    </message>
    <message>
        <source>Write the conclusion of the investigation.</source>
        <translation>请填写调查结论。</translation>
    </message>
    <message>
        <source>Choose the failed event or check.</source>
        <translation>请选择不合格的检定/校准或期间核查。</translation>
    </message>
    <message>
        <source>The failed event or check has no as-found value to take the error from.</source>
        <translation>该不合格的检定/校准或核查没有调整前的数值，无法得出误差。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Ledgers (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)</source>
        <translation>台账文件 (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <source>Import register</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Save error workbook…</source>
        <translation>保存错误工作簿…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>正在检查 {0}…</translation>
    </message>
    <message>
        <source>Choose the lab&apos;s ledger (仪器设备台账: a workbook or CSV, any layout). Check the columns LabApp found; every row is checked first; nothing is written until you confirm, and then all rows are added together.</source>
        <translation>请选择实验室的仪器设备台账（工作簿或 CSV，任意格式），核对 LabApp 识别出的各列；每一行都会先检查，确认前不写入任何数据，确认后全部记录一次性导入。</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>{0}: {1} bad cell(s); nothing will be imported until they are corrected.</source>
        <translation>{0}：{1} 个单元格有误；更正之前不会导入任何记录。</translation>
    </message>
    <message>
        <source>{0} holds no register rows.</source>
        <translation>{0} 中没有台账行。</translation>
    </message>
    <message>
        <source>{0}: every row is valid. {1} item(s) will be added.</source>
        <translation>{0}：所有行均有效，将添加 {1} 台件。</translation>
    </message>
    <message>
        <source>Save error workbook</source>
        <translation>保存错误工作簿</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving the error workbook…</source>
        <translation>正在保存错误工作簿…</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
    <message>
        <source>Importing {0} item(s)…</source>
        <translation>正在导入 {0} 台件…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported {0} item(s) into the register.</source>
        <translation>已将 {0} 台件导入台账。</translation>
    </message>
    <message>
        <source>Nothing was imported: {0}</source>
        <translation>未导入任何记录：{0}</translation>
    </message>
</context>
<context>
    <name>ImportErrorModel</name>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Interval (months)</source>
        <translation>检定周期(月)</translation>
    </message>
    <message>
        <source>Range low</source>
        <translation>测量范围下限</translation>
    </message>
    <message>
        <source>Range high</source>
        <translation>测量范围上限</translation>
    </message>
    <message>
        <source>Accuracy kind</source>
        <translation>准确度类型</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确度</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>准确度等级</translation>
    </message>
    <message>
        <source>k</source>
        <translation>包含因子 k</translation>
    </message>
    <message>
        <source>Re-verification</source>
        <translation>复检方式</translation>
    </message>
    <message>
        <source>Last calibrated on</source>
        <translation>上次检定日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>检定方式</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>使用部门</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>保管人</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>检定/校准机构</translation>
    </message>
</context>
<context>
    <name>InstrumentDetailPane</name>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Add similar…</source>
        <translation>添加类似器具…</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Traceability</source>
        <translation>量值溯源</translation>
    </message>
    <message>
        <source>History</source>
        <translation>检定/校准历史</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>证书和附件</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Double-click a file to open it.</source>
        <translation>双击文件即可打开。</translation>
    </message>
    <message>
        <source>Links in red are broken. The Traceability page shows the whole chain.</source>
        <translation>红色的环节已断开。“量值溯源”页面显示完整的溯源链。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>器具</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Open traceability</source>
        <translation>打开量值溯源</translation>
    </message>
    <message>
        <source>Select an item to see its details.</source>
        <translation>选择一个器具以查看详细信息。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{0} months</source>
        <translation>{0} 个月</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0}，由 {1}</translation>
    </message>
    <message>
        <source>{0} ({1} KB)</source>
        <translation>{0}（{1} KB）</translation>
    </message>
</context>
<context>
    <name>InstrumentDialog</name>
    <message>
        <source>Edit instrument</source>
        <translation>编辑器具</translation>
    </message>
    <message>
        <source>Add similar instrument</source>
        <translation>添加类似器具</translation>
    </message>
    <message>
        <source>New instrument</source>
        <translation>新建器具</translation>
    </message>
    <message>
        <source>Subject to mandatory (legal) verification</source>
        <translation>属于强制检定</translation>
    </message>
    <message>
        <source>e.g. 0 V</source>
        <translation>例如 0 V</translation>
    </message>
    <message>
        <source>e.g. 1000 V</source>
        <translation>例如 1000 V</translation>
    </message>
    <message>
        <source>Why this change (kept in the audit trail)</source>
        <translation>修改原因（保存在审计追踪中）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Maximum permissible error (MPE)</source>
        <translation>最大允许误差（MPE）</translation>
    </message>
    <message>
        <source>Accuracy class</source>
        <translation>准确度等级</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>测量不确定度</translation>
    </message>
    <message>
        <source>e.g. 0.2</source>
        <translation>例如 0.2</translation>
    </message>
    <message>
        <source>e.g. 0.05 V or 0.01 %</source>
        <translation>例如 0.05 V 或 0.01 %</translation>
    </message>
</context>
<context>
    <name>InstrumentFields</name>
    <message>
        <source>Asset tag</source>
        <extracomment>key -&gt; label, for every key the form or the detail pane shows</extracomment>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>制造厂</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>测量量</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>测量范围</translation>
    </message>
    <message>
        <source>Range from</source>
        <translation>测量范围下限</translation>
    </message>
    <message>
        <source>Range to</source>
        <translation>测量范围上限</translation>
    </message>
    <message>
        <source>Accuracy stated as</source>
        <translation>准确度表示方式</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确度</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Legal status</source>
        <translation>法制属性</translation>
    </message>
    <message>
        <source>Mandatory verification</source>
        <translation>强制检定</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>保管人</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>检定周期</translation>
    </message>
    <message>
        <source>Default provider</source>
        <translation>默认上级计量机构</translation>
    </message>
    <message>
        <source>Default procedure</source>
        <translation>默认规程/规范</translation>
    </message>
    <message>
        <source>Last calibrated</source>
        <translation>上次检定/校准</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Reason for retiring</source>
        <translation>停用原因</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>修改原因</translation>
    </message>
</context>
<context>
    <name>InstrumentTableModel</name>
    <message>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Overdue</source>
        <extracomment>column -&gt; (DTO attribute, the key of its label in the register&apos;s fields); the attribute is also the service&apos;s ``order_by`` key. column -&gt; (DTO attribute, header), the header being the field&apos;s label (context InstrumentFields) columns the service cannot order by (texts composed from several columns) Raw stored value of the row&apos;s due state (overdue / due_soon / ok / none). The row&apos;s attention flag: overdue / due_soon / failed / out_of_service / &quot;&quot; (nothing). flag -&gt; (background, standard icon, tooltip); text stays black on every background.</extracomment>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Failed its last calibration</source>
        <translation>上次检定/校准不合格</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
</context>
<context>
    <name>IntegrityDialog</name>
    <message>
        <source>Verify integrity</source>
        <translation>校验完整性</translation>
    </message>
    <message>
        <source> ({0} entries and {1} records from before sealing began are not sealed.)</source>
        <translation>（启用封签之前的 {0} 个条目和 {1} 条记录未封签。）</translation>
    </message>
    <message>
        <source>Intact: {0} audit entries, {1} sealed records.</source>
        <translation>完整：{0} 个审计条目，{1} 条已封签记录。</translation>
    </message>
    <message>
        <source>Found {0} broken, altered or forged records:</source>
        <translation>发现 {0} 条被破坏、篡改或伪造的记录：</translation>
    </message>
</context>
<context>
    <name>InvestigationText</name>
    <message>
        <source>failed intermediate check of {0}</source>
        <translation>{0} 期间核查不合格</translation>
    </message>
    <message>
        <source>failed as-found calibration/verification of {0}</source>
        <translation>{0} 检定/校准调整前不合格</translation>
    </message>
    <message>
        <source>from its first use (no good calibration on record) to {0}</source>
        <translation>自首次使用（无合格校准记录）至 {0}</translation>
    </message>
    <message>
        <source>from {0} (last good calibration) to {1}</source>
        <translation>自 {0}（上次合格校准）至 {1}</translation>
    </message>
    <message>
        <source>Results searched: {0}</source>
        <translation>追溯范围：{0}</translation>
    </message>
    <message>
        <source>As-found errors at the standard&apos;s nominals (each point gets the error at its own nominal, interpolated between them, never extrapolated): {0}</source>
        <translation>标准器各标称值的调整前误差（每个测量点采用其标称值处的误差，在标称值之间线性内插，不外推）：{0}</translation>
    </message>
    <message>
        <source>Decision rule: {0}, guard band factor {1}</source>
        <translation>判定规则：{0}，保护带系数 {1}</translation>
    </message>
    <message>
        <source>Opened by {0} on {1} · {2}</source>
        <translation>{0} 于 {1} 发起 · {2}</translation>
    </message>
    <message>
        <source>Summary: {0}</source>
        <translation>概述：{0}</translation>
    </message>
    <message>
        <source>Closed by {0} on {1}: {2}</source>
        <translation>{0} 于 {1} 关闭：{2}</translation>
    </message>
    <message>
        <source>{0} affected · {1} possibly affected · {2} not affected · {3} not assessable</source>
        <translation>受影响 {0} · 可能受影响 {1} · 不受影响 {2} · 无法评估 {3}</translation>
    </message>
</context>
<context>
    <name>InvestigationsModel</name>
    <message>
        <source>Status</source>
        <extracomment>Background of a result by assessment (light, so black text stays readable).</extracomment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>计量标准</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>发起时间</translation>
    </message>
    <message>
        <source>Affected</source>
        <translation>受影响</translation>
    </message>
    <message>
        <source>Possibly affected</source>
        <translation>可能受影响</translation>
    </message>
    <message>
        <source>Not affected</source>
        <translation>不受影响</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>未处理</translation>
    </message>
</context>
<context>
    <name>InvestigationsView</name>
    <message>
        <source>Failed-standard impact investigations</source>
        <translation>标准器失准影响调查</translation>
    </message>
    <message>
        <source>New investigation…</source>
        <translation>新建调查…</translation>
    </message>
    <message>
        <source>Save actions</source>
        <translation>保存处理措施</translation>
    </message>
    <message>
        <source>Decide selected…</source>
        <translation>批量处理所选…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>{0} investigations, {1} open</source>
        <translation>共 {0} 项调查，{1} 项进行中</translation>
    </message>
    <message>
        <source>Choose an investigation, or open a new one.</source>
        <translation>请选择一项调查，或新建调查。</translation>
    </message>
    <message>
        <source>Closed: read-only.</source>
        <translation>已关闭：只读。</translation>
    </message>
    <message>
        <source>Double-click Action and Reason to decide each result at risk.</source>
        <translation>双击“处理措施”和“理由”，逐项处理有风险的结果。</translation>
    </message>
    <message>
        <source>Choose an action and give its reason for: {0}</source>
        <translation>请为以下器具选择处理措施并填写理由：{0}</translation>
    </message>
    <message>
        <source>Impact investigation {0}: {1}</source>
        <translation>影响调查 {0}：{1}</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>LabPage</name>
    <message>
        <source>The laboratory</source>
        <translation>实验室</translation>
    </message>
    <message>
        <source>What certificates and reports say about your laboratory.</source>
        <translation>证书和报告中关于本实验室的信息。</translation>
    </message>
    <message>
        <source>e.g. CNAS</source>
        <translation>例如 CNAS</translation>
    </message>
    <message>
        <source>e.g. L1234</source>
        <translation>例如 L1234</translation>
    </message>
    <message>
        <source>The checker may also approve (if the quality manual allows it)</source>
        <translation>核验人员也可批准（须质量手册允许）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Short code:</source>
        <translation>简称代码：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Accreditation body:</source>
        <translation>认可机构：</translation>
    </message>
    <message>
        <source>Accreditation number:</source>
        <translation>认可证书编号：</translation>
    </message>
    <message>
        <source>Certificate numbers:</source>
        <translation>证书编号规则：</translation>
    </message>
    <message>
        <source>Default decision rule:</source>
        <translation>默认判定规则：</translation>
    </message>
    <message>
        <source>Guard-band factor w (× U):</source>
        <translation>保护带系数 w（× U）：</translation>
    </message>
    <message>
        <source>Lock after idle time:</source>
        <translation>空闲锁定时间：</translation>
    </message>
    <message>
        <source>Not a numbering pattern: use {yyyy}, {yy}, {mm} and {seq} or {seq:04}.</source>
        <translation>不是有效的编号规则：请使用 {yyyy}、{yy}、{mm} 和 {seq} 或 {seq:04}。</translation>
    </message>
    <message>
        <source>The first certificate this year: {0}</source>
        <translation>今年的第一张证书：{0}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Measurement standard</source>
        <translation>计量标准</translation>
    </message>
    <message>
        <source>Working instrument</source>
        <translation>工作计量器具</translation>
    </message>
    <message>
        <source>Primary standard</source>
        <translation>计量基准</translation>
    </message>
    <message>
        <source>Highest standard</source>
        <translation>最高计量标准</translation>
    </message>
    <message>
        <source>Working standard</source>
        <translation>工作计量标准</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>封存</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停使用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>退役</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>检定</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Intermediate check</source>
        <translation>期间核查</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已核验</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Conditional</source>
        <translation>有条件合格</translation>
    </message>
    <message>
        <source>Limited use</source>
        <translation>限制使用</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>不作判定</translation>
    </message>
    <message>
        <source>Conditional pass</source>
        <translation>有条件合格</translation>
    </message>
    <message>
        <source>Conditional fail</source>
        <translation>有条件不合格</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>强制覆盖</translation>
    </message>
    <message>
        <source>MPE</source>
        <translation>最大允许误差</translation>
    </message>
    <message>
        <source>Accuracy class</source>
        <translation>准确度等级</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>测量不确定度</translation>
    </message>
    <message>
        <source>In-house verification</source>
        <translation>内检</translation>
    </message>
    <message>
        <source>External verification</source>
        <translation>外检</translation>
    </message>
    <message>
        <source>Periodic</source>
        <translation>周期检定</translation>
    </message>
    <message>
        <source>One-time</source>
        <translation>一次性检定</translation>
    </message>
    <message>
        <source>Replaced when broken</source>
        <translation>随坏随换</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>免检</translation>
    </message>
    <message>
        <source>Before each use</source>
        <translation>使用前校准</translation>
    </message>
    <message>
        <source>Simple acceptance</source>
        <translation>简单接受</translation>
    </message>
    <message>
        <source>Guard band</source>
        <translation>保护带</translation>
    </message>
    <message>
        <source>As found</source>
        <translation>调整前</translation>
    </message>
    <message>
        <source>As left</source>
        <translation>调整后</translation>
    </message>
    <message>
        <source>National metrology institute</source>
        <translation>国家计量院</translation>
    </message>
    <message>
        <source>Accredited laboratory</source>
        <translation>认可的校准实验室</translation>
    </message>
    <message>
        <source>Legal verification body</source>
        <translation>法定计量检定机构</translation>
    </message>
    <message>
        <source>In-house</source>
        <translation>本实验室</translation>
    </message>
    <message>
        <source>DC voltage</source>
        <translation>直流电压</translation>
    </message>
    <message>
        <source>AC voltage</source>
        <translation>交流电压</translation>
    </message>
    <message>
        <source>DC current</source>
        <translation>直流电流</translation>
    </message>
    <message>
        <source>AC current</source>
        <translation>交流电流</translation>
    </message>
    <message>
        <source>Resistance</source>
        <translation>电阻</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Pressure</source>
        <translation>压力</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Humidity</source>
        <translation>湿度</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频率</translation>
    </message>
    <message>
        <source>Force</source>
        <translation>力</translation>
    </message>
    <message>
        <source>Affected</source>
        <translation>受影响</translation>
    </message>
    <message>
        <source>Possibly affected</source>
        <translation>可能受影响</translation>
    </message>
    <message>
        <source>Not affected</source>
        <translation>不受影响</translation>
    </message>
    <message>
        <source>Not assessable</source>
        <translation>无法评估</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回</translation>
    </message>
    <message>
        <source>Re-calibrate</source>
        <translation>重新校准</translation>
    </message>
    <message>
        <source>Notify customer</source>
        <translation>通知客户</translation>
    </message>
    <message>
        <source>No action</source>
        <translation>无需措施</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>No certificate for this link</source>
        <translation>此环节没有证书</translation>
    </message>
    <message>
        <source>Certificate expired</source>
        <translation>证书已过期</translation>
    </message>
    <message>
        <source>The standard failed its calibration</source>
        <translation>计量标准检定/校准不合格</translation>
    </message>
    <message>
        <source>Provider not accredited for this quantity</source>
        <translation>上级计量机构未获该测量量的认可</translation>
    </message>
    <message>
        <source>The chain loops back on itself</source>
        <translation>溯源链出现循环</translation>
    </message>
    <message>
        <source>The chain ends without reaching a national metrology institute</source>
        <translation>溯源链未到达国家计量院即中断</translation>
    </message>
</context>
<context>
    <name>LaboratoryDialog</name>
    <message>
        <source>Laboratory</source>
        <translation>实验室</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Short code:</source>
        <translation>简称代码：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Accreditation body:</source>
        <translation>认可机构：</translation>
    </message>
    <message>
        <source>Accreditation number:</source>
        <translation>认可证书号：</translation>
    </message>
    <message>
        <source>Accreditation valid until:</source>
        <translation>认可有效期至：</translation>
    </message>
    <message>
        <source>Certificate numbers:</source>
        <translation>证书编号规则：</translation>
    </message>
    <message>
        <source>Default decision rule:</source>
        <translation>默认判定规则：</translation>
    </message>
    <message>
        <source>Guard band factor r (w = r·U):</source>
        <translation>保护带系数 r（w = r·U）：</translation>
    </message>
    <message>
        <source>The checker may also approve:</source>
        <translation>核验员可同时批准：</translation>
    </message>
    <message>
        <source>Lock after idle (minutes):</source>
        <translation>空闲锁定（分钟）：</translation>
    </message>
    <message>
        <source>Least MPE / U without a warning:</source>
        <translation>不告警的最小 MPE/U 比值：</translation>
    </message>
    <message>
        <source>Logo on certificates:</source>
        <translation>证书徽标：</translation>
    </message>
    <message>
        <source>e.g. JD{yyyy}-{seq:04}</source>
        <translation>如 JD{yyyy}-{seq:04}</translation>
    </message>
    <message>
        <source>only for the guard band, e.g. 1</source>
        <translation>仅用于保护带，如 1</translation>
    </message>
    <message>
        <source>only where the quality manual allows it</source>
        <translation>仅当质量手册允许时</translation>
    </message>
</context>
<context>
    <name>LaboratoryPanel</name>
    <message>
        <source>Not set up yet: the set-up wizard creates it.</source>
        <translation>尚未设置：由初始设置向导创建。</translation>
    </message>
    <message>
        <source>{0} (r = {1})</source>
        <translation>{0}（r = {1}）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{0} image, {1} bytes</source>
        <translation>{0} 图像，{1} 字节</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Short code:</source>
        <translation>简称代码：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Accreditation:</source>
        <translation>认可：</translation>
    </message>
    <message>
        <source>Accreditation valid until:</source>
        <translation>认可有效期至：</translation>
    </message>
    <message>
        <source>Certificate numbers:</source>
        <translation>证书编号规则：</translation>
    </message>
    <message>
        <source>Default decision rule (new events):</source>
        <translation>默认判定规则（用于新记录）：</translation>
    </message>
    <message>
        <source>The checker may also approve:</source>
        <translation>核验员可同时批准：</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>空闲锁定：</translation>
    </message>
    <message>
        <source>Least MPE / U without a warning:</source>
        <translation>不告警的最小 MPE/U 比值：</translation>
    </message>
    <message>
        <source>Logo on certificates:</source>
        <translation>证书徽标：</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>New location</source>
        <translation>新增地点</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Building:</source>
        <translation>楼栋：</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>房间：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>LabApp is locked</source>
        <translation>LabApp 已锁定</translation>
    </message>
    <message>
        <source>Locked after a time without use. {0} ({1}): enter your password to go on.</source>
        <translation>长时间未操作，已锁定。{0}（{1}）：请输入密码继续。</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Log in — {0}</source>
        <translation>登录 — {0}</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Demo: every account&apos;s password is demo, the administrator is admin.</source>
        <translation>演示库：所有账户的密码都是 demo，管理员登录名是 admin。</translation>
    </message>
</context>
<context>
    <name>LogoPicker</name>
    <message>
        <source>Logo…</source>
        <translation>徽标…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>删除徽标</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>Laboratory logo</source>
        <translation>实验室徽标</translation>
    </message>
    <message>
        <source>PNG or JPEG image (*.png *.jpg *.jpeg)</source>
        <translation>PNG 或 JPEG 图像 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无徽标</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <extracomment>page key -&gt; navigation label</extracomment>
        <translation>总览</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>器具台账</translation>
    </message>
    <message>
        <source>Calibrations</source>
        <translation>检定校准</translation>
    </message>
    <message>
        <source>Traceability</source>
        <translation>量值溯源</translation>
    </message>
    <message>
        <source>Intermediate checks</source>
        <translation>期间核查</translation>
    </message>
    <message>
        <source>Investigations</source>
        <translation>影响调查</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>周检计划</translation>
    </message>
    <message>
        <source>Comparisons</source>
        <translation>计量比对</translation>
    </message>
    <message>
        <source>PT plan</source>
        <translation>能力验证计划</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Record &amp;event…</source>
        <translation>记录检定/校准(&amp;E)…</translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation>最近使用的数据库</translation>
    </message>
    <message>
        <source>&amp;Import register…</source>
        <translation>导入台账(&amp;I)…</translation>
    </message>
    <message>
        <source>Download import &amp;template…</source>
        <translation>下载导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>E&amp;xport register…</source>
        <translation>导出台账(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>台账(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New instrument…</source>
        <translation>新建器具(&amp;N)…</translation>
    </message>
    <message>
        <source>Add &amp;similar…</source>
        <translation>添加类似器具(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;tire…</source>
        <translation>停用(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Drift chart…</source>
        <translation>漂移图(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LabApp</source>
        <translation>关于 LabApp(&amp;A)</translation>
    </message>
    <message>
        <source>no database</source>
        <translation>无数据库</translation>
    </message>
    <message>
        <source>LabApp — {0}[*]</source>
        <translation>LabApp — {0}[*]</translation>
    </message>
    <message>
        <source>LabApp — {0} — {1}[*]</source>
        <translation>LabApp — {0} — {1}[*]</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>Database: {0} ({1})</source>
        <translation>数据库：{0}（{1}）</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>User: {0}</source>
        <translation>用户：{0}</translation>
    </message>
    <message>
        <source>Record event</source>
        <translation>记录检定/校准</translation>
    </message>
    <message>
        <source>Asset tag of the instrument:</source>
        <translation>器具的资产编号：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>About LabApp</source>
        <translation>关于 LabApp</translation>
    </message>
    <message>
        <source>LabApp {0}

Calibration laboratory management: measurement standards, traceability, calibrations, uncertainty and re-verification plans.</source>
        <translation>LabApp {0}

校准实验室管理：计量标准、量值溯源、检定校准、测量不确定度和周检计划。</translation>
    </message>
    <message>
        <source>&amp;Log in…</source>
        <translation>登录(&amp;L)…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>账户(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>MappingPanel</name>
    <message>
        <source>(to the notes)</source>
        <translation>（并入备注）</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <source>Asset tags when no column holds them:</source>
        <translation>无管理编号列时的编号规则：</translation>
    </message>
    <message>
        <source>Create the missing departments, locations, providers, procedures and people</source>
        <translation>创建缺少的基础数据（部门、存放地点、检定/校准机构、规程和人员）</translation>
    </message>
    <message>
        <source>Every department, location, provider, procedure and person the ledger names is in LabApp.</source>
        <translation>台账中的部门、存放地点、检定/校准机构、规程和人员在 LabApp 中均已存在。</translation>
    </message>
    <message>
        <source>Will be created:</source>
        <translation>将创建：</translation>
    </message>
    <message>
        <source>Not in LabApp:</source>
        <translation>LabApp 中没有：</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Give the account at least one role.</source>
        <translation>请至少为账户指定一个角色。</translation>
    </message>
</context>
<context>
    <name>NewInvestigationDialog</name>
    <message>
        <source>New impact investigation</source>
        <translation>新建影响调查</translation>
    </message>
    <message>
        <source>What was found, and why it matters</source>
        <translation>发现了什么问题，影响何在</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>发起</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>计量标准</translation>
    </message>
    <message>
        <source>Found out of tolerance by</source>
        <translation>发现超差的记录</translation>
    </message>
    <message>
        <source>Decision rule</source>
        <translation>判定规则</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概述</translation>
    </message>
    <message>
        <source>No standard has a failed calibration or check on record.</source>
        <translation>没有计量标准存在不合格的检定/校准或期间核查记录。</translation>
    </message>
    <message>
        <source>Intermediate check of {0}</source>
        <translation>{0} 期间核查</translation>
    </message>
    <message>
        <source>Calibration/verification of {0} ({1})</source>
        <translation>{0} 检定/校准（{1}）</translation>
    </message>
    <message>
        <source>investigation {0} open</source>
        <translation>调查 {0} 进行中</translation>
    </message>
    <message>
        <source>Choose the failed event or check.</source>
        <translation>请选择不合格的检定/校准或期间核查。</translation>
    </message>
    <message>
        <source>Searching every result the standard served…</source>
        <extracomment>The guard band factor r in w = r·U (the lab&apos;s decisions use r = 1).</extracomment>
        <translation>正在查找该标准器参与的全部结果…</translation>
    </message>
</context>
<context>
    <name>OnTimeItemsModel</name>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Next verification or calibration</source>
        <translation>下次检定/校准</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按期</translation>
    </message>
</context>
<context>
    <name>OnTimeRateModel</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应检</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按期受检</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>受检率</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Overview</source>
        <extracomment>card key -&gt; (LabOverview field, page it opens, register order hint) cards that open the list of the items behind them (``dashboard.drill_down``)</extracomment>
        <translation>总览</translation>
    </message>
    <message>
        <source>Instruments and standards</source>
        <translation>计量器具和计量标准</translation>
    </message>
    <message>
        <source>Measurement standards</source>
        <translation>计量标准</translation>
    </message>
    <message>
        <source>Working instruments</source>
        <translation>工作计量器具</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due within {0} days</source>
        <translation>{0} 天内到期</translation>
    </message>
    <message>
        <source>Failed last calibration</source>
        <translation>最近一次不合格</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Verifications and calibrations</source>
        <translation>检定和校准记录</translation>
    </message>
    <message>
        <source>Last recorded event</source>
        <translation>最近一次记录</translation>
    </message>
    <message>
        <source>Broken traceability chains</source>
        <translation>溯源链断裂</translation>
    </message>
    <message>
        <source>Standards out of tolerance, not investigated</source>
        <translation>计量标准超差未调查</translation>
    </message>
    <message>
        <source>Lab certificates expiring</source>
        <translation>实验室证书即将到期</translation>
    </message>
    <message>
        <source>On-time verification rate</source>
        <translation>受检率</translation>
    </message>
    <message>
        <source>Double-click a period to list the items due in it</source>
        <translation>双击某一期间，列出该期间到期的器具</translation>
    </message>
    <message>
        <source>Click a month to list the items due in it</source>
        <translation>单击某月，列出该月到期的器具</translation>
    </message>
    <message>
        <source>Export figures…</source>
        <translation>导出指标…</translation>
    </message>
    <message>
        <source>Write the counts, the items behind them and the on-time rate of the year shown to an Excel workbook</source>
        <translation>将各项统计数字、对应的器具明细及所示年度的受检率导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>On-time verification rate = due occurrences done on time ÷ due occurrences. A due occurrence is the due date of each approved verification or calibration (or an item&apos;s own due date no event records) of an item in service or suspended, falling in the period and not after today; it was on time when the next approved verification or calibration was performed on or before that date. The annual plan lists the same occurrences.</source>
        <translation>受检率 = 按期完成的应检次数 ÷ 应检次数。应检次数指在用或暂停使用的器具每次已批准的检定或校准的到期日（或器具本身未被任何记录覆盖的到期日）落在统计期间内且不晚于今天的次数；若下一次已批准的检定或校准在该日期当天或之前完成，则为按期。年度周检计划列出的正是这些应检次数。</translation>
    </message>
    <message>
        <source>Target: at least {0} %.</source>
        <translation>目标：不低于 {0} %。</translation>
    </message>
    <message>
        <source>Target ≥ {0} %</source>
        <translation>目标 ≥ {0} %</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>未打开数据库。</translation>
    </message>
    <message>
        <source>Database: {0} — as of {1}</source>
        <translation>数据库：{0} — 截至 {1}</translation>
    </message>
    <message>
        <source>On-time verification rate {0}</source>
        <translation>{0} 年受检率</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>受检率</translation>
    </message>
    <message>
        <source>n={n}</source>
        <translation>n={n}</translation>
    </message>
    <message>
        <source>Export the dashboard figures</source>
        <translation>导出质量指标</translation>
    </message>
    <message>
        <source>Writing the dashboard figures…</source>
        <translation>正在写入质量指标…</translation>
    </message>
    <message>
        <source>On-time rate {0}: {1} of {2} on time</source>
        <translation>受检率 {0}：{2} 项中 {1} 项按期</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Participant</source>
        <translation>参加实验室</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>实验室代码：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>测量结果：</translation>
    </message>
    <message>
        <source>Expanded uncertainty U:</source>
        <translation>扩展不确定度 U：</translation>
    </message>
    <message>
        <source>Coverage factor k:</source>
        <translation>包含因子 k：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>This laboratory</source>
        <translation>本实验室</translation>
    </message>
    <message>
        <source>as stated by the participant</source>
        <translation>按参加实验室声明的值</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>e.g. zhang.wei (a–z, 0–9, . _ -)</source>
        <translation>如 zhang.wei（a–z、0–9、. _ -）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>资质类别</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证书号</translation>
    </message>
    <message>
        <source>Quantity / scope</source>
        <translation>测量量/范围</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Add licence</source>
        <translation>添加资质</translation>
    </message>
    <message>
        <source>Remove licence</source>
        <translation>删除资质</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>PlanApprovalBar</name>
    <message>
        <source>Approve plan…</source>
        <translation>批准计划…</translation>
    </message>
    <message>
        <source>New revision…</source>
        <translation>新建修订版…</translation>
    </message>
    <message>
        <source>Save or discard the changes first</source>
        <translation>请先保存或放弃所做的更改</translation>
    </message>
    <message>
        <source>No plan: choose a year and generate one.</source>
        <translation>尚无计划：请选择年份并生成计划。</translation>
    </message>
    <message>
        <source>Draft: adjust months, providers, costs and notes, save, then approve.</source>
        <translation>草稿：调整计划月份、检定/校准机构、费用和备注，保存后再批准。</translation>
    </message>
    <message>
        <source>Approved: read-only.</source>
        <translation>已批准：只读。</translation>
    </message>
    <message>
        <source>Approved by {0} on {1}: {2}. Read-only; start a new revision to change it.</source>
        <translation>由 {0} 于 {1} 批准：{2}。只读；如需更改，请新建修订版。</translation>
    </message>
    <message>
        <source>Approving freezes the plan&apos;s {0} items: it can no longer be edited, and progress is tracked against it. Why is it approved (e.g. budget agreed, reviewed by)?</source>
        <translation>批准后计划的 {0} 个项目将被冻结：不能再编辑，并以此跟踪完成进度。批准的原因是什么（例如预算已确认、审核人）？</translation>
    </message>
    <message>
        <source>Approve plan</source>
        <translation>批准计划</translation>
    </message>
    <message>
        <source>A new draft of the same year starts from the approved items; the approved plan stays as it was. Why must the plan change?</source>
        <translation>将以已批准的项目为起点新建同一年度的草稿；已批准的计划保持不变。为什么必须更改计划？</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>新建修订版</translation>
    </message>
    <message>
        <source>{0} (revised)</source>
        <translation>{0}（修订）</translation>
    </message>
</context>
<context>
    <name>PlanItemsModel</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>上级计量机构</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>规程/规范</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>预计费用</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>完成情况</translation>
    </message>
</context>
<context>
    <name>PlanModels</name>
    <message>
        <source>Done on time</source>
        <translation>按期完成</translation>
    </message>
    <message>
        <source>Done late</source>
        <translation>逾期完成</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>PlanPrint</name>
    <message>
        <source>Export plan as PDF</source>
        <translation>将周检计划导出为 PDF</translation>
    </message>
</context>
<context>
    <name>PlanningView</name>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>未来 30 天</translation>
    </message>
    <message>
        <source>Next 60 days</source>
        <translation>未来 60 天</translation>
    </message>
    <message>
        <source>Next 90 days</source>
        <translation>未来 90 天</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年度</translation>
    </message>
    <message>
        <source>Mandatory and other</source>
        <translation>强检与非强检</translation>
    </message>
    <message>
        <source>Mandatory verification</source>
        <translation>强制检定</translation>
    </message>
    <message>
        <source>Not mandatory</source>
        <translation>非强制检定</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>全部检定/校准机构</translation>
    </message>
    <message>
        <source>In-house</source>
        <translation>本实验室</translation>
    </message>
    <message>
        <source>External</source>
        <translation>外部机构</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>周检计划</translation>
    </message>
    <message>
        <source>Due for verification or calibration</source>
        <translation>到期待检定/校准</translation>
    </message>
    <message>
        <source>Re-verification plan</source>
        <translation>周检计划</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>全部存放地点</translation>
    </message>
    <message>
        <source>All quantities</source>
        <translation>全部测量量</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Include sealed and out of service</source>
        <translation>包括封存和停用的器具</translation>
    </message>
    <message>
        <source>Export due list…</source>
        <translation>导出到期清单…</translation>
    </message>
    <message>
        <source>Open register</source>
        <translation>打开台账</translation>
    </message>
    <message>
        <source>Generate plan</source>
        <translation>生成计划</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Export plan…</source>
        <translation>导出计划…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>{0} items, {1} overdue</source>
        <translation>{0} 台件，其中 {1} 台件已超期</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Re-verification plan {0}</source>
        <translation>{0} 年度周检计划</translation>
    </message>
    <message>
        <source>{0}: {1} · {2}: {3} · {4}: {5} · estimated cost {6}</source>
        <translation>{0}：{1} · {2}：{3} · {4}：{5} · 预计费用 {6}</translation>
    </message>
    <message>
        <source>Due in the year so far: {0}, of which on time: {1} (the 受检率 of the year) · carried over from earlier years: {2}</source>
        <translation>本年度截至今天应检 {0} 次，其中按期完成 {1} 次（即本年度受检率）· 往年结转：{2}</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Due: {0}</source>
        <translation>到期：{0}</translation>
    </message>
</context>
<context>
    <name>PointsModel</name>
    <message>
        <source>Stage</source>
        <extracomment>column -&gt; (PointText attribute, header)</extracomment>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Nominal</source>
        <translation>标称值</translation>
    </message>
    <message>
        <source>Reference value</source>
        <translation>标准值</translation>
    </message>
    <message>
        <source>Indication</source>
        <translation>示值</translation>
    </message>
    <message>
        <source>U</source>
        <translation>U</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>MPE</source>
        <translation>最大允许误差</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>示值误差</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>MPE / U</source>
        <translation>MPE / U</translation>
    </message>
    <message>
        <source>As found (before adjustment) or as left</source>
        <extracomment>below this MPE / U the capability cell warns (the lead makes it a lab setting)</extracomment>
        <translation>调整前或调整后</translation>
    </message>
    <message>
        <source>Nominal value with its unit, e.g. 10 V</source>
        <translation>带单位的标称值，例如 10 V</translation>
    </message>
    <message>
        <source>Value of the standard with its unit, e.g. 10000.2 mV</source>
        <translation>带单位的标准值，例如 10000.2 mV</translation>
    </message>
    <message>
        <source>Reading of the unit under test, e.g. 10.0005 V</source>
        <translation>被校器具的示值，例如 10.0005 V</translation>
    </message>
    <message>
        <source>Expanded uncertainty of the error, e.g. 0.2 mV</source>
        <translation>误差的扩展不确定度，例如 0.2 mV</translation>
    </message>
    <message>
        <source>Coverage factor, e.g. 2</source>
        <translation>包含因子，例如 2</translation>
    </message>
    <message>
        <source>Maximum permissible error, e.g. 1 mV or 0.01 %</source>
        <translation>最大允许误差，例如 1 mV 或 0.01 %</translation>
    </message>
    <message>
        <source>Error of indication: indication − reference value</source>
        <translation>示值误差：示值 − 标准值</translation>
    </message>
    <message>
        <source>Decision with the lab&apos;s decision rule</source>
        <translation>按实验室判定规则的判定</translation>
    </message>
    <message>
        <source>Capability: MPE (half the tolerance) over U; JJF 1094 asks at least 3 for a verification</source>
        <translation>测量能力：最大允许误差（允差半宽）与 U 之比；JJF 1094 要求检定时不小于 3</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>添加测量点</translation>
    </message>
    <message>
        <source>Remove point</source>
        <translation>删除测量点</translation>
    </message>
    <message>
        <source>MPE / U is {0}, below {1}: U is too large to verify this MPE (JJF 1094: U95 ≤ MPE/3); a pass here is not a reliable statement of conformity.</source>
        <translation>MPE / U 为 {0}，低于 {1}：U 过大，不足以判定该最大允许误差（JJF 1094：U95 ≤ MPE/3）；此处的“合格”不是可靠的符合性声明。</translation>
    </message>
</context>
<context>
    <name>PointsPanel</name>
    <message>
        <source>Add point</source>
        <translation>添加测量点</translation>
    </message>
    <message>
        <source>Remove point</source>
        <translation>删除测量点</translation>
    </message>
    <message>
        <source>Decision rule: {0}</source>
        <translation>判定规则：{0}</translation>
    </message>
    <message>
        <source>Result without points:</source>
        <translation>无测量点时的结论：</translation>
    </message>
    <message>
        <source>(from the points)</source>
        <translation>（由测量点得出）</translation>
    </message>
    <message>
        <source>The verdict of a verification recorded without measurement points</source>
        <translation>不带测量点记录的检定结论</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <extracomment>Language names are shown in their own language, never translated.</extracomment>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Default database:</source>
        <translation>默认数据库：</translation>
    </message>
    <message>
        <source>Due-soon lead time:</source>
        <translation>到期提醒提前期：</translation>
    </message>
    <message>
        <source>Decision rule of new events:</source>
        <translation>新记录的判定规则：</translation>
    </message>
    <message>
        <source>Exported workbooks:</source>
        <translation>导出的工作簿：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Empty: your own database in the LabApp data folder</source>
        <translation>留空：使用 LabApp 数据文件夹中您自己的数据库</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Headers and words in Chinese and English (中文 / English)</source>
        <translation>表头和文字使用中英双语（中文 / English）</translation>
    </message>
    <message>
        <source>The language changes as soon as you press OK.</source>
        <translation>按“确定”后立即切换语言。</translation>
    </message>
    <message>
        <source>Default database</source>
        <translation>默认数据库</translation>
    </message>
    <message>
        <source>LabApp databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>LabApp 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <source>Printing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>{0}
{1} of {2} table rows</source>
        <translation>{0}
已输出 {1} / {2} 表格行</translation>
    </message>
    <message>
        <source>The report was cancelled; no file was written.</source>
        <translation>报表已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>The report was written to
{0}</source>
        <translation>报告已写入
{0}</translation>
    </message>
</context>
<context>
    <name>ProcedureDialog</name>
    <message>
        <source>New procedure</source>
        <translation>新增规程/规范</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>规程/规范</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>用途：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>测量量：</translation>
    </message>
    <message>
        <source>e.g. JJG 315-1983, JJF 1587-2016, SOP-07</source>
        <translation>如 JJG 315-1983、JJF 1587-2016、SOP-07</translation>
    </message>
</context>
<context>
    <name>ProficiencyModels</name>
    <message>
        <source>Covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <source>Due in this cycle</source>
        <translation>本周期内待参加</translation>
    </message>
    <message>
        <source>Due within a year</source>
        <translation>一年内须参加</translation>
    </message>
    <message>
        <source>Not covered in the cycle</source>
        <translation>本周期未覆盖</translation>
    </message>
    <message>
        <source>Not in the scope</source>
        <translation>不在认可范围内</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <source>No result of this laboratory</source>
        <translation>本实验室无结果</translation>
    </message>
    <message>
        <source>Sub-discipline</source>
        <translation>子领域</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>测量量</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Comparisons in the cycle</source>
        <translation>本周期内的比对</translation>
    </message>
    <message>
        <source>Latest comparison</source>
        <translation>最近一次比对</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>最迟参加日期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比对</translation>
    </message>
    <message>
        <source>En</source>
        <translation>En 值</translation>
    </message>
    <message>
        <source>En class</source>
        <translation>En 评价</translation>
    </message>
    <message>
        <source>z / z′</source>
        <translation>z / z′ 比分数</translation>
    </message>
    <message>
        <source>z class</source>
        <translation>z 评价</translation>
    </message>
    <message>
        <source>Not scored because</source>
        <translation>未能评价的原因</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参加实验室</translation>
    </message>
    <message>
        <source>Nonconformity</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <source>Standards involved</source>
        <translation>涉及的计量标准</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>提出人</translation>
    </message>
</context>
<context>
    <name>ProficiencyView</name>
    <message>
        <source>Name</source>
        <extracomment>ValidationError fields of the PT plan service, worded here</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Cycle length</source>
        <translation>周期长度</translation>
    </message>
    <message>
        <source>PT plan (proficiency testing)</source>
        <translation>能力验证计划</translation>
    </message>
    <message>
        <source>Accreditation cycle…</source>
        <translation>认可周期…</translation>
    </message>
    <message>
        <source>Add sub-discipline…</source>
        <translation>添加子领域…</translation>
    </message>
    <message>
        <source>Edit sub-discipline…</source>
        <translation>编辑子领域…</translation>
    </message>
    <message>
        <source>Sub-discipline of the comparison…</source>
        <translation>比对所属子领域…</translation>
    </message>
    <message>
        <source>Open the corrective action…</source>
        <translation>打开纠正措施…</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>测量量：</translation>
    </message>
    <message>
        <source>Sub-disciplines</source>
        <translation>子领域</translation>
    </message>
    <message>
        <source>Score history</source>
        <translation>历次评价结果</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>No accreditation cycle is set: set one to judge coverage.</source>
        <translation>尚未设置认可周期：请先设置，才能判断子领域覆盖情况。</translation>
    </message>
    <message>
        <source>Accreditation cycle {0} – {1} ({2} years): {3} sub-discipline(s) still due</source>
        <translation>认可周期 {0} 至 {1}（{2} 年）：尚有 {3} 个子领域待参加能力验证</translation>
    </message>
    <message>
        <source>All quantities</source>
        <translation>全部测量量</translation>
    </message>
    <message>
        <source>Scores of this laboratory over time</source>
        <translation>本实验室历次评价结果</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评价值</translation>
    </message>
    <message>
        <source>|En| = 1</source>
        <translation>|En| = 1</translation>
    </message>
    <message>
        <source>Warning limit (±2)</source>
        <translation>警戒限（±2）</translation>
    </message>
    <message>
        <source>Action limit (±3)</source>
        <translation>行动限（±3）</translation>
    </message>
    <message>
        <source>PT plan</source>
        <translation>能力验证计划</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <source>New provider</source>
        <translation>新增上级计量机构</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>上级计量机构</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>国家：</translation>
    </message>
    <message>
        <source>Accreditation body:</source>
        <translation>认可机构：</translation>
    </message>
    <message>
        <source>Accreditation number:</source>
        <translation>认可证书号：</translation>
    </message>
    <message>
        <source>Accreditation valid until:</source>
        <translation>认可有效期至：</translation>
    </message>
    <message>
        <source>e.g. CNAS</source>
        <translation>如 CNAS</translation>
    </message>
    <message>
        <source>e.g. L1234</source>
        <translation>如 L1234</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>测量量</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>测量范围</translation>
    </message>
    <message>
        <source>CMC</source>
        <translation>CMC</translation>
    </message>
    <message>
        <source>Add scope line</source>
        <translation>添加能力范围</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除该行</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason (kept in the audit trail)</source>
        <translation>原因（记入审计追踪）</translation>
    </message>
</context>
<context>
    <name>RegisterExport</name>
    <message>
        <source>Export register</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>register.xlsx</source>
        <translation>台账.xlsx</translation>
    </message>
    <message>
        <source>Exporting the register…</source>
        <translation>正在导出台账…</translation>
    </message>
</context>
<context>
    <name>RegisterFilterBar</name>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Not due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>无到期日</translation>
    </message>
    <message>
        <source>Mandatory verification</source>
        <translation>强制检定</translation>
    </message>
    <message>
        <source>Not mandatory</source>
        <translation>非强制检定</translation>
    </message>
    <message>
        <source>All quantities</source>
        <extracomment>filter key -&gt; label of the combo (its &quot;all&quot; entry says the same in the plural)</extracomment>
        <translation>全部测量量</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>全部用途</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any due state</source>
        <translation>全部到期状态</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>全部存放地点</translation>
    </message>
    <message>
        <source>Mandatory or not</source>
        <translation>强检与非强检</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>RegisterPrint</name>
    <message>
        <source>Export register as PDF</source>
        <translation>将台账导出为 PDF</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>Register of instruments and standards</source>
        <extracomment>the order combo&apos;s keys (asset tag, then due date: the overview&apos;s &quot;overdue&quot; card asks for it)</extracomment>
        <translation>计量器具和计量标准台账</translation>
    </message>
    <message>
        <source>Search asset tag, name, model, serial number, location…</source>
        <translation>搜索资产编号、名称、型号、出厂编号、存放地点…</translation>
    </message>
    <message>
        <source>Order by:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <source>New instrument…</source>
        <translation>新建器具…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <extracomment>the count arrived (the number of rows, or cap + 1 for &quot;more than cap&quot;)</extracomment>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>More than {0} items</source>
        <translation>超过 {0} 台件</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 台件</translation>
    </message>
    <message>
        <source>{0} items</source>
        <translation>{0} 台件</translation>
    </message>
    <message>
        <source> — {0} shown, scroll for more</source>
        <translation> — 已显示 {0}，滚动以加载更多</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Due within {0} days</source>
        <translation>{0} 天内到期</translation>
    </message>
</context>
<context>
    <name>RetireDialog</name>
    <message>
        <source>Retire {0}</source>
        <translation>停用 {0}</translation>
    </message>
    <message>
        <source>{0} stays in the register with its history and certificates, marked as retired. Why is it retired?</source>
        <translation>{0} 将连同其历史和证书保留在台账中，并标记为已停用。停用原因是什么？</translation>
    </message>
    <message>
        <source>e.g. Scrapped after a failed repair</source>
        <translation>例如：维修失败后报废</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>A reason is required to retire an instrument.</source>
        <translation>停用器具必须填写原因。</translation>
    </message>
</context>
<context>
    <name>ReverseTraceModel</name>
    <message>
        <source>Depth</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>器具</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>测量量</translation>
    </message>
    <message>
        <source>Via standard</source>
        <translation>经由计量标准</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>检定/校准记录</translation>
    </message>
</context>
<context>
    <name>ReverseTraceWidget</name>
    <message>
        <source>Asset tag of the standard</source>
        <translation>计量标准的资产编号</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>起始日期：</translation>
    </message>
    <message>
        <source>Max depth:</source>
        <translation>最大层级：</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>追溯</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Type a standard&apos;s asset tag and press Trace.</source>
        <translation>输入计量标准的资产编号并按“追溯”。</translation>
    </message>
    <message>
        <source>depth {0}: {1}</source>
        <translation>第 {0} 层：{1}</translation>
    </message>
    <message>
        <source>{0} served {1} event(s) on {2} item(s)</source>
        <translation>{0} 用于 {2} 台件器具的 {1} 条记录</translation>
    </message>
    <message>
        <source>Export the reverse trace</source>
        <translation>导出反向追溯</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>RevisionsTree</name>
    <message>
        <source>Revision</source>
        <extracomment>the id of the revision the user double-clicked</extracomment>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>检定/校准人员</translation>
    </message>
</context>
<context>
    <name>RiskBanner</name>
    <message>
        <source>Traceability at risk:</source>
        <extracomment>(background, border and text) of a banner naming an open action or investigation, and of one naming only a failed check</extracomment>
        <translation>溯源存在风险：</translation>
    </message>
    <message>
        <source>Open corrective action #{0} &quot;{1}&quot; from comparison &quot;{2}&quot;</source>
        <translation>未关闭的纠正措施 #{0}“{1}”，来自比对“{2}”</translation>
    </message>
    <message>
        <source>Open impact investigation #{0} opened {1}</source>
        <translation>未关闭的影响调查 #{0}，{1} 开启</translation>
    </message>
    <message>
        <source>Failed intermediate check on {0}</source>
        <translation>{0} 期间核查不合格</translation>
    </message>
    <message>
        <source>Show the corrective actions on the PT plan page</source>
        <translation>在能力验证计划页查看纠正措施</translation>
    </message>
    <message>
        <source>Open the investigation</source>
        <translation>打开该影响调查</translation>
    </message>
    <message>
        <source>Show the intermediate checks</source>
        <translation>查看期间核查</translation>
    </message>
</context>
<context>
    <name>ScopeDialog</name>
    <message>
        <source>Sub-discipline of {0}</source>
        <translation>{0} 所属子领域</translation>
    </message>
    <message>
        <source>Sub-discipline:</source>
        <translation>子领域：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>测量量：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Logging in…</source>
        <extracomment>the person logged in on :attr:`db` (``labapp.services.accounts.Actor``), or None True while the idle lock holds (the person&apos;s key is forgotten until the password)</extracomment>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up a new laboratory — {0}</source>
        <translation>设置新实验室 — {0}</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>checked (核验)</source>
        <extracomment>signature meaning (``check`` / ``approve``) -&gt; its words (both languages keep the Chinese term)</extracomment>
        <translation>核验</translation>
    </message>
    <message>
        <source>approved (批准)</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation>电子签名</translation>
    </message>
    <message>
        <source>By entering your password you sign this record as {0}. The signature keeps who signed, when and what it means; the record cannot be changed afterwards without breaking the seal.</source>
        <translation>输入密码即表示您以“{0}”签署此记录。签名会记录签署人、时间及其含义；此后若修改记录，封签即被破坏。</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>器具：</translation>
    </message>
    <message>
        <source>Meaning:</source>
        <translation>含义：</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>{0}, revision {1}, performed {2}</source>
        <translation>{0}，第 {1} 版，实施日期 {2}</translation>
    </message>
    <message>
        <source>, certificate {0}</source>
        <translation>，证书 {0}</translation>
    </message>
</context>
<context>
    <name>StabilityModel</name>
    <message>
        <source>Group</source>
        <translation>组号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Group mean</source>
        <translation>组平均值</translation>
    </message>
</context>
<context>
    <name>StandardsModel</name>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>计量标准</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>测量量</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>overdue</source>
        <extracomment>reason codes of ``StandardOption.reason`` -&gt; words</extracomment>
        <translation>已超期</translation>
    </message>
    <message>
        <source>certificate expired</source>
        <translation>证书已过期</translation>
    </message>
    <message>
        <source>failed its last calibration</source>
        <translation>上次检定/校准不合格</translation>
    </message>
    <message>
        <source>out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>never calibrated</source>
        <translation>从未检定/校准</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>无证书</translation>
    </message>
    <message>
        <source>not in service</source>
        <translation>不在用</translation>
    </message>
</context>
<context>
    <name>StandardsPanel</name>
    <message>
        <source>Tick the standards used. Standards not valid on the event&apos;s date are grey; using one asks for a reason, which is kept in the audit log.</source>
        <translation>勾选所用的计量标准。在记录日期不在有效期内的计量标准显示为灰色；使用时需要说明原因，原因将记入审计日志。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Creating the demo laboratory…</source>
        <translation>正在创建演示实验室…</translation>
    </message>
</context>
<context>
    <name>SubdisciplineDialog</name>
    <message>
        <source>New sub-discipline</source>
        <translation>新建子领域</translation>
    </message>
    <message>
        <source>Sub-discipline</source>
        <translation>子领域</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>测量量：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>In the scope:</source>
        <translation>在认可范围内：</translation>
    </message>
    <message>
        <source>e.g. DC voltage, or mass 1 mg–1 kg</source>
        <translation>例如：直流电压，或质量 1 mg–1 kg</translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>Item</source>
        <translation>器具</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>上级计量机构</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>U</source>
        <translation>U</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Broken link</source>
        <translation>断开的环节</translation>
    </message>
    <message>
        <source>valid until {valid_until}, used on {used_on}</source>
        <extracomment>extra words for a reason, from its params</extracomment>
        <translation>有效期至 {valid_until}，使用于 {used_on}</translation>
    </message>
    <message>
        <source>none on {used_on}</source>
        <translation>{used_on} 时无有效证书</translation>
    </message>
    <message>
        <source>certificate {certificate_no}</source>
        <translation>证书 {certificate_no}</translation>
    </message>
    <message>
        <source>{provider}, {quantity}</source>
        <translation>{provider}，{quantity}</translation>
    </message>
</context>
<context>
    <name>TraceabilityView</name>
    <message>
        <source>Traceability</source>
        <extracomment>what &quot;Export…&quot; writes: the whole lab, its standards, or the chain shown</extracomment>
        <translation>量值溯源</translation>
    </message>
    <message>
        <source>Asset tag of an instrument or standard</source>
        <translation>器具或计量标准的资产编号</translation>
    </message>
    <message>
        <source>At:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Show chain</source>
        <translation>显示溯源链</translation>
    </message>
    <message>
        <source>Forward chain</source>
        <translation>正向溯源链</translation>
    </message>
    <message>
        <source>Broken chains</source>
        <translation>断开的溯源链</translation>
    </message>
    <message>
        <source>Reverse trace</source>
        <translation>反向追溯</translation>
    </message>
    <message>
        <source>Whole laboratory</source>
        <translation>全实验室</translation>
    </message>
    <message>
        <source>Measurement standards only</source>
        <translation>仅计量标准</translation>
    </message>
    <message>
        <source>This item&apos;s chain</source>
        <translation>当前器具的溯源链</translation>
    </message>
    <message>
        <source>What the traceability table lists</source>
        <translation>溯源表包含的范围</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the traceability table (one row per link) to an Excel workbook</source>
        <translation>将量值溯源表（每个溯源环节一行）导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Type an asset tag to see its traceability chain.</source>
        <translation>输入资产编号以查看其溯源链。</translation>
    </message>
    <message>
        <source>The chain reaches a national metrology institute.</source>
        <translation>溯源链可追溯至国家计量院。</translation>
    </message>
    <message>
        <source>The chain does not reach a national metrology institute.</source>
        <translation>溯源链未能追溯至国家计量院。</translation>
    </message>
    <message numerus="yes">
        <source>%n broken link(s), shown in red.</source>
        <translation>
            <numerusform>%n 个断开的环节，以红色显示。</numerusform>
        </translation>
    </message>
    <message>
        <source>No broken link.</source>
        <translation>没有断开的环节。</translation>
    </message>
    <message>
        <source>Export the traceability table</source>
        <translation>导出量值溯源表</translation>
    </message>
    <message>
        <source>Writing the traceability table…</source>
        <translation>正在写入量值溯源表…</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw {0}</source>
        <translation>作废 {0}</translation>
    </message>
    <message>
        <source>Withdrawn from:</source>
        <translation>作废日期：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>e.g. replaced by JJG 315-2024</source>
        <translation>如 由 JJG 315-2024 代替</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
</TS>
