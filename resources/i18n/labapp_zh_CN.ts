<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AreaView</name>
    <message>
        <source>Calibrations</source>
        <extracomment>page key -&gt; (title, what the area holds)</extracomment>
        <translation>检定校准</translation>
    </message>
    <message>
        <source>Verification, calibration and intermediate-check results of each instrument: measurement points, errors of indication, uncertainties and the pass/fail decision, checked and approved by a second person.</source>
        <translation>每台计量器具的检定、校准和期间核查结果：测量点、示值误差、测量不确定度及合格/不合格判定，经核验员核验、批准人批准。</translation>
    </message>
    <message>
        <source>Traceability</source>
        <translation>量值溯源</translation>
    </message>
    <message>
        <source>The traceability chain of every standard and instrument, from the national metrology institute through the lab&apos;s standards, with the certificate behind each link.</source>
        <translation>每台计量标准和计量器具的溯源链：从国家计量院经本实验室的计量标准逐级传递，每一环节附有相应证书。</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>周检计划</translation>
    </message>
    <message>
        <source>The re-verification plan: what falls due in the coming months, where it goes and the on-time verification rate.</source>
        <translation>量值溯源计划：未来几个月内到期的器具、送往何处检定校准，以及受检率。</translation>
    </message>
    <message>
        <source>Comparisons</source>
        <translation>计量比对</translation>
    </message>
    <message>
        <source>Comparisons and proficiency testing: the lab&apos;s results against the assigned value, with En numbers, z-scores and zeta scores.</source>
        <translation>计量比对与能力验证：本实验室结果与指定值的比较，包括 En 值、z 比分数和 ζ 分数。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit trail</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message numerus="yes">
        <source>Latest %n entries, newest first</source>
        <translation>
            <numerusform>最近 %n 条记录，最新的在前</numerusform>
        </translation>
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
    <name>Errors</name>
    <message>
        <source>This file is not a LabApp database.</source>
        <translation>此文件不是 LabApp 数据库。</translation>
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
        <source>Invalid value for {0}: {1}</source>
        <translation>{0} 的值无效：{1}</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
    <message>
        <source>LabApp</source>
        <translation>LabApp</translation>
    </message>
</context>
<context>
    <name>InstrumentTableModel</name>
    <message>
        <source>Asset tag</source>
        <extracomment>column -&gt; (DTO attribute, header)</extracomment>
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
        <source>Role</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>保管人</translation>
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
        <source>Overdue</source>
        <extracomment>Raw stored value of the row&apos;s due state (overdue / due_soon / ok / none). loader(search, limit, offset, deliver) must eventually call deliver(list_of_rows) once.</extracomment>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
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
        <source>Simple acceptance</source>
        <translation>简单接受</translation>
    </message>
    <message>
        <source>Guard band</source>
        <translation>保护带</translation>
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
        <source>Planning</source>
        <translation>周检计划</translation>
    </message>
    <message>
        <source>Comparisons</source>
        <translation>计量比对</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计追踪</translation>
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
        <source>Recent databases</source>
        <translation>最近使用的数据库</translation>
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
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>Database: {0} ({1})</source>
        <translation>数据库：{0}（{1}）</translation>
    </message>
    <message>
        <source>User: {0}</source>
        <translation>用户：{0}</translation>
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
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Overview</source>
        <extracomment>card key -&gt; (LabOverview field, page it opens, register order hint)</extracomment>
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
        <source>No database is open.</source>
        <translation>未打开数据库。</translation>
    </message>
    <message>
        <source>Database: {0} — as of {1}</source>
        <translation>数据库：{0} — 截至 {1}</translation>
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
        <source>Default decision rule:</source>
        <translation>默认判定规则：</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
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
        <source>Empty: your login name ({0})</source>
        <translation>留空：使用登录名（{0}）</translation>
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
    <name>RegisterView</name>
    <message>
        <source>Register of instruments and standards</source>
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
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due within {0} days</source>
        <translation>{0} 天内到期</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) shown</source>
        <translation>
            <numerusform>已显示 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source> — scroll for more</source>
        <translation> — 向下滚动加载更多</translation>
    </message>
</context>
<context>
    <name>Session</name>
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
    <name>Startup</name>
    <message>
        <source>Creating the demo laboratory…</source>
        <translation>正在创建演示实验室…</translation>
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
