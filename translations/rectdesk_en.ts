<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnswerDialog</name>
    <message>
        <source>登记答复</source>
        <translation>Record answer</translation>
    </message>
    <message>
        <source>登记重新办理的答复</source>
        <translation>Record the second handling&apos;s answer</translation>
    </message>
    <message>
        <source>答复日期：</source>
        <translation>Answered on:</translation>
    </message>
    <message>
        <source>{0}类&#x3000;{1}</source>
        <translation>Class {0}: {1}</translation>
    </message>
    <message>
        <source>答复分类：</source>
        <translation>Answer class:</translation>
    </message>
    <message>
        <source>如：县卫健函〔2026〕8号</source>
        <translation>e.g. 县卫健函〔2026〕8号</translation>
    </message>
    <message>
        <source>答复函文号：</source>
        <translation>Letter number:</translation>
    </message>
    <message>
        <source>签发人：</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>联系人：</source>
        <translation>Contact person:</translation>
    </message>
    <message>
        <source>联系电话：</source>
        <translation>Contact phone:</translation>
    </message>
    <message>
        <source>答复正文：</source>
        <translation>Answer text:</translation>
    </message>
    <message>
        <source>（尚未反馈）</source>
        <translation>(no feedback yet)</translation>
    </message>
    <message>
        <source>代表委员满意度：</source>
        <translation>Proposer&apos;s satisfaction:</translation>
    </message>
    <message>
        <source>反馈日期：</source>
        <translation>Feedback date:</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>整改台账桌面助手</source>
        <translation>RectDesk</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>审计日志 — 事项 {0}</source>
        <translation>Audit log — item {0}</translation>
    </message>
    <message>
        <source>手机号、身份证号脱敏（默认）</source>
        <translation>Mask mobile and ID numbers (default)</translation>
    </message>
    <message>
        <source>完整（仅内部使用，记入审计日志）</source>
        <translation>Full (internal use only, recorded in the audit log)</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>导出方式：</source>
        <translation>Export mode:</translation>
    </message>
    <message>
        <source>共 {0} 条记录（新的在前）</source>
        <translation>{0} entries (newest first)</translation>
    </message>
    <message>
        <source>显示最近 {0} 条记录；导出可得到全部记录</source>
        <translation>Showing the latest {0} entries; export to get all of them</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>已导出 {0} 条记录：{1}</source>
        <translation>Exported {0} entries: {1}</translation>
    </message>
    <message>
        <source>导出审计日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>序号</source>
        <extracomment>The window shows the newest entries; the export holds all of them. The columns holding an action or a field name (audit.rows), shown translated.</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>备份到指定文件夹（如 U 盘）…</source>
        <translation>Back up to a folder (e.g. USB drive)…</translation>
    </message>
    <message>
        <source>用所选备份恢复…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <source>从其他位置恢复…</source>
        <translation>Restore from another location…</translation>
    </message>
    <message>
        <source>只读方式打开时不能恢复。</source>
        <translation>Cannot restore while opened read-only.</translation>
    </message>
    <message>
        <source>自动备份位置：{0}
每天首次启动和每次导入前自动备份；每日备份保留 {1} 天，每周备份保留 {2} 周。恢复前会先另存当前数据。</source>
        <translation>Automatic backups: {0}
A backup is made at the first start each day and before every import; daily backups are kept {1} days, weekly backups {2} weeks. The current data is saved before any restore.</translation>
    </message>
    <message>
        <source>设置已保存。</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>选择备份保存的文件夹（如 U 盘）</source>
        <translation>Choose a folder for the backup (e.g. USB drive)</translation>
    </message>
    <message>
        <source>正在备份并检查备份…</source>
        <translation>Backing up and verifying…</translation>
    </message>
    <message>
        <source>备份完成并已通过检查：{0}</source>
        <translation>Backup done and verified: {0}</translation>
    </message>
    <message>
        <source>已取消备份，原有数据和旧备份均未改动。</source>
        <translation>Backup cancelled; data and earlier backups are unchanged.</translation>
    </message>
    <message>
        <source>正在备份</source>
        <translation>Backing up</translation>
    </message>
    <message>
        <source>正在备份，请等备份完成后再关闭。</source>
        <translation>A backup is running; please wait for it to finish before closing.</translation>
    </message>
    <message>
        <source>请先在列表中选择一个备份。</source>
        <translation>Select a backup in the list first.</translation>
    </message>
    <message>
        <source>选择要恢复的备份文件夹</source>
        <translation>Choose the backup folder to restore</translation>
    </message>
    <message>
        <source>确认恢复</source>
        <translation>Confirm restore</translation>
    </message>
    <message>
        <source>将用 {0} 的备份替换当前数据，之后所做的修改将不再显示。
当前数据会先另存一份，可以再恢复回来。

确定恢复吗？</source>
        <translation>The current data will be replaced by the backup of {0}; changes made since then will no longer appear.
A copy of the current data is saved first, so you can restore it again.

Restore now?</translation>
    </message>
    <message>
        <source>已从备份恢复。恢复前的数据已另存到：{0}</source>
        <translation>Restored from backup. The previous data was saved to: {0}</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>数据安全</source>
        <translation>Data safety</translation>
    </message>
    <message>
        <source>备份与恢复…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <source>审计日志…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <source>服务器上的台账由服务器备份：请管理员用“rectdesk-cli backup”或数据库自己的备份工具。</source>
        <translation>A ledger on a server is backed up on the server: ask the administrator to use &quot;rectdesk-cli backup&quot; or the database&apos;s own backup tools.</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>事项数</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已验证</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>未通过验证</source>
        <translation>Failed verification</translation>
    </message>
</context>
<context>
    <name>BackupSettingsBox</name>
    <message>
        <source>自动备份设置</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <source>每天首次启动时自动备份</source>
        <translation>Back up automatically at the first start each day</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source> 周</source>
        <translation> weeks</translation>
    </message>
    <message>
        <source>留空：数据文件旁的 backups 文件夹</source>
        <translation>Empty: the backups folder next to the data file</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>每日备份保留：</source>
        <translation>Keep daily backups:</translation>
    </message>
    <message>
        <source>每周备份保留：</source>
        <translation>Keep weekly backups:</translation>
    </message>
    <message>
        <source>自动备份文件夹：</source>
        <translation>Backup folder:</translation>
    </message>
    <message>
        <source>选择自动备份文件夹</source>
        <translation>Choose the automatic backup folder</translation>
    </message>
    <message>
        <source>设置未保存</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <source>“自动备份文件夹”要写完整的位置，如 D:\备份 或 /media/U盘/备份；也可以点“选择…”找到它。留空则备份在数据文件旁。</source>
        <translation>Give the automatic backup folder&apos;s full location, such as D:\Backups or /media/usb/backups, or find it with “Choose…”. Left empty, backups go beside the data file.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>{0}（逾期{1}）</source>
        <translation>{0} ({1} overdue)</translation>
    </message>
</context>
<context>
    <name>BatchPage</name>
    <message>
        <source>导入到哪个批次</source>
        <translation>Import into which batch</translation>
    </message>
    <message>
        <source>新建批次</source>
        <translation>New batch</translation>
    </message>
    <message>
        <source>导入到已有批次（按编号或内容匹配，更新已有事项）</source>
        <translation>Existing batch (match by number or content, update existing items)</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>如 安人常办〔2021〕72号</source>
        <translation>e.g. the number of the upper level&apos;s document</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>未写年份的整改时限按此年份理解（年份来源：{source}）。</source>
        <translation>Deadlines without a year are read as this year (year taken from: {source}).</translation>
    </message>
    <message>
        <source>这个表格的 {rows} 条事项中有 {matched} 条已在批次“{name}”中（按编号和内容比对），可能是重发的清单：建议导入到这个批次，逐项核对修改，不要新建重复的批次。</source>
        <translation>{matched} of the {rows} items in this table are already in batch “{name}” (compared by number and content); it may be a list sent again: import into that batch and check each change, rather than making a duplicate batch.</translation>
    </message>
</context>
<context>
    <name>BulkDialogs</name>
    <message>
        <source>当前以只读方式打开，不能修改数据。</source>
        <translation>Opened read-only; data cannot be changed.</translation>
    </message>
    <message>
        <source>请先在列表中选择事项。</source>
        <translation>Select items in the list first.</translation>
    </message>
    <message>
        <source>选中事项的状态各不相同，没有一个可以统一改成的状态，请分开修改。</source>
        <translation>The selected items have different statuses and no status suits them all; change them separately.</translation>
    </message>
    <message>
        <source>删除事项</source>
        <translation>Delete items</translation>
    </message>
    <message>
        <source>确定删除选中的 {0} 条事项吗？其台账和佐证材料记录一并删除（可以撤销）。</source>
        <translation>Delete the {0} selected items? Their ledger entries and evidence records are deleted too (can be undone).</translation>
    </message>
</context>
<context>
    <name>CloseOffDialog</name>
    <message>
        <source>销号</source>
        <translation>Close off</translation>
    </message>
    <message>
        <source>为选中的 {0} 条事项销号。只有已完成（待销号）或长期坚持的事项可以销号。</source>
        <translation>Close off the {0} selected items. Only completed (awaiting close-off) or ongoing items can be closed off.</translation>
    </message>
    <message>
        <source>如：经县委巡察办审核同意销号（可不填）</source>
        <translation>e.g. approved by the county inspection office (optional)</translation>
    </message>
    <message>
        <source>销号日期：</source>
        <translation>Closed on:</translation>
    </message>
    <message>
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>佐证材料：</source>
        <translation>Evidence:</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>问题/意见建议内容</source>
        <translation>Problem / suggestion</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>前一轮进展</source>
        <translation>Earlier progress</translation>
    </message>
    <message>
        <source>本轮进展</source>
        <translation>This round&apos;s progress</translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>第{0}轮进展</source>
        <translation>Round {0} progress</translation>
    </message>
    <message>
        <source>未报送</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>无</source>
        <translation>No</translation>
    </message>
    <message>
        <source>（未报送）</source>
        <translation>(not answered)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>连接台账服务器</source>
        <extracomment>QSettings keys of the remembered server ledger.</extracomment>
        <translation>Connect to a ledger server</translation>
    </message>
    <message>
        <source>几位同事共用一本台账时，台账放在单位内网的 PostgreSQL 服务器上。请填写管理员告诉您的服务器地址、数据库名和用户名。</source>
        <extracomment>The address chosen (&quot;&quot; = use this PC&apos;s data file), set on accept.</extracomment>
        <translation>When several colleagues share one ledger, it lives on a PostgreSQL server in the office network. Enter the server address, database name and user name your administrator gave you.</translation>
    </message>
    <message>
        <source>例如 192.168.1.10</source>
        <translation>e.g. 192.168.1.10</translation>
    </message>
    <message>
        <source>例如 rectdesk</source>
        <translation>e.g. rectdesk</translation>
    </message>
    <message>
        <source>各台电脑都能打开的共享文件夹</source>
        <translation>A shared folder every PC can open</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>服务器：</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>端口：</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>数据库名：</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>佐证材料文件夹：</source>
        <translation>Evidence folder:</translation>
    </message>
    <message>
        <source>只读连接：只查看和打印，不修改（供领导使用）</source>
        <translation>Read-only connection: look and print, no changes (for leaders)</translation>
    </message>
    <message>
        <source>RectDesk 不保存密码。需要密码时，请把它写在 PostgreSQL 的密码文件里（每行“服务器:端口:数据库名:用户名:密码”）：</source>
        <translation>RectDesk never stores passwords. If a password is needed, put it in PostgreSQL&apos;s password file (one line per server: &quot;host:port:database:user:password&quot;):</translation>
    </message>
    <message>
        <source>、</source>
        <translation>,</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>改用本机数据文件</source>
        <translation>Use the data file on this PC</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>选择佐证材料共享文件夹</source>
        <translation>Choose the shared evidence folder</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>数据库名</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>请填写：{0}。</source>
        <translation>Please fill in: {0}.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>添加沟通记录</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>方式：</source>
        <translation>Method:</translation>
    </message>
    <message>
        <source>参加人员：</source>
        <translation>Participants:</translation>
    </message>
    <message>
        <source>征求到意见（条）：</source>
        <translation>Opinions received:</translation>
    </message>
    <message>
        <source>沟通内容：</source>
        <translation>What was discussed:</translation>
    </message>
</context>
<context>
    <name>CrashHook</name>
    <message>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>发生了意外错误，RectDesk 会尽量继续运行。
详情已写入日志文件：{0}</source>
        <translation>An unexpected error occurred; RectDesk will try to keep running.
Details were written to the log file: {0}</translation>
    </message>
    <message>
        <source>复制报告</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>上次打开的 RectDesk（{0} 启动）因程序错误意外退出了。</source>
        <translation>RectDesk (started {0}) closed unexpectedly because of a program error.</translation>
    </message>
    <message>
        <source>上次打开的 RectDesk（{0} 启动）没有正常关闭，可能是被强制结束或电脑断电。</source>
        <translation>RectDesk (started {0}) did not close normally; it may have been ended by force or the computer lost power.</translation>
    </message>
    <message>
        <source>程序上次意外退出</source>
        <translation>RectDesk closed unexpectedly last time</translation>
    </message>
    <message>
        <source>已保存的修改不受影响（每次修改都是立即保存的，没写完的导入会整个撤回）。退出前的记录在日志文件中：
{0}

如果这种情况再次出现，请把这个文件发给信息化管理人员。</source>
        <translation>Saved changes are not affected (every change is saved at once; an unfinished import is taken back whole). What happened before it closed is in the log file:
{0}

If this happens again, please send this file to your IT support.</translation>
    </message>
    <message>
        <source>打开日志所在文件夹</source>
        <translation>Open the log folder</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>按责任单位（牵头或配合）</source>
        <extracomment>How many departments the chart shows (the table lists them all). An ItemQuery selecting exactly the items behind a clicked figure. The clickable figures by key: total, overdue, soon, status_&lt;code&gt;.</extracomment>
        <translation>By responsible unit (lead or assisting)</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>完成率</source>
        <translation>Done %</translation>
    </message>
    <message>
        <source>按类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>截至 {0}年{1}月{2}日</source>
        <translation>As of {0}-{1:02d}-{2:02d}</translation>
    </message>
    <message>
        <source>全部事项</source>
        <translation>All items</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>{0}日内到期</source>
        <translation>Due within {0} days</translation>
    </message>
    <message>
        <source>逾期事项</source>
        <translation>Overdue items</translation>
    </message>
    <message>
        <source>{0}（共 {1} 条，列出最早的 {2} 条）</source>
        <translation>{0} ({1} in all, earliest {2} listed)</translation>
    </message>
    <message>
        <source>{0}（{1} 条）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>点击查看这 {0} 条事项</source>
        <translation>Click to list these {0} items</translation>
    </message>
    <message>
        <source>事项最多的 {0} 个单位（红色为逾期）</source>
        <translation>Top {0} units by items (red: overdue)</translation>
    </message>
    <message>
        <source>各单位事项数（红色为逾期）</source>
        <translation>Items per unit (red: overdue)</translation>
    </message>
    <message>
        <source>{0}：{1} 条，已完成 {2} 条，逾期 {3} 条</source>
        <translation>{0}: {1} items, {2} done, {3} overdue</translation>
    </message>
    <message>
        <source>逾期{0}天</source>
        <translation>{0} days overdue</translation>
    </message>
    <message>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>还有{0}天</source>
        <translation>{0} days left</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>修改整改时限</source>
        <translation>Change deadline</translation>
    </message>
    <message>
        <source>为选中的 {0} 条事项填写整改时限，如“2024年6月30日”“12月底前”“立行立改”“长期坚持”；没写年份时按各事项所在批次的年份计算。</source>
        <translation>Enter the deadline for the {0} selected items, e.g. “2024年6月30日”, “12月底前”, “立行立改”, “长期坚持”; without a year, each item&apos;s batch year is used.</translation>
    </message>
    <message>
        <source>整改时限：</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>解读为：{0}</source>
        <translation>Read as: {0}</translation>
    </message>
    <message>
        <source>，并长期坚持</source>
        <translation>, then ongoing</translation>
    </message>
    <message>
        <source>解读为：长期坚持</source>
        <translation>Read as: ongoing</translation>
    </message>
    <message>
        <source>解读为：立行立改</source>
        <translation>Read as: immediately</translation>
    </message>
    <message>
        <source>（没有可识别的日期）</source>
        <translation>(no recognisable date)</translation>
    </message>
    <message>
        <source>注意：{0}</source>
        <translation>Note: {0}</translation>
    </message>
</context>
<context>
    <name>DepartmentsEditor</name>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>双击一个单位把它设为牵头单位</source>
        <extracomment>Lines a text editor shows at least (an empty field stays small) and at most (then scrolls). Endings of unit names that vary between lists for the same unit (医政医管科 / 医政医管处).</extracomment>
        <translation>Double-click a unit to make it the lead</translation>
    </message>
    <message>
        <source>输入单位名称，回车添加</source>
        <translation>Type a unit&apos;s name, Enter adds it</translation>
    </message>
    <message>
        <source>设为牵头</source>
        <translation>Make lead</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>把输入的单位加为配合单位（第一个为牵头单位）</source>
        <translation>Add the unit typed as assisting (the first one leads)</translation>
    </message>
    <message>
        <source>把选中的单位设为牵头单位</source>
        <translation>Make the selected unit the lead</translation>
    </message>
    <message>
        <source>从这条事项移除选中的单位</source>
        <translation>Remove the selected unit from this item</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>配合</source>
        <translation>Assisting</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>台账里已有相近的单位：{0}。
同一个单位写法不同，统计时会被算成两个单位。</source>
        <translation>The ledger already has a similar unit: {0}.
One unit spelt two ways is counted as two units in every statistic.</translation>
    </message>
    <message>
        <source>用“{0}”</source>
        <translation>Use “{0}”</translation>
    </message>
    <message>
        <source>仍用“{0}”</source>
        <translation>Keep “{0}”</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>在列表中选择一条事项，在这里查看和修改。</source>
        <extracomment>Single-line fields, in form order. Multi-line fields. Audit actions and record names as the change history shows them. A bulk action asked for on the several-items page (a function name of bulk_dialogs). An edit could not be saved because the server is out of reach (the sentence). An edit could not be saved (server away): the panel keeps its item until it is.</extracomment>
        <translation>Select an item in the list to view and edit it here.</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>变更记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>提案</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>{0}&#x3000;[{1}]</source>
        <translation>{0} [{1}]</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&#x3000;{1}&lt;br&gt;{2}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;  {1}&lt;br&gt;{2}</translation>
    </message>
    <message>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>改为“已销号”时会要求填写销号日期和佐证材料</source>
        <translation>Changing to “Closed off” asks for the close-off date and evidence</translation>
    </message>
    <message>
        <source>照原表写法填写，如“2024年6月底前”“立行立改”“长期坚持”</source>
        <translation>Written as in the source table: a date, or the Chinese wording for “by the end of June 2024”, “immediately” or “ongoing”</translation>
    </message>
    <message>
        <source>其他字段：</source>
        <translation>Other fields:</translation>
    </message>
    <message>
        <source>此事项已被他人修改，这里已显示最新内容；您正在填写的内容仍保留，离开输入框即保存。</source>
        <translation>Someone else changed this item; the latest content is shown here. What you are typing is kept and saved when you leave the field.</translation>
    </message>
    <message>
        <source>此事项已被他人修改，改的正是您正在填写的栏目；您填写的内容仍保留，保存时会说明谁改了什么，请重新载入核对后再保存。</source>
        <translation>Someone else changed this item, in the very field you are filling in. What you typed is kept; saving will say who changed what. Reload and check before saving again.</translation>
    </message>
    <message>
        <source>（无编号）</source>
        <translation>(no number)</translation>
    </message>
    <message>
        <source>（尚无进展，在“台账”中添加）</source>
        <translation>(no progress yet; add it under “Ledger”)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>解读为：{0}</source>
        <translation>Read as: {0}</translation>
    </message>
    <message>
        <source>，并长期坚持</source>
        <translation>, then ongoing</translation>
    </message>
    <message>
        <source>解读为：长期坚持</source>
        <translation>Read as: ongoing</translation>
    </message>
    <message>
        <source>解读为：立行立改</source>
        <translation>Read as: immediately</translation>
    </message>
    <message>
        <source>没有可识别的日期</source>
        <translation>No recognisable date</translation>
    </message>
    <message>
        <source>注意：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <source>不予整改</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>请说明理由（如：非建设性建议、不属于职责范围）：</source>
        <translation>Give the reason (e.g. not a constructive suggestion, outside our remit):</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>下发报送表</source>
        <translation>Send report sheets</translation>
    </message>
    <message>
        <source>为每个责任单位生成一份报送表（Excel），单位填写整改措施、进展和完成情况后报回；同时生成报送通知（Word）。报送表中意见来源的电话和身份证号默认脱敏。</source>
        <translation>Makes one report sheet (Excel) per responsible unit, which the unit fills with measures, progress and status and sends back, and a covering notice (Word). Phone and ID numbers in the source column are masked by default.</translation>
    </message>
    <message>
        <source>{0}（{1} 条）</source>
        <translation>{0} ({1} items)</translation>
    </message>
    <message>
        <source>整个批次（已销号和不予整改的除外）</source>
        <translation>The whole batch (except closed-off and declined items)</translation>
    </message>
    <message>
        <source>只下发选中的 {0} 条事项</source>
        <translation>Only the {0} selected items</translation>
    </message>
    <message>
        <source>报送截止</source>
        <translation>Cut-off</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>保留完整个人信息（不脱敏，仅限内部使用，记入审计日志）</source>
        <translation>Keep full personal data (unmasked, internal use only, written to the audit log)</translation>
    </message>
    <message>
        <source>同时生成报送通知（Word）</source>
        <translation>Also make the covering notice (Word)</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Cut-off date</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>下发后，这里列出为每个单位生成的文件。</source>
        <translation>After sending, the file made for each unit is listed here.</translation>
    </message>
    <message>
        <source>下发</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>当前以只读方式打开，不能下发。</source>
        <translation>Opened read-only: nothing can be sent.</translation>
    </message>
    <message>
        <source>第{0}轮是新的一轮；选择之前的轮次则重新下发该轮。</source>
        <translation>Round {0} is a new round; choose an earlier round to send it again.</translation>
    </message>
    <message>
        <source>这个批次第一次下发。</source>
        <translation>First sending of this batch.</translation>
    </message>
    <message>
        <source>选择保存报送表的文件夹</source>
        <translation>Choose the folder for the report sheets</translation>
    </message>
    <message>
        <source>请选择批次和保存报送表的文件夹。</source>
        <translation>Please choose the batch and the folder for the report sheets.</translation>
    </message>
    <message>
        <source>已生成 {0} / {1} 个单位的报送表…</source>
        <translation>Sheets made for {0} of {1} units…</translation>
    </message>
    <message>
        <source>已取消下发，没有生成任何文件。</source>
        <translation>Sending cancelled; no file was made.</translation>
    </message>
    <message>
        <source>正在下发…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>重新下发第{0}轮</source>
        <translation>Round {0} sent again</translation>
    </message>
    <message>
        <source>已下发第{0}轮</source>
        <translation>Round {0} sent</translation>
    </message>
    <message>
        <source>{0}：{1} 个单位，文件保存在“{2}”。</source>
        <translation>{0}: {1} units, files saved in “{2}”.</translation>
    </message>
    <message>
        <source>{0}：牵头 {1} 条、配合 {2} 条 — {3}</source>
        <translation>{0}: leads {1}, assists {2} — {3}</translation>
    </message>
    <message>
        <source>报送通知：{0}</source>
        <translation>Covering notice: {0}</translation>
    </message>
    <message>
        <source>本次下发保留了完整个人信息，已记入审计日志。</source>
        <translation>This sending kept full personal data and was written to the audit log.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>本单位要求销号先审核：请先提出销号申请，审核通过后再销号</source>
        <extracomment>A reason shorter than this is not a reason (“无”, “-”).</extracomment>
        <translation>Close-offs here must be reviewed first: apply for the close-off and close it off once it is approved</translation>
    </message>
    <message>
        <source>销号申请尚未审核，请审核通过后再销号</source>
        <translation>The close-off application is not reviewed yet; close it off once it is approved</translation>
    </message>
    <message>
        <source>销号申请审核未通过，请补充材料后重新申请</source>
        <translation>The close-off application was returned; add the missing material and apply again</translation>
    </message>
    <message>
        <source>没有任何佐证材料，销号需要写明理由（如“会议纪要已报纪检组存档”）；或先添加佐证材料</source>
        <translation>There is no evidence at all: closing off needs a written reason (such as where the meeting minutes were filed), or add evidence first</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>不能把状态从“{old}”直接改为“{new}”，可改为：{allowed}。</source>
        <translation>The status cannot go from “{old}” straight to “{new}”. It can change to: {allowed}.</translation>
    </message>
    <message>
        <source>销号需要填写销号日期，请填写后再销号。</source>
        <translation>Closing off needs a close-off date. Fill it in, then close off.</translation>
    </message>
    <message>
        <source>不予整改需要说明理由（如：非建设性建议、不属于职责范围）。</source>
        <translation>Declining needs a reason (for example: not a constructive suggestion, or outside our responsibilities).</translation>
    </message>
    <message>
        <source>无法识别的状态“{value}”，可用：{codes}。</source>
        <translation>Unknown status “{value}”. Use one of: {codes}.</translation>
    </message>
    <message>
        <source>“{text}”不是督办函文号，请写成〔2026〕3号或 2026-3 这样的形式。</source>
        <extracomment>Results a clerk picks for a reply (any other text is kept as typed).</extracomment>
        <translation>“{text}” is not a letter number. Write it like 〔2026〕3号 or 2026-3.</translation>
    </message>
    <message>
        <source>磁盘空间不足，无法写入“{name}”，请清理磁盘或换一个位置后重试。</source>
        <translation>Not enough disk space to write “{name}”. Free up space or choose another location, then try again.</translation>
    </message>
    <message>
        <source>没有权限写入“{path}”，请换一个文件夹，或关闭正在使用该文件的程序（如 WPS）后重试。</source>
        <translation>No permission to write “{path}”. Choose another folder, or close the program using the file (such as WPS) and try again.</translation>
    </message>
    <message>
        <source>无法写入“{path}”：位置不存在或设备已移除（如 U 盘被拔出），请检查后重试。</source>
        <translation>“{path}” cannot be written: the location does not exist or the device was removed (such as a USB drive). Check it and try again.</translation>
    </message>
    <message>
        <source>“{folder}”是只读位置，请换一个文件夹保存。</source>
        <translation>“{folder}” is read-only. Save to another folder.</translation>
    </message>
    <message>
        <source>写入“{name}”失败，请检查磁盘和文件夹后重试。</source>
        <translation>Writing “{name}” failed. Check the disk and the folder, then try again.</translation>
    </message>
    <message>
        <source>表格文字总量过大（超过一亿字），已停止读取，请检查文件。</source>
        <extracomment>Excel&apos;s own limit on the characters in a cell; longer text is cut with a warning. Columns beyond this are ignored (no ledger has two hundred columns). Excel&apos;s own row limit. All the text of one file together; beyond it the file is refused (memory stays bounded). Cells that merged ranges may fill in; a few bytes of XML can otherwise ask for billions.</extracomment>
        <translation>The table holds too much text (over 100 million characters); reading stopped. Please check the file.</translation>
    </message>
    <message>
        <source>第{row}行单元格超过 {limit} 个字符，已截断</source>
        <translation>A cell in row {row} has more than {limit} characters and was cut short</translation>
    </message>
    <message>
        <source>读取过程中文件被移走、删除或无法读取，请把文件复制到本机后再导入。</source>
        <translation>The file was moved, deleted or became unreadable while it was read. Copy it to this computer, then import it.</translation>
    </message>
    <message>
        <source>表格里没有任何内容，请确认是否选对了文件。</source>
        <translation>The table is empty. Check that you chose the right file.</translation>
    </message>
    <message>
        <source>工作表“{sheet}”的合并单元格范围异常巨大（疑似恶意构造），已拒绝打开；请在 WPS 或 Excel 中取消整行整列的合并后另存。</source>
        <translation>Sheet “{sheet}” has abnormally large merged cells (possibly crafted to cause harm) and was refused. Unmerge whole rows and columns in WPS or Excel and save it again.</translation>
    </message>
    <message>
        <source>文件已损坏或不完整（可能下载或拷贝中断），请重新获取原文件。</source>
        <translation>The file is damaged or incomplete (the download or copy may have been interrupted). Get the original file again.</translation>
    </message>
    <message>
        <source>文件含有被禁止的 XML 结构（疑似恶意构造），已拒绝打开。</source>
        <translation>The file contains forbidden XML structures (possibly crafted to cause harm) and was refused.</translation>
    </message>
    <message>
        <source>工作表“{sheet}”的行号异常，文件可能已损坏。</source>
        <translation>Sheet “{sheet}” has invalid row numbers; the file may be damaged.</translation>
    </message>
    <message>
        <source>第 {column} 列以后的内容已忽略</source>
        <translation>Content after column {column} was ignored</translation>
    </message>
    <message>
        <source>表格设置了打开密码，请在 WPS 或 Excel 中取消密码后另存，再导入。</source>
        <translation>The table has an opening password. Remove the password in WPS or Excel, save it, then import it.</translation>
    </message>
    <message>
        <source>文字编码无法识别（不是 UTF-8 或 GBK），请用 WPS 或 Excel 打开后另存为 xlsx 再导入。</source>
        <translation>The text encoding is not recognised (neither UTF-8 nor GBK). Open it in WPS or Excel, save it as xlsx, then import it.</translation>
    </message>
    <message>
        <source>文件内容不是表格，也不是文本，请检查是否选错了文件。</source>
        <translation>The file is neither a spreadsheet nor text. Check that you chose the right file.</translation>
    </message>
    <message>
        <source>文本表格里有一个引号没有配对，它后面的各行都会被并进一个单元格；请用 WPS 或 Excel 打开核对后另存为 xlsx 再导入。</source>
        <translation>The text table has an unpaired quote, so every row after it would run into one cell. Open it in WPS or Excel, check it, save it as xlsx, then import it.</translation>
    </message>
    <message>
        <source>文本表格的格式有误（引号不配对等），请用 WPS 或 Excel 另存为 xlsx。</source>
        <translation>The text table is malformed (for example unpaired quotes). Save it as xlsx in WPS or Excel.</translation>
    </message>
    <message>
        <source>文件行数超过一百万行，已拒绝导入。</source>
        <translation>The file has more than a million rows and was refused.</translation>
    </message>
    <message>
        <source>无法导入“{name}”：{problem}</source>
        <extracomment>Files larger than this are refused outright (a county ledger is a few MB at most). What a workbook may expand to when unzipped, in total: only a sanity bound, since memory is bounded by the text actually kept (readers.MAX_TOTAL_CHARS) and each part&apos;s ratio below. A genuine 125 MB workbook of 100,000 long rows unzips to about a gigabyte. A member bigger than this must not be compressed more than MAX_RATIO times.</extracomment>
        <translation>Cannot import “{name}”: {problem}</translation>
    </message>
    <message>
        <source>这不是普通文件（可能是管道或设备），请选择保存在磁盘上的表格文件。</source>
        <translation>This is not a regular file (perhaps a pipe or a device). Choose a spreadsheet file saved on disk.</translation>
    </message>
    <message>
        <source>文件不存在，请检查路径。</source>
        <translation>The file does not exist. Check the path.</translation>
    </message>
    <message>
        <source>这是一个文件夹，请选择表格文件。</source>
        <translation>This is a folder. Choose a spreadsheet file.</translation>
    </message>
    <message>
        <source>文件无法读取，请检查是否有权限或是否被其他程序占用。</source>
        <translation>The file cannot be read. Check the permissions and whether another program is using it.</translation>
    </message>
    <message>
        <source>文件是空的，请确认上级下发的表格已完整保存。</source>
        <translation>The file is empty. Make sure the table sent from above was saved completely.</translation>
    </message>
    <message>
        <source>文件超过 150 MB，不像是整改清单，请检查是否选错了文件。</source>
        <translation>The file is larger than 150 MB, which is not what a rectification list looks like. Check that you chose the right file.</translation>
    </message>
    <message>
        <source>这是 PDF 文件，请向上级索取 Excel 表格，或复制到 Excel 后另存为 xlsx。</source>
        <translation>This is a PDF file. Ask for the Excel table, or copy it into Excel and save it as xlsx.</translation>
    </message>
    <message>
        <source>这是网页或 XML 格式伪装的表格，请用 WPS 或 Excel 打开后另存为 xlsx 再导入。</source>
        <translation>This is a web page or XML file named like a spreadsheet. Open it in WPS or Excel, save it as xlsx, then import it.</translation>
    </message>
    <message>
        <source>这是 Word 文档，不是表格，请选择 Excel 表格。</source>
        <translation>This is a Word document, not a spreadsheet. Choose an Excel spreadsheet.</translation>
    </message>
    <message>
        <source>这是 Excel 二进制工作簿（.xlsb），请在 Excel 或 WPS 中另存为“Excel 工作簿（.xlsx）”后再导入。</source>
        <translation>This is an Excel binary workbook (.xlsb). Save it as an Excel workbook (.xlsx) in Excel or WPS, then import it.</translation>
    </message>
    <message>
        <source>这是一个压缩包，不是 Excel 表格，请解压后选择其中的表格。</source>
        <translation>This is a compressed archive, not an Excel spreadsheet. Unpack it and choose the spreadsheet inside.</translation>
    </message>
    <message>
        <source>文件解压后异常巨大（疑似恶意构造的压缩炸弹），已拒绝打开。</source>
        <translation>The file is abnormally large when unpacked (possibly a zip bomb) and was refused.</translation>
    </message>
    <message>
        <source>文件解压后超过 2 GB，已拒绝打开；请确认是否选错了文件。</source>
        <translation>The file is larger than 2 GB when unpacked and was refused. Check that you chose the right file.</translation>
    </message>
    <message>
        <source>文件不是可识别的 Excel 或 WPS 表格，请另存为 xlsx 后再导入。</source>
        <translation>The file is not a recognised Excel or WPS spreadsheet. Save it as xlsx, then import it.</translation>
    </message>
    <message>
        <source>问题内容为空，请核对</source>
        <extracomment>Rows searched for the first header of a sheet. A full date in the lines above the table (a 填报日期, or the document&apos;s own date line). Mapping overrides: sheet name -&gt; {header text as shown: field or None}. The document&apos;s own date when the lines above the table give one.</extracomment>
        <translation>The problem text is empty; please check</translation>
    </message>
    <message>
        <source>完成情况“{status}”无法识别，已按未启动导入</source>
        <translation>Status “{status}” was not recognised and was imported as not started</translation>
    </message>
    <message>
        <source>已销号但没有销号日期，请补填</source>
        <translation>Closed off but without a close-off date; please add it</translation>
    </message>
    <message>
        <source>编号“{number}”丢失了前导零，已按同表编号补为“0{number}”，请核对</source>
        <translation>Number “{number}” lost its leading zero; it was restored to “0{number}” like the other numbers in the table. Please check</translation>
    </message>
    <message>
        <source>工作表“{sheet}”：{note}</source>
        <translation>Sheet “{sheet}”: {note}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”没有找到含“问题/意见内容”列的表头，未导入</source>
        <translation>Sheet “{sheet}” has no header with a problem or suggestion column (such as “问题/意见内容”); it was not imported</translation>
    </message>
    <message>
        <source>找到了表头，但表头下面没有可导入的事项</source>
        <translation>A header was found, but there are no items below it to import</translation>
    </message>
    <message>
        <source>编号“{number}”已被表格转成数字并丢失了位数，请对照原件手工补录</source>
        <extracomment>Excel stores 15 significant digits: an integral float below this is exactly its digits.</extracomment>
        <translation>Number “{number}” was turned into a number by the spreadsheet and lost digits. Enter it by hand from the original</translation>
    </message>
    <message>
        <source>编号“{number}”被表格当成了日期，请对照原件手工补录</source>
        <translation>Number “{number}” was taken for a date by the spreadsheet. Enter it by hand from the original</translation>
    </message>
    <message>
        <source>编号“{number}”无法识别，请手工补录</source>
        <translation>Number “{number}” was not recognised. Enter it by hand</translation>
    </message>
    <message>
        <source>编号“{number}”是科学计数法，位数已丢失，请对照原件手工补录</source>
        <translation>Number “{number}” is in scientific notation and has lost digits. Enter it by hand from the original</translation>
    </message>
    <message>
        <source>标题</source>
        <extracomment>Official name → family names to try in order (the official one first, then equivalents). The official font of every role. Role → (official name, family names to try in order). Generic Chinese TrueType families, used when none of a role&apos;s preferences is installed. Each role&apos;s name (Chinese; shown in the interface language through the Errors context).</extracomment>
        <translation>Title</translation>
    </message>
    <message>
        <source>正文和表格</source>
        <translation>Body and tables</translation>
    </message>
    <message>
        <source>一级标题</source>
        <translation>Level-1 heading</translation>
    </message>
    <message>
        <source>二级标题</source>
        <translation>Level-2 heading</translation>
    </message>
    <message>
        <source>页码</source>
        <translation>Page numbers</translation>
    </message>
    <message>
        <source>附件标注</source>
        <translation>Attachment label</translation>
    </message>
    <message>
        <source>副标题</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>表头</source>
        <translation>Table header</translation>
    </message>
    <message>
        <source>分组行和合计行</source>
        <translation>Group and total rows</translation>
    </message>
    <message>
        <source>落款行</source>
        <translation>Sign-off lines</translation>
    </message>
    <message>
        <source>{role}：{font}</source>
        <translation>{role}: {font}</translation>
    </message>
    <message>
        <source>{role}：{font} 未安装，改用 {used}</source>
        <translation>{role}: {font} is not installed; using {used}</translation>
    </message>
    <message>
        <source>{role}字体缺少“{chars}”，这些字改用 {font}</source>
        <extracomment>Characters a role&apos;s font lacks, each drawn in another installed face that has it.</extracomment>
        <translation>The {role} font lacks “{chars}”; these characters use {font}</translation>
    </message>
    <message>
        <source>{role}字体缺少这些字，打印时会空白：{chars}</source>
        <translation>The {role} font lacks these characters, which will print blank: {chars}</translation>
    </message>
    <message>
        <source>本机所有字体都没有“{chars}”这些字，PDF 中会印成空白，因此没有导出；请安装含这些字的中文字体（如宋体、仿宋）后再导出，或改为导出 Word/Excel。</source>
        <translation>No font on this computer has the characters “{chars}”; they would print blank in the PDF, so nothing was exported. Install a Chinese font that has them (such as SimSun or FangSong) and export again, or export to Word/Excel instead.</translation>
    </message>
    <message>
        <source>本机没有可嵌入 PDF 的中文 TrueType 字体（如宋体、仿宋、黑体），无法生成 PDF；请安装中文字体后重试，或改为导出 Word/Excel。</source>
        <translation>This computer has no Chinese TrueType font that can be embedded in a PDF (such as SimSun, FangSong or SimHei), so no PDF can be made. Install a Chinese font and try again, or export to Word/Excel instead.</translation>
    </message>
    <message>
        <source>字体文件“{name}”无法读取或不是 TrueType 字体，请换用其他中文字体。</source>
        <extracomment>The Windows font that stands in for each official font where it is not installed (every Windows PC has these); Word and WPS read it from the file&apos;s font table.</extracomment>
        <translation>Font file “{name}” cannot be read or is not a TrueType font. Use another Chinese font.</translation>
    </message>
    <message>
        <source>表{table}第{seq}项（编号{code}）</source>
        <extracomment>GB/T 9704: 22 lines in the 225 mm type area, so a line pitch of about 28.9 pt for 3号. What the 序号 cell of a row continued from the page before carries. A dry run only counts the pages: the same breaks, nothing drawn or saved. Per role, the characters its font lacks and the font that draws each of them.</extracomment>
        <translation>table {table}, item {seq} (number {code})</translation>
    </message>
    <message>
        <source>表{table}第{seq}项</source>
        <translation>table {table}, item {seq}</translation>
    </message>
    <message>
        <source>第{seq}项（编号{code}）</source>
        <translation>item {seq} (number {code})</translation>
    </message>
    <message>
        <source>第{seq}项</source>
        <translation>item {seq}</translation>
    </message>
    <message>
        <source>{row}的内容比一页还高，将跨页续排（续页序号栏注“(续)”）；如要少占页数，可在报表设计器中调小表格字号，或给“整改措施”等长文字列固定更大的宽度。</source>
        <translation>Taller than a page, continued on the next page (marked as continued in the No. column): {row}. To use fewer pages, make the table font smaller in the report designer, or give long text columns such as Measures a fixed, wider width.</translation>
    </message>
    <message>
        <source>表{table}的“{column}”列太窄，放不下“{word}”，会断行；可在报表设计器中加宽该列。</source>
        <translation>Column “{column}” of table {table} is too narrow for “{word}”, which will break across lines. Widen the column in the report designer.</translation>
    </message>
    <message>
        <source>模板定义不完整或已损坏，无法使用；请在报表设计器中重新保存该模板。</source>
        <extracomment>How a template lays out its items. The parts of a report whose font and size a clerk chooses, and the font roles each sets. The official font names a part may be set in (their installed equivalents are found). Sizes (pt) of the parts whose size is not title_size or font_size; 0 or absent: default. A width fixed by the clerk in millimetres; 0: the width follows the content. A two-row header: (text, first column index, span) groups over the column headers. Part → official font name, where the clerk departs from the official font. Part → size in points for subtitle, header, section, signoff, page_number. Which items: deadline range (ISO dates, inclusive), department and category.</extracomment>
        <translation>The template definition is incomplete or damaged and cannot be used. Save the template again in the report designer.</translation>
    </message>
    <message>
        <source>模板“{label}”的类型“{kind}”无法识别。</source>
        <translation>The kind “{kind}” of template “{label}” is not recognised.</translation>
    </message>
    <message>
        <source>模板“{label}”没有任何列，请至少添加一列。</source>
        <translation>Template “{label}” has no columns. Add at least one.</translation>
    </message>
    <message>
        <source>模板“{label}”的分组方式“{group}”无法识别。</source>
        <translation>The grouping “{group}” of template “{label}” is not recognised.</translation>
    </message>
    <message>
        <source>模板“{label}”的编号方式“{numbering}”无法识别。</source>
        <translation>The numbering “{numbering}” of template “{label}” is not recognised.</translation>
    </message>
    <message>
        <source>模板“{label}”有列宽不大于零的列，请改为正数。</source>
        <translation>Template “{label}” has a column whose width is not above zero. Make it a positive number.</translation>
    </message>
    <message>
        <source>模板“{label}”的个人信息默认方式只能是脱敏或公开发布。</source>
        <translation>The default for personal data in template “{label}” can only be masked or public.</translation>
    </message>
    <message>
        <source>模板“{label}”的标题字号应在 10 到 36 磅之间。</source>
        <translation>The title size of template “{label}” must be between 10 and 36 points.</translation>
    </message>
    <message>
        <source>模板“{label}”的表格字号应在 6 到 22 磅之间。</source>
        <translation>The table font size of template “{label}” must be between 6 and 22 points.</translation>
    </message>
    <message>
        <source>模板“{label}”的字体设置“{part}：{name}”无法识别。</source>
        <translation>The font setting “{part}: {name}” of template “{label}” is not recognised.</translation>
    </message>
    <message>
        <source>模板“{label}”的字号设置“{part}：{size}”应在 6 到 36 磅之间。</source>
        <translation>The font size “{part}: {size}” of template “{label}” must be between 6 and 36 points.</translation>
    </message>
    <message>
        <source>模板“{label}”的纸张“{size}”无法识别，可用 A4、A3、B5。</source>
        <translation>The paper “{size}” of template “{label}” is not recognised. Use A4, A3 or B5.</translation>
    </message>
    <message>
        <source>模板“{label}”的页码样式“{style}”无法识别。</source>
        <translation>The page number style “{style}” of template “{label}” is not recognised.</translation>
    </message>
    <message>
        <source>模板“{label}”的整改时限范围起日晚于止日，请调换。</source>
        <translation>In template “{label}” the deadline range starts after it ends. Swap the dates.</translation>
    </message>
    <message>
        <source>日期“{text}”写法不对，请写成 2025-06-30 这样的格式。</source>
        <translation>The date “{text}” is not written correctly. Write it like 2025-06-30.</translation>
    </message>
    <message>
        <source>审计日志只能导出为 .csv 或 .xlsx 文件，请修改文件名的扩展名。</source>
        <extracomment>Everything, not the store&apos;s default page of 1,000 entries.</extracomment>
        <translation>The audit log can only be exported as a .csv or .xlsx file. Change the file name&apos;s extension.</translation>
    </message>
    <message>
        <source>内存中的临时数据不能备份。</source>
        <extracomment>Backups as the window and the command line see them, the store&apos;s own types included. Reasons written into backup names and shown in the list.</extracomment>
        <translation>Temporary data in memory cannot be backed up.</translation>
    </message>
    <message>
        <source>有的事项编号不存在，请用“items”查看后重新填写。</source>
        <extracomment>Items in one binder at most (a whole ledger is printed as a report, not a binder).</extracomment>
        <translation>Some item numbers do not exist. Use “items” to list them, then try again.</translation>
    </message>
    <message>
        <source>请指定事项（--item）或批次（--batch）。</source>
        <translation>Give an item (--item) or a batch (--batch).</translation>
    </message>
    <message>
        <source>这个批次还没有事项，无法生成销号材料。</source>
        <translation>This batch has no items yet, so no close-off binder can be made.</translation>
    </message>
    <message>
        <source>一次最多汇编{count}条事项，请按批次或单位分开生成。</source>
        <translation>At most {count} items can be compiled at once. Make separate binders by batch or by unit.</translation>
    </message>
    <message>
        <source>销号材料只能生成 .pdf 或 .zip 文件，请换一个文件名。</source>
        <translation>A close-off binder can only be a .pdf or .zip file. Choose another file name.</translation>
    </message>
    <message>
        <source>请先选择要申请销号的事项。</source>
        <extracomment>Setting: whether a close-off needs an approved application first.</extracomment>
        <translation>Select the items to apply for close-off first.</translation>
    </message>
    <message>
        <source>找不到编号为 {item_id} 的事项，可能已被删除；没有提出任何申请。</source>
        <translation>Item {item_id} was not found; it may have been deleted. No application was made.</translation>
    </message>
    <message>
        <source>只有“{completed}”或“{ongoing}”的事项可以申请销号，有{count}条事项不是（如“{example}”）。</source>
        <translation>Only items that are “{completed}” or “{ongoing}” can be applied for close-off; {count} items are not (such as “{example}”).</translation>
    </message>
    <message>
        <source>请填写审核人。</source>
        <translation>Fill in the reviewer.</translation>
    </message>
    <message>
        <source>退回销号申请时请写明审核意见（需要补充什么）。</source>
        <translation>When returning a close-off application, write the review opinion (what must be added).</translation>
    </message>
    <message>
        <source>审核日期早于申请日期，请核对。</source>
        <translation>The review date is before the application date. Please check.</translation>
    </message>
    <message>
        <source>事项 {item_id} 还没有提出销号申请，没有可审核的内容；请先提出销号申请。</source>
        <translation>Item {item_id} has no close-off application, so there is nothing to review. Apply for its close-off first.</translation>
    </message>
    <message>
        <source>事项 {item_id} 的销号申请已由{reviewer}审核通过，不用再审核，可以直接销号。</source>
        <translation>The close-off application of item {item_id} was already approved by {reviewer}. No review is needed; it can be closed off now.</translation>
    </message>
    <message>
        <source>事项 {item_id} 的销号申请已被退回（{opinion}），请补充后重新提出申请。</source>
        <translation>The close-off application of item {item_id} was returned ({opinion}). Add what is missing and apply again.</translation>
    </message>
    <message>
        <source>请选择要收集的报送表。</source>
        <extracomment>Fields an assisting unit&apos;s answer adds to the ledger without replacing the item&apos;s value. Fields that hold one value per item: two units giving two values is a conflict.</extracomment>
        <translation>Choose the report sheets to collect.</translation>
    </message>
    <message>
        <source>“{name}”里没有找到报送表的表头（编号、问题内容、整改进展等），不是下发的报送表，未纳入。</source>
        <translation>“{name}” has no report sheet header (number, problem, progress and so on); it is not a sheet that was sent, and it is left out.</translation>
    </message>
    <message>
        <source>“{name}”对应不到任何已下发的轮次（校验码和编号都对不上），未纳入。</source>
        <translation>“{name}” matches no round that was sent (neither its check codes nor its numbers match). It is left out.</translation>
    </message>
    <message>
        <source>“{name}”是另一个批次的报送表，与本次收集的批次不同，未纳入；请分开收集。</source>
        <translation>“{name}” is a report sheet of another batch, not the one being collected. It is left out; collect it separately.</translation>
    </message>
    <message>
        <source>“{name}”是第{old}轮的报送表，现在收集的是第{current}轮，内容已过时，未纳入；请让该单位填写第{current}轮的报送表。</source>
        <translation>“{name}” is a report sheet of round {old}, but round {current} is being collected. It is out of date and left out. Ask the unit to fill in the sheet of round {current}.</translation>
    </message>
    <message>
        <source>“{name}”看不出是哪个单位报送的（校验码已删除，报送单位一行和文件名也对不上），未纳入；请让该单位用下发的原表重新填写。</source>
        <translation>It cannot be told which unit returned “{name}” (the check codes are deleted, and neither the unit line nor the file name matches). It is left out. Ask the unit to fill in the sheet that was sent to it.</translation>
    </message>
    <message>
        <source>“{name}”与“{newer}”都是{unit}报送的，以较新的“{newer}”为准，这份未纳入。</source>
        <translation>“{name}” and “{newer}” were both returned by {unit}. The newer “{newer}” is used; this one is left out.</translation>
    </message>
    <message>
        <source>{rows}等</source>
        <translation>{rows} and more</translation>
    </message>
    <message>
        <source>“{name}”第{rows}行的校验码不对（被改动过，或是手工填写），这些行未纳入；其余行照常审核。</source>
        <translation>The check codes in rows {rows} of “{name}” are wrong (changed, or typed by hand). These rows are left out; the other rows are reviewed as usual.</translation>
    </message>
    <message>
        <source>“{name}”第{rows}行是从别的单位或别的轮次的报送表复制来的，未纳入。</source>
        <translation>Rows {rows} of “{name}” were copied from another unit&apos;s or another round&apos;s report sheet and are left out.</translation>
    </message>
    <message>
        <source>“{name}”第{rows}行受保护的“{column}”列被改动过，这些改动不会写入台账；同一行填写的进展照常审核。</source>
        <translation>In rows {rows} of “{name}” the protected column “{column}” was changed. These changes are not written to the ledger; progress filled in on the same rows is reviewed as usual.</translation>
    </message>
    <message>
        <source>“{name}”第{rows}行与前面的行是同一事项，只取前面的一行。</source>
        <translation>Rows {rows} of “{name}” repeat an item of an earlier row; only the earlier row is used.</translation>
    </message>
    <message>
        <source>“{name}”的校验码列已被删除，已按编号和内容对应到{count}条事项，请核对。</source>
        <translation>The check code column of “{name}” was deleted. {count} items were matched by number and content; please check them.</translation>
    </message>
    <message>
        <source>“{name}”第{rows}行没有校验码，已按编号和内容对应到事项，请核对。</source>
        <translation>Rows {rows} of “{name}” have no check code and were matched to items by number and content. Please check them.</translation>
    </message>
    <message>
        <source>“{name}”第{rows}行不是下发给该单位的事项（或是补充说明），未纳入；如是新问题，请另行登记。</source>
        <translation>Rows {rows} of “{name}” are not items sent to this unit (or are extra notes) and are left out. If they are new problems, register them separately.</translation>
    </message>
    <message>
        <source>“{name}”第{rows}行有公式，已按显示的文字读取，公式本身不会写入台账。</source>
        <translation>Rows {rows} of “{name}” contain formulas. The text they show was read; the formulas themselves are not written to the ledger.</translation>
    </message>
    <message>
        <source>“{name}”的校验码列标题被改动过，已按内容找到该列。</source>
        <translation>The heading of the check code column in “{name}” was changed; the column was found by its content.</translation>
    </message>
    <message>
        <source>“{name}”第{row}行：{note}</source>
        <translation>“{name}” row {row}: {note}</translation>
    </message>
    <message>
        <source>不能从“{old}”改为“{new}”，如确需改动请在事项中修改。</source>
        <translation>Cannot change from “{old}” to “{new}”. If it really must change, change it on the item itself.</translation>
    </message>
    <message>
        <source>配合单位的意见，默认不改变事项；确需采用请勾选。</source>
        <translation>An assisting unit&apos;s answer does not change the item by default; tick it if it should be used.</translation>
    </message>
    <message>
        <source>配合单位报送，记入台账，不替换牵头单位的内容。</source>
        <translation>Returned by an assisting unit: recorded in the ledger without replacing the lead unit&apos;s content.</translation>
    </message>
    <message>
        <source>没有可以写入的报送内容：请先选择能够对应到事项的报送表。</source>
        <translation>There is nothing to write: first choose report sheets that match items.</translation>
    </message>
    <message>
        <source>有事项在收集期间被删除了，没有写入任何内容；请重新收集。</source>
        <translation>Some items were deleted during collecting, so nothing was written. Collect again.</translation>
    </message>
    <message>
        <source>事项“{item}”的“{field}”在审核期间被修改过，没有写入任何内容；请重新收集后再审核。</source>
        <translation>“{field}” of item “{item}” was changed during the review, so nothing was written. Collect the sheets again and review them again.</translation>
    </message>
    <message>
        <source>事项“{item}”的“{field}”采纳了两个不同的意见，请只保留一个后再写入。</source>
        <translation>Two different answers were accepted for “{field}” of item “{item}”. Keep only one, then write.</translation>
    </message>
    <message>
        <source>完成情况“{status}”无法识别，请从下拉列表中选择，这一项未纳入。</source>
        <extracomment>Statuses a unit may report (销号 and 不予整改 are the office&apos;s to decide).</extracomment>
        <translation>Status “{status}” was not recognised; choose it from the drop-down list. This entry is left out.</translation>
    </message>
    <message>
        <source>完成情况“{status}”不能由报送单位填报（销号、不予整改须在事项中办理），这一项未纳入。</source>
        <translation>Status “{status}” cannot be reported by a unit (closing off and declining are done on the item itself); this entry is left out.</translation>
    </message>
    <message>
        <source>原台账和目标台账是同一个，无需复制；请给出另一个目标。</source>
        <translation>The source and the target ledger are the same; there is nothing to copy. Give another target.</translation>
    </message>
    <message>
        <source>选中的事项不都属于这个批次，请在同一个批次中选择后再下发。</source>
        <extracomment>Items a batch&apos;s round leaves out: nothing is left to report on them.</extracomment>
        <translation>The selected items are not all in this batch. Select items of one batch, then send.</translation>
    </message>
    <message>
        <source>轮次应在 1 到 {upcoming} 之间：第{upcoming}轮是下一轮，之前的轮次可以重新下发。</source>
        <translation>The round must be from 1 to {upcoming}: round {upcoming} is the next one, and earlier rounds can be sent again.</translation>
    </message>
    <message>
        <source>没有需要报送的事项（已销号和不予整改的事项不下发），无法下发。</source>
        <translation>There are no items to report on (closed-off and declined items are not sent), so nothing can be sent.</translation>
    </message>
    <message>
        <source>这些事项都还没有责任单位，无法下发；请先给事项填写责任单位。</source>
        <translation>None of these items has a responsible unit yet, so nothing can be sent. Fill in their responsible units first.</translation>
    </message>
    <message>
        <source>{count}条事项没有责任单位，未下发；请填写责任单位后再下发。</source>
        <translation>{count} items have no responsible unit and were not sent. Fill in their responsible unit, then send them.</translation>
    </message>
    <message>
        <source>报送截止日期{day}已经过去，请确认是否填错。</source>
        <translation>The return deadline {day} has already passed. Check that it is right.</translation>
    </message>
    <message>
        <source>交换包“{name}”{problem}，整个交换包未导入；请向报送单位重新索取。</source>
        <extracomment>Limits on what a package may ask a reader to unpack. Item fields a package carries and a repeated package may update.</extracomment>
        <translation>Exchange package “{name}” {problem}, so nothing in it was imported. Ask the sending unit for a new copy.</translation>
    </message>
    <message>
        <source>中的“{part}”异常巨大</source>
        <translation>has an abnormally large part “{part}”</translation>
    </message>
    <message>
        <source>中的“{part}”无法读取</source>
        <translation>has a part “{part}” that cannot be read</translation>
    </message>
    <message>
        <source>找不到交换包“{name}”，请检查路径。</source>
        <translation>Exchange package “{name}” was not found. Check the path.</translation>
    </message>
    <message>
        <source>不完整或已损坏（可能下载或拷贝中断）</source>
        <translation>is incomplete or damaged (the download or copy may have been interrupted)</translation>
    </message>
    <message>
        <source>解压后异常巨大（疑似恶意构造）</source>
        <translation>is abnormally large when unpacked (possibly crafted to cause harm)</translation>
    </message>
    <message>
        <source>中有重名的部分（被改动过）</source>
        <translation>contains two parts with the same name (it has been altered)</translation>
    </message>
    <message>
        <source>“{name}”不是 RectDesk 交换包（缺少清单 manifest.json），未导入。</source>
        <translation>“{name}” is not a RectDesk exchange package (it has no manifest.json). Nothing was imported.</translation>
    </message>
    <message>
        <source>“{name}”不是 RectDesk 交换包，未导入。</source>
        <translation>“{name}” is not a RectDesk exchange package. Nothing was imported.</translation>
    </message>
    <message>
        <source>交换包“{name}”由另一版本的 RectDesk 制作（格式版本 {version}），请两边使用相同版本后重新导出。</source>
        <translation>Exchange package “{name}” was made by another version of RectDesk (format version {version}). Use the same version on both sides and export it again.</translation>
    </message>
    <message>
        <source>的清单已损坏</source>
        <translation>has a damaged manifest</translation>
    </message>
    <message>
        <source>中多出了清单上没有的部分“{part}”（被改动过）</source>
        <translation>contains a part “{part}” that is not in its manifest (it has been altered)</translation>
    </message>
    <message>
        <source>缺少清单上的部分“{part}”（不完整）</source>
        <translation>lacks the part “{part}” listed in its manifest (incomplete)</translation>
    </message>
    <message>
        <source>中的“{part}”与清单记录的校验值不符（被改动或已损坏）</source>
        <translation>has a part “{part}” whose checksum does not match its manifest (altered or damaged)</translation>
    </message>
    <message>
        <source>的内容格式不对</source>
        <translation>has content in the wrong format</translation>
    </message>
    <message>
        <source>交换包“{name}”是本数据文件自己导出的，不需要再导入。</source>
        <translation>Exchange package “{name}” was exported from this data file itself; it does not need to be imported.</translation>
    </message>
    <message>
        <source>内存中的临时数据不能保存佐证材料。</source>
        <translation>Temporary data in memory cannot keep evidence files.</translation>
    </message>
    <message>
        <source>请另存为一个新文件，不要覆盖上级下发的原表。</source>
        <extracomment>What the clerk is told before and after a fill-back (the CLI prints it, the dialog shows it). The columns written back, in the order they are added when the sheet lacks them.</extracomment>
        <translation>Save as a new file; do not overwrite the original table sent from above.</translation>
    </message>
    <message>
        <source>回填会写出完整的个人信息，必须记入审计日志，但数据文件现在是只读打开的；请关闭其他 RectDesk 窗口后重新打开，再回填。</source>
        <translation>Filling back writes full personal data and must be recorded in the audit log, but the data file is open read-only. Close the other RectDesk windows, open it again, then fill back.</translation>
    </message>
    <message>
        <source>“{name}”不是 xlsx 格式，无法按原样回填；请用 WPS 或 Excel 另存为 xlsx 后再回填。</source>
        <translation>“{name}” is not an xlsx file, so it cannot be filled back as it is. Save it as xlsx in WPS or Excel, then fill it back.</translation>
    </message>
    <message>
        <source>无法打开“{name}”进行回填，文件可能已损坏。</source>
        <translation>“{name}” cannot be opened to fill back; the file may be damaged.</translation>
    </message>
    <message>
        <source>数据文件“{name}”已损坏，而且没有找到可用的备份。请不要再往这个文件写入，把它复制一份后联系技术支持；如有 U 盘上的备份，可以选择它来恢复。</source>
        <extracomment>Whether an engine error means only that another program holds the ledger (not damage). The store is large: its check runs in the background once the window shows. Another RectDesk process is writing to it right now: not checked, not damaged. The file is empty (0 bytes) while a sound backup with items lies beside it. Sentences for the clerk: a foreign file set aside, an interrupted write rolled back. Why the file is not opened at all (another program&apos;s database), else &quot;&quot;.</extracomment>
        <translation>The data file “{name}” is damaged, and no usable backup was found. Do not write to this file any more; copy it and contact technical support. If you have a backup on a USB drive, you can choose it to restore.</translation>
    </message>
    <message>
        <source>数据文件“{name}”已损坏。找到了 {when} 的完好备份，可以用它恢复（之后的修改需要重新录入）；损坏的文件会另存一份，不会删除。</source>
        <translation>The data file “{name}” is damaged. A sound backup from {when} was found and can be restored (later changes must be entered again). The damaged file is kept as a copy, not deleted.</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日 {time}</source>
        <translation>{year}-{month}-{day} {time}</translation>
    </message>
    <message>
        <source>数据文件“{name}”是空文件（0 字节），不是新的空台账，可能在复制或断电时被截断。找到了 {when} 的完好备份（{items} 条事项），可以用它恢复；空文件会另存一份，不会删除。</source>
        <translation>The data file “{name}” is empty (0 bytes); it is not a new, empty ledger and may have been cut short while copying or by a power failure. A sound backup from {when} ({items} items) was found and can be restored. The empty file is kept as a copy, not deleted.</translation>
    </message>
    <message>
        <source>另一个 RectDesk 程序正在写入这个数据文件（例如命令行正在导入），这次启动没有检查它；数据文件没有损坏，等那边完成后再打开即可看到最新数据。</source>
        <translation>Another RectDesk program is writing to this data file (for example an import from the command line), so it was not checked at start. The data file is not damaged; open it again when that program finishes to see the latest data.</translation>
    </message>
    <message>
        <source>第 {items} 条事项的内容与保存时不一致，可能是数据文件损坏；请从备份恢复这几条或整个文件。</source>
        <extracomment>Stores larger than this are checked in the background: a quick check reads the whole file (about 1.5 s for 900 MB from the cache, far longer from a cold disk).</extracomment>
        <translation>Items {items} differ from what was saved; the data file may be damaged. Please restore these items or the whole file from a backup.</translation>
    </message>
    <message>
        <source>数据文件中有记录（批次、操作日志或设置）与保存时不一致，可能是数据文件损坏；请从备份恢复整个文件。</source>
        <translation>Some records (batches, the audit log or settings) differ from what was saved; the data file may be damaged. Please restore the whole file from a backup.</translation>
    </message>
    <message>
        <source>没有找到事项</source>
        <extracomment>Text fields an import fills; an empty source cell never overwrites the ledger. What matching the row to the ledger noticed (a 编号 that lost its leading zero). The ledger&apos;s values of the changed fields, for the per-field review.</extracomment>
        <translation>no items found</translation>
    </message>
    <message>
        <source>“{name}”里没有找到可导入的事项（{reason}），请确认表格有“问题/意见内容”一类的列。</source>
        <translation>No items to import were found in “{name}” ({reason}). Make sure the table has a column for the problem or suggestion, such as “问题/意见内容”.</translation>
    </message>
    <message>
        <source>编号与第{row}行重复</source>
        <translation>Same number as row {row}</translation>
    </message>
    <message>
        <source>编号“{number}”与已有事项的“{near}”只差前导零，已按同一事项对应（保留原编号），请核对</source>
        <translation>Number “{number}” differs from the existing item&apos;s “{near}” only by leading zeros; they were matched as the same item (the original number kept). Please check</translation>
    </message>
    <message>
        <source>请选择导入到哪个批次，或填写新批次的名称。</source>
        <extracomment>Part of a file&apos;s rows that must be items of a batch for the file to be that batch again.</extracomment>
        <translation>Choose the batch to import into, or enter the name of a new batch.</translation>
    </message>
    <message>
        <source>导入 {import_id} 已于 {when} 撤销过了。</source>
        <extracomment>Rows between two progress reports.</extracomment>
        <translation>Import {import_id} was already undone on {when}.</translation>
    </message>
    <message>
        <source>这个批次在此之后还有导入（编号 {later}），请先撤销后面的导入。</source>
        <translation>This batch has later imports ({later}). Undo those first.</translation>
    </message>
    <message>
        <source>不能在这里修改：{fields}。</source>
        <extracomment>Fields edited one at a time in the detail panel (status, close-off and progress have commands of their own, because they follow rules and keep the ledger). The versions of the items as the clerk saw them: the edit is refused (ConflictError) when another clerk has changed one since. What kind of edit (``edit``, ``status``, ``close_off``…), for the window&apos;s wording. A plain Chinese description, e.g. for the command line and the log. The field or status the edit is about, when there is one.</extracomment>
        <translation>Cannot be changed here: {fields}.</translation>
    </message>
    <message>
        <source>意见建议内容不能为空，请填写后再保存。</source>
        <translation>The content cannot be empty. Fill it in, then save.</translation>
    </message>
    <message>
        <source>请填写牵头单位的名称。</source>
        <translation>Fill in the name of the lead unit.</translation>
    </message>
    <message>
        <source>请填写整改时限，例如“2024年6月30日”或“长期坚持”。</source>
        <translation>Fill in the deadline, such as “2024年6月30日” or “长期坚持”.</translation>
    </message>
    <message>
        <source>已经销号</source>
        <translation>Already closed off</translation>
    </message>
    <message>
        <source>“{status}”的事项不能直接销号，请先改为“{completed}”</source>
        <translation>Items that are “{status}” cannot be closed off directly; change them to “{completed}” first</translation>
    </message>
    <message>
        <source>找不到佐证材料文件“{path}”，请重新选择。</source>
        <translation>Evidence file “{path}” was not found. Choose it again.</translation>
    </message>
    <message>
        <source>请填写整改进展的内容。</source>
        <translation>Fill in the progress.</translation>
    </message>
    <message>
        <source>请先选择要修改的事项。</source>
        <translation>Select the items to change first.</translation>
    </message>
    <message>
        <source>有事项已被删除，请刷新列表后重新选择。</source>
        <translation>Some items have been deleted. Refresh the list and select again.</translation>
    </message>
    <message>
        <source>{reason}（{count}条，如“{example}”）</source>
        <translation>{reason} ({count} items, such as “{example}”)</translation>
    </message>
    <message>
        <source>无法识别的时限{text}，请手工填写日期</source>
        <translation>The deadline {text} could not be read; please enter the date by hand</translation>
    </message>
    <message>
        <source>表格日期{date}似乎有误，请核对</source>
        <translation>The cell&apos;s date {date} looks wrong; please check</translation>
    </message>
    <message>
        <source>表格日期{date}与文字{text}不一致，已按表格日期</source>
        <translation>The cell&apos;s date {date} differs from the text {text}; the cell&apos;s date was taken</translation>
    </message>
    <message>
        <source>时限{text}含多个日期，已取最晚的{date}</source>
        <translation>The deadline {text} names several dates; the latest, {date}, was taken</translation>
    </message>
    <message>
        <source>时限{text}未写年份，请补充年份</source>
        <translation>The deadline {text} has no year; please add the year</translation>
    </message>
    <message>
        <source>时限{text}中的年份{year}年似乎有误，请核对</source>
        <translation>The year {year} in the deadline {text} looks wrong; please check</translation>
    </message>
    <message>
        <source>时限{text}中的日期{written}不存在，请核对</source>
        <translation>The date {written} in the deadline {text} does not exist; please check</translation>
    </message>
    <message>
        <source>时限{text}未写年份，已按{date}理解，请核对</source>
        <translation>The deadline {text} has no year; it was read as {date}, please check</translation>
    </message>
    <message>
        <source>时限{text}未写年份，已按{year}年理解，请核对</source>
        <translation>The deadline {text} has no year; it was read as in {year}, please check</translation>
    </message>
    <message>
        <source>时限{text}可能是“{year}.10”被表格存成了数字，已按1月理解，请核对</source>
        <translation>The deadline {text} may be “{year}.10” stored by the spreadsheet as a number; it was read as January, please check</translation>
    </message>
    <message>
        <source>时限{text}只写了年份，已按年底推定为{date}</source>
        <translation>The deadline {text} names only a year; taken as the year&apos;s end, {date}</translation>
    </message>
    <message>
        <source>按{plan}末推定为{date}</source>
        <translation>Taken as the end of the {plan} plan period: {date}</translation>
    </message>
    <message>
        <source>时限{text}是相对期限，没有起算日期，请手工填写日期</source>
        <translation>The deadline {text} is counted from an event with no start date; please enter the date by hand</translation>
    </message>
    <message>
        <source>时限{text}的年份只写了两位，请写全四位年份</source>
        <translation>The deadline {text} gives a two-digit year; please write all four digits</translation>
    </message>
    <message>
        <source>；</source>
        <extracomment>Between two notes of one deadline.</extracomment>
        <translation>; </translation>
    </message>
    <message>
        <source>选中的{total}条事项中有{count}条不能这样修改，没有做任何改动：{reasons}。</source>
        <translation>{count} of the {total} selected items cannot be changed this way, so nothing was changed: {reasons}.</translation>
    </message>
    <message>
        <source>{reasons}。</source>
        <translation>{reasons}.</translation>
    </message>
    <message>
        <source>答复期限请填1到60个工作日。</source>
        <extracomment>Settings of the letters (kept in the store beside the others).</extracomment>
        <translation>The reply time must be 1 to 60 working days.</translation>
    </message>
    <message>
        <source>机关代字请只写代字本身，如“县卫健督”，年份和序号会自动加上。</source>
        <translation>Write only the office code itself, such as “县卫健督”; the year and the number are added automatically.</translation>
    </message>
    <message>
        <source>督办函只能生成 pdf 或 docx，不支持“{fmt}”。</source>
        <translation>Letters can only be made as pdf or docx, not “{fmt}”.</translation>
    </message>
    <message>
        <source>选中的事项都已办结（或不予整改），没有需要督办的事项。</source>
        <translation>All selected items are finished (or declined); none needs a letter.</translation>
    </message>
    <message>
        <source>没有由“{unit}”牵头或配合的未办结事项，未生成督办函。</source>
        <translation>“{unit}” leads or assists no open items, so no letter was made.</translation>
    </message>
    <message>
        <source>这些事项都没有填写责任单位，无法确定发给谁；请先填写责任单位。</source>
        <translation>None of these items has a responsible unit, so there is no one to send to. Fill in the responsible units first.</translation>
    </message>
    <message>
        <source>答复期限早于发函日期，请重新填写。</source>
        <translation>The reply deadline is before the letter&apos;s date. Enter it again.</translation>
    </message>
    <message>
        <source>无法创建文件夹“{folder}”，请换一个位置。</source>
        <translation>Folder “{folder}” could not be created. Choose another location.</translation>
    </message>
    <message>
        <source>登记簿中没有{year}年第{seq}号督办函，请用“letters list”查看已有文号。</source>
        <translation>The register has no letter number {seq} of {year}. Use “letters list” to see the numbers.</translation>
    </message>
    <message>
        <source>答复日期{replied}早于发函日期{issued}，请核对。</source>
        <translation>The reply date {replied} is before the letter&apos;s date {issued}. Please check.</translation>
    </message>
    <message>
        <source>找不到答复文件“{path}”，请重新选择。</source>
        <translation>Answer file “{path}” was not found. Choose it again.</translation>
    </message>
    <message>
        <source>无法保存答复文件“{name}”，请检查磁盘空间和文件权限。</source>
        <translation>Answer file “{name}” could not be saved. Check the disk space and the file permissions.</translation>
    </message>
    <message>
        <source>数据文件“{name}”保存在网络共享位置（{where}）。网络文件夹上的数据库容易因断网或多人同时打开而损坏，建议把数据文件放在本机硬盘上，用“备份到指定位置”把备份存到共享文件夹。</source>
        <extracomment>File systems reached over the network (as /proc/mounts names them). Local file systems typical of USB sticks and SD cards.</extracomment>
        <translation>The data file “{name}” is in a network share ({where}). A database in a network folder is easily damaged when the network drops or several people open it. Keep the data file on this computer&apos;s hard disk and back up to the shared folder with “To a chosen folder”.</translation>
    </message>
    <message>
        <source>数据文件“{name}”保存在可移动磁盘（{where}）上。使用中拔出 U 盘可能丢失最近的修改，建议把数据文件放在本机硬盘上，只把备份存到 U 盘；如需继续使用，请先关闭 RectDesk 再拔出。</source>
        <translation>The data file “{name}” is on a removable drive ({where}). Removing the drive while in use can lose recent changes. Keep the data file on this computer&apos;s hard disk and only the backups on the USB drive; if you keep using it there, close RectDesk before removing the drive.</translation>
    </message>
    <message>
        <source>答复分类的代号不能为空、不能重复，最长4个字符（如 A、B、C）。</source>
        <extracomment>Setting: the answer classes as the office names them, [[code, meaning], …].</extracomment>
        <translation>Answer class codes cannot be empty or repeated, and are at most 4 characters (such as A, B, C).</translation>
    </message>
    <message>
        <source>重点提案需要填写领办的领导。</source>
        <extracomment>The step a proposal waits for, in the order of the work. 答复 (主办), 会办意见 (会办), or 重新办理 after a 不满意 answer. The step&apos;s deadline and how it was counted; None without a date to count from. When the step was done; None while it is still open. Days past the deadline while the step is open (0: not overdue). Why the deadline could not be counted (a period text the clock cannot read).</extracomment>
        <translation>A key proposal needs the leader who takes charge of it.</translation>
    </message>
    <message>
        <source>沟通方式请选：{choices}。</source>
        <translation>Choose a way of contact: {choices}.</translation>
    </message>
    <message>
        <source>满意度请选：{choices}。</source>
        <translation>Choose a satisfaction: {choices}.</translation>
    </message>
    <message>
        <source>事项 {item_id} 还没有登记答复，请先登记答复再记录满意度。</source>
        <translation>Item {item_id} has no answer yet. Record the answer first, then the satisfaction.</translation>
    </message>
    <message>
        <source>事项 {item_id} 没有第{round}次答复。</source>
        <translation>Item {item_id} has no answer for round {round}.</translation>
    </message>
    <message>
        <source>反馈日期{on}早于答复日期{answered}，请核对。</source>
        <translation>The feedback date {on} is before the answer date {answered}. Please check.</translation>
    </message>
    <message>
        <source>答复日期{on}早于交办日期{assigned}，请核对。</source>
        <translation>The answer date {on} is before the date the proposal was assigned ({assigned}); please check it.</translation>
    </message>
    <message>
        <source>已按“不满意”重新办理过，第一次答复的满意度不能再改；请记录重新办理后的满意度。</source>
        <translation>The item was handled again after a “not satisfied”, so the first answer&apos;s satisfaction can no longer change. Record the satisfaction with the second handling.</translation>
    </message>
    <message>
        <source>这条事项还没有填写建议提案信息，请先保存建议提案信息。</source>
        <translation>This item has no proposal details yet. Save its proposal details first.</translation>
    </message>
    <message>
        <source>答复分类请选：{choices}。</source>
        <translation>Choose an answer class: {choices}.</translation>
    </message>
    <message>
        <source>答复只有第一次办理和不满意后的重新办理两轮。</source>
        <translation>An answer has only two rounds: the first handling, and a second one after dissatisfaction.</translation>
    </message>
    <message>
        <source>还没有第一次答复，不能登记重新办理。</source>
        <translation>There is no first answer yet, so a second handling cannot be recorded.</translation>
    </message>
    <message>
        <source>只有代表委员对第一次答复不满意时，才需要重新办理。</source>
        <translation>A second handling is needed only when the deputy or member is not satisfied with the first answer.</translation>
    </message>
    <message>
        <source>这条建议提案还没有登记答复，无法生成答复函。</source>
        <translation>This proposal has no answer recorded yet, so no answer letter can be made.</translation>
    </message>
    <message>
        <source>没有名为“{name}”的报表模板，可用的有：{names}。</source>
        <translation>There is no report template named “{name}”. Available: {names}.</translation>
    </message>
    <message>
        <source>请给模板起一个名称再保存。</source>
        <translation>Give the template a name, then save.</translation>
    </message>
    <message>
        <source>“{name}”是内置模板的名称，请换一个名称保存。</source>
        <translation>“{name}” is the name of a built-in template. Save under another name.</translation>
    </message>
    <message>
        <source>内置模板不能删除。</source>
        <translation>Built-in templates cannot be deleted.</translation>
    </message>
    <message>
        <source>不支持“{fmt}”格式，请选择 pdf、docx 或 xlsx。</source>
        <translation>The format “{fmt}” is not supported. Choose pdf, docx or xlsx.</translation>
    </message>
    <message>
        <source>输出文件“{name}”的扩展名与格式不符，请以 .{fmt} 结尾。</source>
        <translation>The extension of output file “{name}” does not match the format. End it with .{fmt}.</translation>
    </message>
    <message>
        <source>这个批次还没有下发过报送表，请先“下发”。</source>
        <extracomment>What the comparison shows for a round the lead unit did not answer.</extracomment>
        <translation>No report sheets have been sent for this batch yet. Send them first.</translation>
    </message>
    <message>
        <source>这个批次没有第{number}轮，请用“rounds”查看已有轮次。</source>
        <translation>This batch has no round {number}. Use “rounds” to list its rounds.</translation>
    </message>
    <message>
        <source>请选择两个不同的轮次，前一轮在前，如第1轮与第2轮。</source>
        <translation>Choose two different rounds, the earlier first, such as round 1 and round 2.</translation>
    </message>
    <message>
        <source>没有名为“{key}”的设置。</source>
        <extracomment>Settings that belong to the ledger (shared by the window and the command line). The name of each setting, for the audit log.</extracomment>
        <translation>There is no setting named “{key}”.</translation>
    </message>
    <message>
        <source>“{setting}”的值“{value}”不正确。</source>
        <translation>“{value}” is not a valid value for “{setting}”.</translation>
    </message>
    <message>
        <source>“{setting}”不能是负数。</source>
        <translation>“{setting}” cannot be negative.</translation>
    </message>
    <message>
        <source>备份位置</source>
        <extracomment>LedgerStore growth per byte of imported text (the items, their search index and assignments). Measured at 2.0 for imports of 3,000 seed-shaped rows and for the 100,000-item benchmark store (tests/benchmarks/bench_store.py); the rest is margin. SQLite&apos;s rollback journal holds the original of every page the import changes; new rows mostly fill new pages, so it stays small (0.4-0.6 MB measured for 3,000 rows). Per updated item: its row&apos;s page and index pages are copied into the journal.</extracomment>
        <translation>the backup location</translation>
    </message>
    <message>
        <source>数据文件所在的磁盘</source>
        <translation>the disk holding the data file</translation>
    </message>
    <message>
        <source>磁盘空间不足，没有导入（数据未改动）：这次导入约需 {needed}（导入前备份 {backup}、原表副本 {source}、新增数据约 {growth}），{where}只有 {free} 可用；请清理出至少 {short} 后重试。</source>
        <translation>Not enough disk space; nothing was imported (no data changed). This import needs about {needed} (backup before the import {backup}, copy of the original table {source}, new data about {growth}), but {where} has only {free} free. Free up at least {short} and try again.</translation>
    </message>
    <message>
        <source>日期{day}不在{year}年内，请核对后重新录入。</source>
        <extracomment>Setting holding the years the office entered: {&quot;2027&quot;: {&quot;rest&quot;: [iso…], &quot;work&quot;: [iso…]}}.</extracomment>
        <translation>The date {day} is not in {year}. Check it and enter it again.</translation>
    </message>
    <message>
        <source>{day}同时被写成放假和上班，请核对后重新录入。</source>
        <translation>{day} is entered both as a holiday and as a working day. Check it and enter it again.</translation>
    </message>
    <message>
        <source>{day}本来就是工作日；调休上班日应是周六或周日，请核对。</source>
        <translation>{day} is already a working day; a swapped working day must be a Saturday or Sunday. Please check.</translation>
    </message>
    <message>
        <source>“{text}”里没有找到期限，请写成“收到之日起20个工作日内”“交办之日起3个月内”“30日内”这样的形式。</source>
        <translation>No time limit was found in “{text}”. Write it like “收到之日起20个工作日内”, “交办之日起3个月内” or “30日内”.</translation>
    </message>
    <message>
        <source>另一个 RectDesk 程序正在写入数据文件“{name}”，现在无法检查；数据文件没有损坏，请等它完成后再试。</source>
        <extracomment>Called with (pages copied, pages in all) while the database is copied. How many pages one backup step copies: small steps let other connections in between. The store&apos;s state when it was copied (see store_state); &quot;&quot; for older backups.</extracomment>
        <translation>Another RectDesk program is writing to the data file “{name}”, so it cannot be checked now. The data file is not damaged; wait until it finishes and try again.</translation>
    </message>
    <message>
        <source>备份失败：无法复制数据文件，原有数据和旧备份均未改动。请检查备份位置后重试。</source>
        <translation>Backup failed: the data file could not be copied. The data and the older backups are unchanged. Check the backup location and try again.</translation>
    </message>
    <message>
        <source>备份未完成：数据文件的副本没有通过完整性检查，原数据文件可能已损坏，请运行“rectdesk-cli check”检查，必要时从较早的备份恢复。</source>
        <translation>Backup not finished: the copy of the data file failed its integrity check, so the data file may be damaged. Run “rectdesk-cli check” and, if needed, restore an earlier backup.</translation>
    </message>
    <message>
        <source>备份失败，原有数据和旧备份均未改动：备份位置的磁盘空间不足，这份备份约需 {needed}，现在只有 {free} 可用；请清理磁盘或换一个位置后重试。</source>
        <translation>Backup failed; the data and the older backups are unchanged. The backup location is short of space: this backup needs about {needed}, but only {free} is free. Free up space or choose another location, then try again.</translation>
    </message>
    <message>
        <source>备份失败，原有数据和旧备份均未改动：{reason}</source>
        <translation>Backup failed; the data and the older backups are unchanged. {reason}</translation>
    </message>
    <message>
        <source>这个备份不完整或已损坏，不能用来恢复，请选择另一个备份。</source>
        <translation>This backup is incomplete or damaged and cannot be restored. Choose another backup.</translation>
    </message>
    <message>
        <source>这个备份由更新版本的 RectDesk 创建，请升级 RectDesk 后再恢复。</source>
        <translation>This backup was made by a newer version of RectDesk. Upgrade RectDesk, then restore it.</translation>
    </message>
    <message>
        <source>数据文件正由另一个 RectDesk 窗口使用，不能恢复。请先关闭那个窗口后重试。</source>
        <translation>Another RectDesk window is using the data file, so it cannot be restored. Close that window and try again.</translation>
    </message>
    <message>
        <source>恢复失败：{reason}（原数据已另存到“{kept}”）</source>
        <translation>Restore failed: {reason} (the original data was kept in “{kept}”)</translation>
    </message>
    <message>
        <source>恢复前无法另存当前数据文件，恢复已取消，数据未改动。{reason}</source>
        <translation>The current data file could not be kept before restoring, so the restore was cancelled and no data changed. {reason}</translation>
    </message>
    <message>
        <source>备份失败：无法读取数据文件，请检查文件所在的位置后重试。</source>
        <translation>Backup failed: the data file could not be read. Check where the file is and try again.</translation>
    </message>
    <message>
        <source>数据文件旁出现了不属于它的“{name}”（可能是从别处复制来的），RectDesk 没有使用它，已改名为“{moved}”留在原处；刚才的操作没有进行，请再做一次。</source>
        <translation>A file “{name}” that does not belong to the data file appeared beside it (probably copied from elsewhere). RectDesk did not use it and renamed it to “{moved}” in the same folder. The last action was not carried out; please do it again.</translation>
    </message>
    <message>
        <source>无法打开数据文件“{path}”，请检查文件是否存在、是否有读写权限。</source>
        <translation>The data file “{path}” cannot be opened. Check that it exists and that you may read and write it.</translation>
    </message>
    <message>
        <source>数据文件“{name}”有一次中断的写入还没有回滚，只读方式无法处理；请关闭其他 RectDesk 窗口后再试（回滚会自动进行）。</source>
        <translation>The data file “{name}” has an interrupted write that is not rolled back yet, which cannot be done read-only. Close the other RectDesk windows and try again (the rollback happens by itself).</translation>
    </message>
    <message>
        <source>另一个 RectDesk 程序正在写入数据文件“{name}”（例如正在导入），现在无法读取；数据文件没有损坏，请等它完成后再试。</source>
        <translation>Another RectDesk program is writing to the data file “{name}” (for example importing), so it cannot be read now. The data file is not damaged; wait until it finishes and try again.</translation>
    </message>
    <message>
        <source>数据文件“{name}”已损坏或不是 RectDesk 数据文件，请从备份恢复。</source>
        <translation>The data file “{name}” is damaged or is not a RectDesk data file. Restore it from a backup.</translation>
    </message>
    <message>
        <source>这个数据文件由更新版本的 RectDesk 创建，请升级 RectDesk 后再打开。</source>
        <extracomment>SQLite&apos;s primary result codes for &quot;another connection holds a lock&quot;. SQLITE_READONLY_ROLLBACK: a hot journal that a read-only connection cannot roll back.</extracomment>
        <translation>This data file was made by a newer version of RectDesk. Upgrade RectDesk, then open it.</translation>
    </message>
    <message>
        <source>磁盘空间不足，本次修改没有保存。请清理磁盘后重试。</source>
        <extracomment>SQLite messages that mean the disk or the drive failed, not the program.</extracomment>
        <translation>Not enough disk space; this change was not saved. Free up space and try again.</translation>
    </message>
    <message>
        <source>读写数据文件时出错（可能是 U 盘被拔出或网络断开），本次修改没有保存。请检查数据文件所在的位置后重新打开 RectDesk。</source>
        <translation>Reading or writing the data file failed (a USB drive may have been removed or the network lost). This change was not saved. Check where the data file is, then open RectDesk again.</translation>
    </message>
    <message>
        <source>找不到数据文件所在的位置（可能是 U 盘被拔出或网络断开），本次修改没有保存。请重新连接后重新打开 RectDesk。</source>
        <translation>The data file&apos;s location cannot be found (a USB drive may have been removed or the network lost). This change was not saved. Reconnect, then open RectDesk again.</translation>
    </message>
    <message>
        <source>数据文件所在的位置已无法写入（可能是 U 盘被拔出或设为只读），本次修改没有保存。请检查后重新打开 RectDesk。</source>
        <translation>The data file&apos;s location can no longer be written (a USB drive may have been removed or made read-only). This change was not saved. Check it, then open RectDesk again.</translation>
    </message>
    <message>
        <source>磁盘空间不足，本次修改没有保存（已撤回，数据未改动）：数据文件所在的磁盘只剩 {free}，不够这次写入使用；请清理磁盘后重试。</source>
        <translation>Not enough disk space; this change was not saved (it was taken back and no data changed). The disk holding the data file has only {free} free, which is not enough for this write. Free up space and try again.</translation>
    </message>
    <message>
        <source>这份销号申请已经审核过（{state}），不能再次审核。</source>
        <translation>This close-off application has already been reviewed ({state}) and cannot be reviewed again.</translation>
    </message>
    <message>
        <source>找不到这份销号申请，可能已被删除。</source>
        <translation>This close-off application was not found; it may have been deleted.</translation>
    </message>
    <message>
        <source>找不到编号为 {import_id} 的导入记录，请用“imports”查看。</source>
        <translation>There is no import {import_id}. Use “imports” to list them.</translation>
    </message>
    <message>
        <source>{year}年已有文号{number}，请换一个编号。</source>
        <translation>Letter number {number} is already used in {year}. Choose another number.</translation>
    </message>
    <message>
        <source>找不到这份督办函，可能已被删除。</source>
        <translation>This letter was not found; it may have been deleted.</translation>
    </message>
    <message>
        <source>上次有一次写入没有完成（程序被强制结束、断电或磁盘已满），已自动回滚到那次写入之前；在那之前保存的数据都在。</source>
        <extracomment>Tables every RectDesk store has had since its first release.</extracomment>
        <translation>Last time a write did not finish (the program was killed, the power failed or the disk was full). It was rolled back automatically; everything saved before it is still there.</translation>
    </message>
    <message>
        <source>数据文件“{path}”不存在：请检查路径是否写对；只有 demo、import 和窗口首次启动会新建数据文件。</source>
        <translation>The data file “{path}” does not exist. Check the path; a new data file is made only by demo, import and the window&apos;s first start.</translation>
    </message>
    <message>
        <source>数据文件“{name}”已损坏，无法打开，请从备份恢复。</source>
        <translation>The data file “{name}” is damaged and cannot be opened. Restore it from a backup.</translation>
    </message>
    <message>
        <source>数据文件所在的文件夹不能写入（只读或没有权限），只能以只读方式查看；要修改数据，请把数据文件复制到可以写入的文件夹。</source>
        <translation>The data file&apos;s folder cannot be written (read-only, or no permission), so it can only be viewed read-only. To change data, copy the data file to a folder you can write to.</translation>
    </message>
    <message>
        <source>这个数据文件正由另一个 RectDesk 程序（窗口或命令行）写入，请等它完成或关闭它后再试；也可以以只读方式打开。</source>
        <translation>Another RectDesk program (a window or the command line) is writing to this data file. Wait until it finishes or close it, then try again; or open the file read-only.</translation>
    </message>
    <message>
        <source>数据文件“{path}”是空文件（0 字节），里面没有数据；请检查路径是否写对。</source>
        <translation>The data file “{path}” is empty (0 bytes) and holds no data. Check the path.</translation>
    </message>
    <message>
        <source>数据文件“{name}”是空文件（0 字节），不是新的空台账（可能在复制或断电时被截断）；旁边的 backups 文件夹里有 {when} 的完好备份“{backup}”（{items} 条事项），请用“rectdesk-cli restore {folder}”恢复，或打开 RectDesk 窗口按提示恢复。</source>
        <translation>The data file “{name}” is empty (0 bytes); it is not a new, empty ledger (it may have been cut short while copying or by a power failure). The backups folder next to it holds a sound backup “{backup}” from {when} ({items} items). Restore it with “rectdesk-cli restore {folder}”, or open the RectDesk window and follow its prompts.</translation>
    </message>
    <message>
        <source>“{name}”是其他程序的数据库文件，不是 RectDesk 数据文件；RectDesk 没有改动它，请检查 --db 给出的路径。</source>
        <translation>“{name}” is another program&apos;s database, not a RectDesk data file. RectDesk did not change it. Check the path given with --db.</translation>
    </message>
    <message>
        <source>数据文件“{name}”已损坏（打开时的快速检查没有通过），为免读到或写入错误的数据，这次没有使用它；请运行“rectdesk-cli check”查看，并用“rectdesk-cli backups”找到完好的备份恢复。</source>
        <translation>The data file “{name}” is damaged (it failed the quick check on opening), so it was not used, to avoid reading or writing wrong data. Run “rectdesk-cli check” to look at it, and find a sound backup to restore with “rectdesk-cli backups”.</translation>
    </message>
    <message>
        <source>征求到的意见条数不能是负数。</source>
        <translation>The number of opinions gathered cannot be negative.</translation>
    </message>
    <message>
        <source>“到期天数”不能是负数。</source>
        <extracomment>The domain&apos;s sort keys, mapped to SQL; the source order breaks ties. Where PostgreSQL needs other words: CAST of a text that is not a number fails there, so SQLite&apos;s reading of it (the leading integer, else 0) is a function of the server schema.</extracomment>
        <translation>Days until due cannot be negative.</translation>
    </message>
    <message>
        <source>无法按“{sort}”排序，可用的排序字段：{sorts}。</source>
        <translation>Cannot sort by “{sort}”. Sort fields: {sorts}.</translation>
    </message>
    <message>
        <source>台账内容不能为空，请填写进展情况。</source>
        <extracomment>Ledger kinds whose text becomes the item&apos;s latest progress (整改进展). One evidence file at most (a scanned binder of a few hundred pages fits well within it). Room left on the disk after copying evidence, so the store and its backups can still grow.</extracomment>
        <translation>A ledger entry cannot be empty. Write the progress.</translation>
    </message>
    <message>
        <source>找不到这条台账记录，可能已被删除。</source>
        <translation>This ledger entry was not found; it may have been deleted.</translation>
    </message>
    <message>
        <source>佐证材料“{name}”有 {size}，超过单个文件 {limit} 的上限；请压缩或只选取关键页后再添加。</source>
        <translation>Evidence file “{name}” is {size}, more than the limit of {limit} per file. Compress it or keep only the key pages, then add it.</translation>
    </message>
    <message>
        <source>磁盘空间不足：复制佐证材料“{name}”需要约 {needed}，只剩 {free}；请清理磁盘后再添加。</source>
        <translation>Not enough disk space: copying evidence file “{name}” needs about {needed}, but only {free} is left. Free up space, then add it.</translation>
    </message>
    <message>
        <source>无法复制佐证材料“{name}”，请检查磁盘空间和文件权限。</source>
        <translation>Evidence file “{name}” could not be copied. Check the disk space and the file permissions.</translation>
    </message>
    <message>
        <source>找不到这份佐证材料，可能已被删除。</source>
        <translation>This evidence was not found; it may have been deleted.</translation>
    </message>
    <message>
        <source>这个数据文件还没有下发过报送表，无法核对收回的表格。</source>
        <extracomment>The settings key of the store&apos;s secret that seals every row mark.</extracomment>
        <translation>No report sheets have been sent from this data file yet, so returned sheets cannot be checked.</translation>
    </message>
    <message>
        <source>数据文件旁的“{name}”不属于这个数据文件（可能是从别处复制来的），RectDesk 没有使用它，已改名为“{moved}”留在原处。</source>
        <extracomment>Added to the name of a file moved aside (before a time stamp).</extracomment>
        <translation>“{name}” next to the data file does not belong to it (it may have been copied from elsewhere). RectDesk did not use it and renamed it to “{moved}” in the same place.</translation>
    </message>
    <message>
        <source>数据文件旁的“{name}”不属于这个数据文件，而 RectDesk 无法把它改名移开（可能没有权限）；为免它混入数据，这次没有打开数据文件，请把它移到别处后再试。</source>
        <translation>“{name}” next to the data file does not belong to it, and RectDesk cannot rename it out of the way (perhaps no permission). To keep it out of the data, the data file was not opened. Move it elsewhere and try again.</translation>
    </message>
    <message>
        <source>无法恢复已删除的事项：它的编号已被新添加的事项占用。</source>
        <extracomment>Item columns recorded in the audit log under one field name. Item columns whose difference alone is no change of the item. Whether the rowid has a column name of its own (INTEGER PRIMARY KEY). column -&gt; referenced child table, for references between child tables. How a row is named in SQL: SQLite&apos;s rowid; on a server, the key or the rowid column.</extracomment>
        <translation>The deleted item cannot be brought back: its number is taken by an item added since.</translation>
    </message>
    <message>
        <source>无法恢复已删除的事项：它所在的批次已被删除。</source>
        <translation>The deleted item cannot be brought back: its batch has been deleted.</translation>
    </message>
    <message>
        <source>当前以只读方式打开，不能修改数据。请关闭其他 RectDesk 窗口后重新打开。</source>
        <extracomment>Item fields a caller may change through update_item, besides departments and extra. Page cache of a worker&apos;s writer connection, in KiB: a large write keeps its pages in memory until it commits, instead of taking the file&apos;s exclusive lock early and making the window&apos;s reads wait. Items whose assignments, extra fields and search entries are written together. Texts longer than this are bound as copies (see _copy). The search index&apos;s insert trigger (whitespace collapsed), as the schema creates it ... ... and the same entries for stored items, taken from their rows (completed by a WHERE). The SQL engine behind the connection (a server store says POSTGRES). Sentences for the clerk from opening (a foreign file set aside, a write rolled back).</extracomment>
        <translation>Opened read-only; data cannot be changed. Close the other RectDesk windows and open it again.</translation>
    </message>
    <message>
        <source>内存中的临时数据不能保存附件。</source>
        <translation>Temporary data in memory cannot keep attachments.</translation>
    </message>
    <message>
        <source>找不到编号为 {batch_id} 的批次，请用“batches”查看已有批次。</source>
        <translation>There is no batch {batch_id}. Use “batches” to list the batches.</translation>
    </message>
    <message>
        <source>不能修改这些字段：{fields}。</source>
        <translation>These fields cannot be changed: {fields}.</translation>
    </message>
    <message>
        <source>找不到编号为 {item_id} 的事项，可能已被删除。</source>
        <translation>Item {item_id} was not found; it may have been deleted.</translation>
    </message>
    <message>
        <source>“{text}”不是日期，请写成 2027-02-06 或 2027-02-06..2027-02-13。</source>
        <translation>“{text}” is not a date. Write it as 2027-02-06 or 2027-02-06..2027-02-13.</translation>
    </message>
    <message>
        <source>“{text}”不是有效的日期，请核对。</source>
        <translation>“{text}” is not a valid date. Please check it.</translation>
    </message>
    <message>
        <source>日期区间“{text}”不对，请把较早的日期写在前面。</source>
        <translation>The date range “{text}” is wrong. Put the earlier date first.</translation>
    </message>
    <message>
        <source>佐证材料“{name}”的文件不在数据文件旁的文件夹中，可能被移动或删除，请从备份恢复。</source>
        <translation>The file of evidence “{name}” is not in the folder next to the data file; it may have been moved or deleted. Restore it from a backup.</translation>
    </message>
    <message>
        <source>没有能打开“{name}”的程序，请手动打开：{path}</source>
        <translation>No program can open “{name}”. Open it yourself: {path}</translation>
    </message>
    <message>
        <source>表头分组“{part}”写法不对，请写成 分组名:起始列-结束列，如 基本情况:2-3。</source>
        <translation>Header group “{part}” is not written correctly. Write it as name:first-last column, such as Basics:2-3.</translation>
    </message>
    <message>
        <source>表头分组“{part}”的列号不对，起始列应不大于结束列。</source>
        <translation>The columns of header group “{part}” are wrong: the first column must not be after the last.</translation>
    </message>
    <message>
        <source>请先在“名称”中填写模板名称，再保存。</source>
        <translation>Fill in the template&apos;s Name first, then save.</translation>
    </message>
    <message>
        <source>无法读取模板文件“{name}”，请确认它是 RectDesk 导出的模板文件。</source>
        <translation>Template file “{name}” cannot be read. Make sure it is a template file exported by RectDesk.</translation>
    </message>
    <message>
        <source>“{name}”不是 RectDesk 模板文件。</source>
        <translation>“{name}” is not a RectDesk template file.</translation>
    </message>
    <message>
        <source>台账的数据表互相引用，无法确定复制顺序。</source>
        <extracomment>Kept by the target&apos;s triggers from the copied assignments: compared, never copied. Bookkeeping of one engine that the other keeps its own way (a store file&apos;s row checksums are written by its own triggers as the rows arrive). Called with (table, rows copied so far) while a table is copied. table -&gt; rows, in the order the tables were copied. table -&gt; the checksum both sides agreed on.</extracomment>
        <translation>The ledger&apos;s tables refer to each other in a circle, so no copying order can be found.</translation>
    </message>
    <message>
        <source>原台账“{table}”表里有文字含空字符（代码为 0 的控制字符），服务器上的台账不能保存它，已全部撤回，目标台账没有改动；请先在原台账里删去这个字符。</source>
        <translation>A text in the source ledger&apos;s “{table}” table holds the NUL character (the control character with code 0), which a server ledger cannot store. Everything was taken back and the target ledger is unchanged; remove that character in the source ledger first.</translation>
    </message>
    <message>
        <source>两个台账的数据表不一致（可能由不同版本的 RectDesk 建立），无法复制；请先用同一版本的 RectDesk 分别打开它们一次。</source>
        <translation>The two ledgers have different tables (they may have been made by different versions of RectDesk), so nothing can be copied. Open each of them once with the same version of RectDesk first.</translation>
    </message>
    <message>
        <source>复制后核对不一致（{table}），已全部撤回，目标台账没有改动；请重试。</source>
        <translation>The check after copying found a difference ({table}). Everything was taken back and the target ledger is unchanged. Try again.</translation>
    </message>
    <message>
        <source>台账已全部复制并核对一致，但建立搜索索引时出错：搜索仍然正确，只是较慢；下次以可写方式打开这个台账时会自动补建。</source>
        <translation>The ledger was copied completely and checks out, but building its search index failed: searches still find the right items, only more slowly; the index is built again the next time this ledger is opened for writing.</translation>
    </message>
    <message>
        <source>两个台账的“{table}”表字段不一致（可能由不同版本的 RectDesk 建立），无法复制。</source>
        <extracomment>The item&apos;s columns each of its department rows keeps a copy of.</extracomment>
        <translation>The table “{table}” has different fields in the two ledgers (they may have been made by different versions of RectDesk), so nothing can be copied.</translation>
    </message>
    <message>
        <source>目标台账里已经有数据（{table}），复制只能写入空台账，以免混入或覆盖；请换一个新的数据文件或空数据库。</source>
        <translation>The target ledger already holds data ({table}). Copying writes only to an empty ledger, so nothing gets mixed in or overwritten. Use a new data file or an empty database.</translation>
    </message>
    <message>
        <source>复制后各科室的统计与原台账不一致，已全部撤回，目标台账没有改动；请重试。</source>
        <translation>After copying, the counts per unit differ from the source ledger. Everything was taken back and the target ledger is unchanged. Try again.</translation>
    </message>
    <message>
        <source>原台账有佐证材料，但找不到它们所在的文件夹，无法复制；请用 --source-files 指定原台账的佐证材料文件夹。</source>
        <translation>The source ledger has evidence files, but their folder cannot be found, so nothing can be copied. Give the source ledger&apos;s evidence folder with --source-files.</translation>
    </message>
    <message>
        <source>原台账有佐证材料等文件，目标台账还没有指定存放它们的文件夹；请用 --target-files 指定一个各台电脑都能访问的文件夹。</source>
        <translation>The source ledger has evidence and other files, but the target ledger has no folder for them yet. Give a folder every computer can reach with --target-files.</translation>
    </message>
    <message>
        <source>目标文件夹里已有同名文件“{name}”，复制只能写入空文件夹。</source>
        <translation>The target folder already has a file named “{name}”. Copying writes only to an empty folder.</translation>
    </message>
    <message>
        <source>佐证材料“{name}”复制后核对不一致（或原文件已缺失），已全部撤回。</source>
        <translation>Evidence file “{name}” did not match after copying (or the original is missing). Everything was taken back.</translation>
    </message>
    <message>
        <source>复制佐证材料时出错，请检查目标文件夹的空间和权限。</source>
        <translation>Copying the evidence files failed. Check the target folder&apos;s free space and permissions.</translation>
    </message>
    <message>
        <source>请填写以 postgresql:// 开头的服务器地址。</source>
        <translation>Enter a server address starting with postgresql://.</translation>
    </message>
    <message>
        <source>找不到佐证材料文件夹“{folder}”，请确认这台电脑能访问它。</source>
        <translation>The evidence folder &quot;{folder}&quot; cannot be found; make sure this PC can reach it.</translation>
    </message>
    <message>
        <source>连接成功：服务器上的数据库（{database}）还是空的，连接后将在这里新建台账。</source>
        <translation>Connected: the database on the server ({database}) is still empty; a new ledger will be created there when you connect.</translation>
    </message>
    <message>
        <source>连接成功：服务器上的台账（{database}）有 {batches} 个批次、{items} 条事项。</source>
        <translation>Connected: the ledger on the server ({database}) has {batches} batches and {items} items.</translation>
    </message>
    <message>
        <source>备份服务器上的台账</source>
        <extracomment>Where the PostgreSQL client programs may be named explicitly. The ending of a server backup: pg_dump&apos;s, or a RectDesk data file&apos;s. How long a dump or restore may take before it is given up (a large ledger takes minutes).</extracomment>
        <translation>Backing up the server ledger</translation>
    </message>
    <message>
        <source>恢复服务器上的台账</source>
        <translation>Restoring the server ledger</translation>
    </message>
    <message>
        <source>检查备份文件</source>
        <translation>Checking the backup file</translation>
    </message>
    <message>
        <source>这台电脑上找不到 PostgreSQL 的 {program} 程序，不能备份或恢复服务器上的台账。请安装 PostgreSQL 客户端（Debian/麒麟/统信：postgresql-client），或用环境变量 {variable} 指出它所在的文件夹。</source>
        <translation>PostgreSQL&apos;s {program} program is not on this PC, so the server ledger cannot be backed up or restored. Install the PostgreSQL client (Debian/Kylin/UOS: postgresql-client), or name its folder in the environment variable {variable}.</translation>
    </message>
    <message>
        <source>只有服务器上的台账才用这种方式备份。</source>
        <translation>Only a ledger on a server is backed up this way.</translation>
    </message>
    <message>
        <source>备份文件“{name}”没有通过检查，不能用它恢复；请换一个备份。</source>
        <translation>The backup file “{name}” did not pass its check and cannot be restored from; choose another backup.</translation>
    </message>
    <message>
        <source>“{name}”不是 RectDesk 服务器台账的备份，不能用它恢复。</source>
        <translation>&quot;{name}&quot; is not a backup of a RectDesk server ledger and cannot be restored.</translation>
    </message>
    <message>
        <source>只有服务器上的台账才能用服务器台账的备份恢复。</source>
        <translation>Only a ledger on a server can be restored from a server ledger&apos;s backup.</translation>
    </message>
    <message>
        <source>找不到备份文件“{path}”。</source>
        <translation>The backup file &quot;{path}&quot; cannot be found.</translation>
    </message>
    <message>
        <source>{what}用时超过 {minutes} 分钟，已停止；请稍后重试。</source>
        <translation>{what} took longer than {minutes} minutes and was stopped; please try again later.</translation>
    </message>
    <message>
        <source>无法运行 {program}，{what}没有完成。</source>
        <translation>Cannot run {program}; {what} was not completed.</translation>
    </message>
    <message>
        <source>{what}没有成功（{database}），台账没有改变；请检查网络和权限后重试。</source>
        <translation>{what} did not succeed ({database}); the ledger is unchanged. Check the network and permissions, then try again.</translation>
    </message>
    <message>
        <source>{kind}：{names} 同时用于事项 {items}</source>
        <extracomment>Images with more pixels than this are not decoded (a photo has 12–50 million). PDF pages read for the text comparison, and the file size beyond which none is. One group of reused evidence, said with or without the near images&apos; distance and the units.</extracomment>
        <translation>{kind}: {names} used for items {items}</translation>
    </message>
    <message>
        <source>{kind}：{names} 同时用于事项 {items}，涉及不同单位：{units}</source>
        <translation>{kind}: {names} used for items {items}, across units: {units}</translation>
    </message>
    <message>
        <source>{kind}（相差{distance}位）：{names} 同时用于事项 {items}</source>
        <translation>{kind} ({distance} bits apart): {names} used for items {items}</translation>
    </message>
    <message>
        <source>{kind}（相差{distance}位）：{names} 同时用于事项 {items}，涉及不同单位：{units}</source>
        <translation>{kind} ({distance} bits apart): {names} used for items {items}, across units: {units}</translation>
    </message>
    <message>
        <source>（无法解析的服务器地址）</source>
        <extracomment>Quoted text and names pass unchanged; ``?`` and ``%`` outside them are rewritten. The server&apos;s side of a vanished clerk: its TCP gives up on the clerk&apos;s PC within half a minute (not the operating system&apos;s two hours), so the half-done transaction is rolled back and the rows it locked are free for the other clerks. Only the settings the server knows are set (PostgreSQL 12 added tcp_user_timeout; kindred servers may lack some).</extracomment>
        <translation>(unreadable server address)</translation>
    </message>
    <message>
        <source>要保存的文字里有一个空字符（代码为 0 的控制字符），服务器上的台账不能保存它；请检查来源表格，删去这个字符后重试。</source>
        <translation>The text to save contains a null character (control code 0), which a server ledger cannot store; check the source table, remove that character and try again.</translation>
    </message>
    <message>
        <source>服务器地址的写法不对，请按“postgresql://用户名@服务器:端口/数据库名”填写。</source>
        <extracomment>Set (to anything, ``sqlite3.Row`` included) to read rows by column name. The server as named in messages (no password). table -&gt; the column an INSERT returns as lastrowid (None: the table has none). The database as named in messages (no password).</extracomment>
        <translation>The server address is not written correctly; write it as postgresql://user@server:port/database.</translation>
    </message>
    <message>
        <source>无法连接台账服务器（{where}）：请检查服务器地址、端口、数据库名和用户名是否写对，服务器是否已启动、是否允许这台电脑连接；需要密码时，请把它存在 PostgreSQL 的密码文件（pgpass）里，RectDesk 不保存密码。</source>
        <translation>Cannot connect to the ledger server ({where}). Check that the server address, port, database name and user name are right, that the server is running and accepts this computer; if a password is needed, keep it in PostgreSQL&apos;s password file (pgpass): RectDesk does not store passwords.</translation>
    </message>
    <message>
        <source>服务器上的数据库（{where}）不是 UTF8 编码，存不下中文；请让管理员新建一个 UTF8 编码的数据库（ENCODING &apos;UTF8&apos;）后再连接。</source>
        <translation>The database on the server ({where}) is not UTF8-encoded and cannot hold Chinese; ask the administrator to create a UTF8 database (ENCODING &apos;UTF8&apos;) and connect to that.</translation>
    </message>
    <message>
        <source>服务器上的这个台账由更新版本的 RectDesk 建立，请升级 RectDesk 后再连接。</source>
        <extracomment>Serialises migrations of one database between clients (pg_advisory_xact_lock). The name of the trigram search index. A LIKE the planner cannot see into, so that it expects a common term to match often and walks the page&apos;s order instead of sorting every match (see store/pg/search.py). Row versions and the clerk&apos;s account and machine in the audit log (SQLite: 0012). The first form of that index: an array of the characters (0004, replaced by 0005).</extracomment>
        <translation>This ledger on the server was made by a newer version of RectDesk; upgrade RectDesk and connect again.</translation>
    </message>
    <message>
        <source>服务器上的数据库（{where}）里已有其他程序的数据表，不是 RectDesk 台账；RectDesk 没有改动它，请检查连接地址，或请管理员新建一个空数据库。</source>
        <translation>The database on the server ({where}) holds another program&apos;s tables and is not a RectDesk ledger; RectDesk left it untouched. Check the address, or ask the administrator for a new empty database.</translation>
    </message>
    <message>
        <source>服务器上的数据库（{where}）里还没有台账：请检查数据库名是否写对；要在这里新建台账，请以可写方式连接并导入或新建。</source>
        <translation>The database on the server ({where}) holds no ledger yet. Check the database name; to start a ledger there, connect with write access and import or create one.</translation>
    </message>
    <message>
        <source>服务器上的台账（{where}）需要升级到这个版本的 RectDesk，只读连接不能升级；请先用可写的账号连接一次。</source>
        <translation>The ledger on the server ({where}) needs upgrading to this version of RectDesk, which a read-only connection cannot do; connect once with an account that may write.</translation>
    </message>
    <message>
        <source>服务器上的台账（{where}）有不一致的地方，请联系管理员检查。</source>
        <extracomment>Where the ledger is, for messages (user, host, database; never a password). Whether searches of three characters and more use the trigram index. Read-only because the server account may only look (not because it was asked).</extracomment>
        <translation>The ledger on the server ({where}) is inconsistent; please ask the administrator to check it.</translation>
    </message>
    <message>
        <source>这是台账服务器（{where}）的只读连接：只能查看和打印，不能修改。要修改，请用有修改权限的账号连接。</source>
        <translation>This is a read-only connection to the ledger server ({where}): you can view and print but not change anything. To make changes, connect with an account that may write.</translation>
    </message>
    <message>
        <source>这个服务器台账还没有指定存放佐证材料的共享文件夹，不能添加或打开佐证材料；请在连接设置里选一个各台电脑都能访问的文件夹。</source>
        <translation>No shared folder for evidence files has been chosen for this server ledger, so evidence cannot be added or opened; choose a folder every PC can reach in the connection settings.</translation>
    </message>
    <message>
        <source>另一位用户</source>
        <extracomment>Audit field names that are not item fields, as the clerk knows them. At most this many changed fields are named. How the clerk knows the item (its number, else the start of its content). Changes recorded since the version seen, oldest first (may be empty). Whether the item is gone. When the item was last changed, as stored (used when no change was recorded).</extracomment>
        <translation>another user</translation>
    </message>
    <message>
        <source>事项“{name}”已被别人删除，另有 {others} 条事项也已被别人改过，您的修改没有保存；请重新载入后再改。</source>
        <translation>Item &quot;{name}&quot; was deleted by someone else, and {others} more items were changed by others; your change was not saved. Reload and make it again.</translation>
    </message>
    <message>
        <source>事项“{name}”已被别人删除，您的修改没有保存；请重新载入后再改。</source>
        <translation>Item &quot;{name}&quot; was deleted by someone else; your change was not saved. Reload and make it again.</translation>
    </message>
    <message>
        <source>事项“{name}”已由 {who} 于 {when} 删除，另有 {others} 条事项也已被别人改过，您的修改没有保存；请重新载入后再改。</source>
        <translation>Item &quot;{name}&quot; was deleted by {who} at {when}, and {others} more items were changed by others; your change was not saved. Reload and make it again.</translation>
    </message>
    <message>
        <source>事项“{name}”已由 {who} 于 {when} 删除，您的修改没有保存；请重新载入后再改。</source>
        <translation>Item &quot;{name}&quot; was deleted by {who} at {when}; your change was not saved. Reload and make it again.</translation>
    </message>
    <message>
        <source>事项“{name}”已在 {when} 被别人改过，另有 {others} 条事项也已被别人改过，您的修改没有保存；请重新载入后再改。</source>
        <translation>Item &quot;{name}&quot; was changed by someone else at {when}, and {others} more items were changed too; your change was not saved. Reload and make it again.</translation>
    </message>
    <message>
        <source>事项“{name}”已在 {when} 被别人改过，您的修改没有保存；请重新载入后再改。</source>
        <translation>Item &quot;{name}&quot; was changed by someone else at {when}; your change was not saved. Reload and make it again.</translation>
    </message>
    <message>
        <source>事项“{name}”的“{fields}”已由 {who} 于 {when} 改过，另有 {others} 条事项也已被别人改过，您的修改没有保存；请重新载入后再改。</source>
        <translation>&quot;{fields}&quot; of item &quot;{name}&quot; was changed by {who} at {when}, and {others} more items were changed by others; your change was not saved. Reload and make it again.</translation>
    </message>
    <message>
        <source>事项“{name}”的“{fields}”已由 {who} 于 {when} 改过，您的修改没有保存；请重新载入后再改。</source>
        <translation>&quot;{fields}&quot; of item &quot;{name}&quot; was changed by {who} at {when}; your change was not saved. Reload and make it again.</translation>
    </message>
    <message>
        <source>与台账服务器（{where}）的连接断开了（网络中断或服务器重启）：断开时做的修改没有保存，已保存的数据不受影响；服务器恢复后会自动重新连接，也可以点“重试”。</source>
        <translation>The connection to the ledger server ({where}) was lost (network down or server restarted): changes made while it was lost were not saved, and saved data is unaffected; RectDesk reconnects by itself when the server is back, or click “Retry”.</translation>
    </message>
</context>
<context>
    <name>FieldChangesModel</name>
    <message>
        <source>采纳</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>选择上级下发的表格</source>
        <translation>Choose the spreadsheet sent by the upper level</translation>
    </message>
    <message>
        <source>支持 xlsx、xlsm、xls、WPS 的 et 和 csv；按文件内容识别格式。</source>
        <translation>Supports xlsx, xlsm, xls, WPS et and csv; the format is detected from the content.</translation>
    </message>
    <message>
        <source>表格文件的位置</source>
        <translation>Spreadsheet location</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>在电脑上找到上级下发的表格</source>
        <translation>Find the table sent down by the upper level on this computer</translation>
    </message>
    <message>
        <source>选择表格</source>
        <translation>Choose spreadsheet</translation>
    </message>
</context>
<context>
    <name>FilesField</name>
    <message>
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>选择佐证材料</source>
        <translation>Choose evidence files</translation>
    </message>
</context>
<context>
    <name>FillBackDialog</name>
    <message>
        <source>回填整改进展到原表</source>
        <translation>Fill progress back into the original table</translation>
    </message>
    <message>
        <source>把批次“{name}”的整改进展、完成情况、是否销号和销号日期写进上级下发的原表，原表的工作表、格式和合并单元格保持不变；原表没有这些列时在右侧添加。</source>
        <translation>Writes the progress, status, closed-off flag and close-off date of batch “{name}” into the original table from the upper level, keeping its sheets, formatting and merged cells; missing columns are added on the right.</translation>
    </message>
    <message>
        <source>注意：回填的是完整信息，群众的姓名、手机号、身份证号等原样写入新文件，不做脱敏，仅用于报送上级；每次回填都会记入审计日志。</source>
        <translation>Note: filling back writes the full data. Citizens’ names, mobile numbers and ID numbers go into the new file unmasked, for reporting to the upper level only; every fill-back is recorded in the audit log.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>上级原表</source>
        <translation>Original table</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>回填</source>
        <translation>Fill back</translation>
    </message>
    <message>
        <source>选择上级原表</source>
        <translation>Choose the original table</translation>
    </message>
    <message>
        <source>Excel 表格 (*.xlsx *.xlsm)</source>
        <translation>Excel spreadsheet (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Excel 表格 (*.xlsx)</source>
        <translation>Excel spreadsheet (*.xlsx)</translation>
    </message>
    <message>
        <source>请选择上级原表和保存位置。</source>
        <translation>Choose the original table and where to save.</translation>
    </message>
    <message>
        <source>已回填 {n} 行，保存为“{path}”。</source>
        <translation>Filled {n} rows, saved as “{path}”.</translation>
    </message>
    <message>
        <source>本次回填含完整个人信息，已记入审计日志。</source>
        <translation>This fill-back holds full personal data and has been recorded in the audit log.</translation>
    </message>
    <message>
        <source>新增列：{cols}。</source>
        <translation>Columns added: {cols}.</translation>
    </message>
    <message>
        <source>没有对应事项、未回填：{rows}。</source>
        <translation>No matching item, not filled: {rows}.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>搜索编号、来源、内容、措施、进展、单位…（Ctrl+F）</source>
        <extracomment>How long typing must pause before the table follows (ms). The date a QDateEdit shows as &quot;不限&quot;. Fields the filter bar manages (the rest of an ItemQuery is the table&apos;s business). Fields a navigator view sets; choosing another view replaces them all.</extracomment>
        <translation>Search text, numbers, units… (Ctrl+F)</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>Any unit</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>Any category</translation>
    </message>
    <message>
        <source>全部批次</source>
        <translation>Any batch</translation>
    </message>
    <message>
        <source>时限从</source>
        <translation>Due from</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>清除全部筛选</source>
        <translation>Clear all filters</translation>
    </message>
    <message>
        <source>去掉所有筛选条件，显示全部事项（Ctrl+Shift+L）</source>
        <translation>Drop every filter and show all items (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>输入任意文字（可以只是几个字），在编号、来源、内容、措施、成果、进展和单位中查找；空格隔开的几个词要同时出现。Ctrl+F 回到这里。</source>
        <translation>Type any text (a few characters are enough) to find it in the number, source, content, measures, results, progress and units; several words separated by spaces must all appear. Ctrl+F comes back here.</translation>
    </message>
    <message>
        <source>只看某种完成情况的事项</source>
        <translation>Only items with this status</translation>
    </message>
    <message>
        <source>只看某个单位牵头或配合的事项</source>
        <translation>Only items this unit leads or assists with</translation>
    </message>
    <message>
        <source>只看某个类别的事项</source>
        <translation>Only items of this category</translation>
    </message>
    <message>
        <source>只看某个批次（一次下发的清单）的事项</source>
        <translation>Only items of this batch (one list sent down)</translation>
    </message>
    <message>
        <source>整改时限从这一天起（含）；“不限”表示不限制</source>
        <translation>Deadlines from this day on (inclusive); “Any” sets no limit</translation>
    </message>
    <message>
        <source>整改时限到这一天止（含）；“不限”表示不限制</source>
        <translation>Deadlines up to this day (inclusive); “Any” sets no limit</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>搜索“{0}”</source>
        <translation>Search “{0}”</translation>
    </message>
    <message>
        <source>批次：{0}</source>
        <translation>Batch: {0}</translation>
    </message>
    <message>
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>{0}日内到期</source>
        <translation>Due within {0} days</translation>
    </message>
    <message>
        <source>预警：{0}</source>
        <translation>Warning: {0}</translation>
    </message>
    <message>
        <source>单位：{0}</source>
        <translation>Unit: {0}</translation>
    </message>
    <message>
        <source>类别：{0}</source>
        <translation>Category: {0}</translation>
    </message>
    <message>
        <source>时限：{0} 至 {1}</source>
        <translation>Deadline: {0} to {1}</translation>
    </message>
    <message>
        <source>指定的 {0} 条事项</source>
        <translation>{0} chosen items</translation>
    </message>
    <message>
        <source>去掉这个筛选条件</source>
        <translation>Remove this filter</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>全部 {0} 条事项</source>
        <translation>All {0} items</translation>
    </message>
    <message>
        <source>筛选中…（共 {0} 条）</source>
        <translation>Filtering… ({0} in all)</translation>
    </message>
    <message>
        <source>筛选后 {0} 条（共 {1} 条），条件：</source>
        <translation>{0} of {1} items match:</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>使用说明</source>
        <extracomment>The languages the help is written in, as folders of resources/help.</extracomment>
        <translation>User guide</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>节假日安排</source>
        <translation>Holiday calendar</translation>
    </message>
    <message>
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>放假日期：</source>
        <translation>Holidays:</translation>
    </message>
    <message>
        <source>调休上班（周六、周日）：</source>
        <translation>Swapped working days (Sat, Sun):</translation>
    </message>
    <message>
        <source>每行一个日期或区间，如 2027-02-06..2027-02-13。</source>
        <translation>One date or range per line, e.g. 2027-02-06..2027-02-13.</translation>
    </message>
    <message>
        <source>{0}年：本单位录入的安排</source>
        <translation>{0}: as entered by this office</translation>
    </message>
    <message>
        <source>{0}年：国务院公布的安排</source>
        <translation>{0}: as published by the State Council</translation>
    </message>
    <message>
        <source>{0}年的安排尚未录入：工作日暂按周六周日休息估算。国务院公布后请在这里录入。</source>
        <translation>{0} is not entered yet: working days are estimated with Saturdays and Sundays off. Enter the year here once the State Council publishes it.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入上级下发的表格</source>
        <extracomment>The read or the write running now (the wizard waits for it, see reject()).</extracomment>
        <translation>Import a spreadsheet from the upper level</translation>
    </message>
    <message>
        <source>当前以只读方式打开，不能导入。</source>
        <translation>Opened read-only; cannot import.</translation>
    </message>
    <message>
        <source>已读取 {n} 行…</source>
        <translation>{n} rows read…</translation>
    </message>
    <message>
        <source>读取表格时发生意外错误，详情已写入日志文件。</source>
        <translation>An unexpected error occurred while reading the spreadsheet; details were written to the log file.</translation>
    </message>
    <message>
        <source>已取消读取。</source>
        <translation>Reading cancelled.</translation>
    </message>
    <message>
        <source>正在读取“{name}”…</source>
        <translation>Reading “{name}”…</translation>
    </message>
    <message>
        <source>已写入 {0} / {1} 条…</source>
        <translation>{0} of {1} items written…</translation>
    </message>
    <message>
        <source>已取消导入，没有写入任何内容。</source>
        <translation>Import cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>正在导入“{name}”…</source>
        <translation>Importing “{name}”…</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>这一列不能排序</source>
        <extracomment>Rows loaded from the store at once when a row is first drawn. Ids fetched first; each further fetch doubles, up to MAX_CHUNK. Characters of long text shown in a cell (the tooltip and the detail panel have the rest); laying out only what fits keeps painting fast. Items kept in memory before the cache is emptied. Text colours of the light keys (labels.light_key); darker amber stays legible on white.</extracomment>
        <translation>This column cannot be sorted</translation>
    </message>
    <message>
        <source>显示的列</source>
        <extracomment>Colours of the warning lights; the text label beside the mark carries the meaning too. A shape per light so the mark reads in black and white too. The marks are drawn, not typed: the characters ● and ▲ are missing from some Windows UI fonts and showed there as boxes. What the light column shows beyond the five lights (see labels.light_key): the finished statuses each read differently, and an item without a deadline is not &quot;on track&quot;.</extracomment>
        <translation>Columns shown</translation>
    </message>
    <message>
        <source>恢复默认的列</source>
        <translation>Restore default columns</translation>
    </message>
</context>
<context>
    <name>ItemsTable</name>
    <message>
        <source>预警</source>
        <extracomment>Every column the clerk may show, in their default order. The headers as the table shows them: a context of their own, so a language whose field names are long (English) can use short headers that keep the columns narrow.</extracomment>
        <translation>Light</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <source>意见建议编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>意见建议内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>逾期天数</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>整改进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>意见来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>整改措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>整改可检验成果</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>责任领导</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>销号日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>最后修改</source>
        <translation>Modified</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成（待销号）</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>长期坚持</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>不予整改</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>已完成待销号</source>
        <translation>To close off</translation>
    </message>
    <message>
        <source>社会评价意见建议</source>
        <translation>Social evaluation suggestions</translation>
    </message>
    <message>
        <source>巡察反馈问题</source>
        <translation>Inspection findings</translation>
    </message>
    <message>
        <source>人大评议</source>
        <translation>People&apos;s Congress review</translation>
    </message>
    <message>
        <source>政协提案</source>
        <translation>CPPCC proposals</translation>
    </message>
    <message>
        <source>审计整改</source>
        <translation>Audit rectification</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>整改进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>沟通</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Close off</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>临期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>On track</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>逾期{0}天</source>
        <translation>Overdue {0}d</translation>
    </message>
    <message>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>{0}天内到期</source>
        <translation>Due in {0}d</translation>
    </message>
    <message>
        <source>立行立改</source>
        <translation>Immediately</translation>
    </message>
    <message>
        <source>长期坚持·久未更新</source>
        <translation>Ongoing · stale</translation>
    </message>
    <message>
        <source>未定时限</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <source>待销号</source>
        <translation>To close off</translation>
    </message>
    <message>
        <source>公开发布</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>脱敏（默认）</source>
        <translation>Masked (default)</translation>
    </message>
    <message>
        <source>完整（仅内部使用）</source>
        <translation>Full (internal use only)</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>意见建议编号</source>
        <translation>Suggestion no.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>意见来源</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>意见建议内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>责任领导</source>
        <translation>Responsible leader</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <source>整改措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>整改可检验成果</source>
        <translation>Verifiable results</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>状态说明</source>
        <translation>Status note</translation>
    </message>
    <message>
        <source>销号日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>办理结果类别</source>
        <translation>Result class</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>逾期天数</source>
        <translation>Days late</translation>
    </message>
    <message>
        <source>最后修改</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>问题/意见内容</source>
        <translation>Problem / suggestion</translation>
    </message>
    <message>
        <source>配合单位</source>
        <translation>Assisting units</translation>
    </message>
    <message>
        <source>可检验成果</source>
        <translation>Verifiable results</translation>
    </message>
    <message>
        <source>是否销号</source>
        <translation>Closed off?</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>无变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>记台账</source>
        <translation>Ledger entry</translation>
    </message>
    <message>
        <source>删台账</source>
        <translation>Delete ledger entry</translation>
    </message>
    <message>
        <source>添加佐证</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>新增批次</source>
        <translation>Add batch</translation>
    </message>
    <message>
        <source>删除批次</source>
        <translation>Delete batch</translation>
    </message>
    <message>
        <source>添加事项</source>
        <translation>Add items</translation>
    </message>
    <message>
        <source>删除事项</source>
        <translation>Delete items</translation>
    </message>
    <message>
        <source>删除台账记录</source>
        <translation>Delete ledger entry</translation>
    </message>
    <message>
        <source>添加佐证材料</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <source>导出完整个人信息</source>
        <translation>Export full personal data</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>修改设置</source>
        <translation>Change settings</translation>
    </message>
    <message>
        <source>删除报表模板</source>
        <translation>Delete report template</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>其他字段</source>
        <translation>Other fields</translation>
    </message>
    <message>
        <source>其他列</source>
        <translation>Other columns</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>进展日期</source>
        <translation>Progress date</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>回填原表</source>
        <translation>Fill-back of the original sheet</translation>
    </message>
    <message>
        <source>报表模板</source>
        <translation>Report template</translation>
    </message>
    <message>
        <source>交换包</source>
        <translation>Exchange package</translation>
    </message>
    <message>
        <source>下发</source>
        <translation>Sent to units</translation>
    </message>
    <message>
        <source>每日自动</source>
        <translation>Daily (automatic)</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>导入前</source>
        <translation>Before import</translation>
    </message>
    <message>
        <source>备份到指定位置</source>
        <translation>To a chosen folder</translation>
    </message>
    <message>
        <source>恢复前另存</source>
        <translation>Saved before restore</translation>
    </message>
    <message>
        <source>恢复前另存（原文件已损坏）</source>
        <translation>Saved before restore (file was damaged)</translation>
    </message>
    <message>
        <source>升级数据结构前</source>
        <translation>Before data upgrade</translation>
    </message>
    <message>
        <source>（未分类）</source>
        <translation>(uncategorised)</translation>
    </message>
    <message>
        <source>{0}年{1}月{2}日</source>
        <translation>{0}-{1:02d}-{2:02d}</translation>
    </message>
    <message>
        <source>填报日期</source>
        <translation>date of the report</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>title</translation>
    </message>
    <message>
        <source>表中时限</source>
        <translation>deadlines in the table</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.xlsm *.xls *.et *.csv *.txt);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.et *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>牵头</source>
        <extracomment>Words of the review that the shared labels lack, shown through tr_label.</extracomment>
        <translation>Lead</translation>
    </message>
    <message>
        <source>配合</source>
        <translation>Assisting</translation>
    </message>
    <message>
        <source>完成时间</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>督办通知</source>
        <translation>Supervision notice</translation>
    </message>
    <message>
        <source>预警提醒函</source>
        <translation>Warning letter</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>逾期未复</source>
        <translation>Reply overdue</translation>
    </message>
    <message>
        <source>待答复</source>
        <translation>Waiting for reply</translation>
    </message>
    <message>
        <source>已整改到位</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <source>正在整改</source>
        <translation>Being rectified</translation>
    </message>
    <message>
        <source>说明情况</source>
        <translation>Explained</translation>
    </message>
    <message>
        <source>未按要求答复</source>
        <translation>Not replied as required</translation>
    </message>
    <message>
        <source>已申请，待审核</source>
        <translation>Applied, waiting for review</translation>
    </message>
    <message>
        <source>审核通过，可销号</source>
        <translation>Approved, may be closed off</translation>
    </message>
    <message>
        <source>审核未通过</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>人大代表建议</source>
        <translation>Deputy&apos;s suggestion</translation>
    </message>
    <message>
        <source>政协委员提案</source>
        <translation>CPPCC member&apos;s proposal</translation>
    </message>
    <message>
        <source>主办</source>
        <translation>Lead handler</translation>
    </message>
    <message>
        <source>会办</source>
        <translation>Co-handler</translation>
    </message>
    <message>
        <source>面对面沟通</source>
        <translation>Face to face</translation>
    </message>
    <message>
        <source>电话沟通</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>座谈</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>实地考察</source>
        <translation>Site visit</translation>
    </message>
    <message>
        <source>督办函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>督办答复</source>
        <translation>Letter reply</translation>
    </message>
    <message>
        <source>申请销号</source>
        <translation>Apply for close-off</translation>
    </message>
    <message>
        <source>销号审核</source>
        <translation>Close-off review</translation>
    </message>
    <message>
        <source>建议提案</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>沟通记录</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>同一文件</source>
        <translation>Same file</translation>
    </message>
    <message>
        <source>近似图片</source>
        <translation>Near-identical photo</translation>
    </message>
    <message>
        <source>PDF文字相同</source>
        <translation>Same PDF text</translation>
    </message>
</context>
<context>
    <name>LeadDialog</name>
    <message>
        <source>设置牵头单位</source>
        <translation>Set lead unit</translation>
    </message>
    <message>
        <source>为选中的 {0} 条事项设置牵头单位；原牵头单位改为配合。</source>
        <translation>Set the lead unit of the {0} selected items; the former lead becomes assisting.</translation>
    </message>
    <message>
        <source>牵头单位：</source>
        <translation>Lead unit:</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <source>日期</source>
        <extracomment>The id of an evidence file the clerk asked to open.</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>打开佐证材料</source>
        <translation>Open evidence</translation>
    </message>
    <message>
        <source>添加整改进展</source>
        <translation>Add progress</translation>
    </message>
    <message>
        <source>写明做了什么、取得了什么成果</source>
        <translation>What was done and what it achieved</translation>
    </message>
    <message>
        <source>记录进展</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>进展情况：</source>
        <translation>Progress:</translation>
    </message>
    <message>
        <source>佐证材料：</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>未关联到台账记录的材料</source>
        <translation>Files not linked to a ledger entry</translation>
    </message>
    <message>
        <source>双击打开“{0}”</source>
        <translation>Double-click to open “{0}”</translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message>
        <source>生成督办/预警函</source>
        <translation>Issue supervision/warning letters</translation>
    </message>
    <message>
        <source>选中的 {0} 条事项</source>
        <translation>The {0} selected items</translation>
    </message>
    <message>
        <source>全部逾期事项（督办通知）</source>
        <translation>All overdue items (supervision notices)</translation>
    </message>
    <message>
        <source>逾期和临期事项（临期的发预警提醒函）</source>
        <translation>Overdue and due-soon items (warning letters for due-soon)</translation>
    </message>
    <message>
        <source>事项：</source>
        <translation>Items:</translation>
    </message>
    <message>
        <source>每个牵头单位各一份</source>
        <translation>One letter per lead unit</translation>
    </message>
    <message>
        <source>发给：</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>发函日期：</source>
        <translation>Issued on:</translation>
    </message>
    <message>
        <source>默认为发函后{0}个工作日（按法定节假日和调休计算）</source>
        <translation>By default {0} working days after issue (counting public holidays and swapped days)</translation>
    </message>
    <message>
        <source>答复期限：</source>
        <translation>Reply due:</translation>
    </message>
    <message>
        <source>如：某某县卫生健康局</source>
        <translation>e.g. 某某县卫生健康局</translation>
    </message>
    <message>
        <source>发文机关标志：</source>
        <translation>Letterhead:</translation>
    </message>
    <message>
        <source>如：县卫健督（文号印作 县卫健督〔2026〕3号）</source>
        <translation>e.g. 县卫健督 (printed as 县卫健督〔2026〕3号)</translation>
    </message>
    <message>
        <source>机关代字：</source>
        <translation>Office code:</translation>
    </message>
    <message>
        <source> 个工作日</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>默认答复期限：</source>
        <translation>Default reply period:</translation>
    </message>
    <message>
        <source>PDF（打印）</source>
        <translation>PDF (to print)</translation>
    </message>
    <message>
        <source>Word（可修改）</source>
        <translation>Word (editable)</translation>
    </message>
    <message>
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>保留完整的手机号和身份证号（仅内部使用，记入审计日志）</source>
        <translation>Keep full phone and ID numbers (internal use only, recorded in the audit log)</translation>
    </message>
    <message>
        <source>生成并登记</source>
        <translation>Make and register</translation>
    </message>
    <message>
        <source>保存督办函的文件夹</source>
        <translation>Folder for the letters</translation>
    </message>
    <message>
        <source>请选择保存督办函的文件夹。</source>
        <translation>Choose the folder to save the letters in.</translation>
    </message>
    <message>
        <source>没有需要督办或预警的事项。</source>
        <translation>There is no item to press or warn about.</translation>
    </message>
    <message>
        <source>督办函已生成</source>
        <translation>Letters made</translation>
    </message>
    <message>
        <source>已生成并登记{0}份：
{1}

保存在：{2}</source>
        <translation>{0} letters made and registered:
{1}

Saved in: {2}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>总览</source>
        <extracomment>Dialogs of the 文件 menu, each in its own module (imported when first used). Edits that cannot move an item in or out of the smart views: repaint the row only.</extracomment>
        <translation>Overview</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>只读方式打开：这里只能查看，不能修改。要编辑，请关闭正在写入这份数据的其他 RectDesk 程序，或把数据文件放到可以写入的文件夹，然后重新打开。</source>
        <translation>Opened read-only: you can look but not change anything. To edit, close the other RectDesk program that is writing to this data, or move the data file to a folder you can write to, then open it again.</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>只读连接：您的服务器账号只有查看权限，这里只能查看和打印，不能修改。需要修改时，请用有修改权限的账号连接。</source>
        <translation>Read-only connection: your server account may only look, so here you can view and print but not change anything. To make changes, connect with an account that may write.</translation>
    </message>
    <message>
        <source>只读连接：这里只能查看和打印，不能修改。需要修改时，请在“文件 → 连接台账服务器…”中去掉“只读连接”。</source>
        <translation>Read-only connection: here you can view and print but not change anything. To make changes, untick “Read-only connection” under File → Connect to a ledger server….</translation>
    </message>
    <message>
        <source>{0}［只读］</source>
        <translation>{0} [read-only]</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>回填…</source>
        <translation>Fill back…</translation>
    </message>
    <message>
        <source>导出报表/打印…</source>
        <translation>Export reports / print…</translation>
    </message>
    <message>
        <source>备份与恢复…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <source>连接台账服务器…</source>
        <translation>Connect to a ledger server…</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>编辑选中事项</source>
        <translation>Edit selected items</translation>
    </message>
    <message>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>批量处理选中事项</source>
        <translation>Bulk edit selected items</translation>
    </message>
    <message>
        <source>设置状态…</source>
        <translation>Set status…</translation>
    </message>
    <message>
        <source>设置牵头单位…</source>
        <translation>Set lead unit…</translation>
    </message>
    <message>
        <source>设置整改时限…</source>
        <translation>Set deadline…</translation>
    </message>
    <message>
        <source>销号…</source>
        <translation>Close off…</translation>
    </message>
    <message>
        <source>添加整改进展…</source>
        <translation>Add progress…</translation>
    </message>
    <message>
        <source>全选（含未载入的行）</source>
        <translation>Select all (including rows not loaded)</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>清除全部筛选</source>
        <translation>Clear all filters</translation>
    </message>
    <message>
        <source>按原表顺序排列</source>
        <translation>Sort in original order</translation>
    </message>
    <message>
        <source>显示的列</source>
        <translation>Columns shown</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>载入示例数据</source>
        <translation>Load sample data</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>导入上级下发的表格（Excel、WPS、CSV）：先预览每一行，再写入一个批次</source>
        <translation>Import a table sent down by the upper level (Excel, WPS, CSV): preview every row, then write a batch</translation>
    </message>
    <message>
        <source>把一个批次的整改进展写回上级下发的原表，另存为新文件</source>
        <translation>Write a batch&apos;s progress into the upper level&apos;s own sheet, saved as a new file</translation>
    </message>
    <message>
        <source>按正式格式打印，或导出 PDF、Word、Excel；选中多条时只含选中的事项</source>
        <translation>Print in the official format, or export PDF, Word or Excel; with several rows selected, only those items</translation>
    </message>
    <message>
        <source>为选中的每条事项添加同一条整改进展（可附佐证材料）</source>
        <translation>Add the same progress entry to every selected item (evidence may be attached)</translation>
    </message>
    <message>
        <source>把选中的已完成事项销号：填写销号日期，可附佐证材料</source>
        <translation>Close off the selected completed items: give the date, attach evidence if any</translation>
    </message>
    <message>
        <source>撤回上一步修改（包括一次导入）</source>
        <translation>Take back the last change (an import too)</translation>
    </message>
    <message>
        <source>重新做刚撤回的修改</source>
        <translation>Make the change just taken back again</translation>
    </message>
    <message>
        <source>打开使用说明</source>
        <translation>Open the user guide</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>已选 {0} 条</source>
        <translation>{0} selected</translation>
    </message>
    <message>
        <source>对选中的 {0} 条事项：</source>
        <translation>For the {0} selected items:</translation>
    </message>
    <message>
        <source>已重新连接台账服务器。</source>
        <translation>Reconnected to the ledger server.</translation>
    </message>
    <message>
        <source>回填</source>
        <translation>Fill back</translation>
    </message>
    <message>
        <source>还没有批次：请先导入上级下发的表格。</source>
        <translation>There is no batch yet: import a table from the upper level first.</translation>
    </message>
    <message>
        <source>{0}（{1} 条）</source>
        <translation>{0} ({1} items)</translation>
    </message>
    <message>
        <source>把哪个批次的整改进展回填到上级下发的原表？</source>
        <translation>Which batch&apos;s progress should be filled back into the upper level&apos;s sheet?</translation>
    </message>
    <message>
        <source>无法打开台账</source>
        <translation>Cannot open the ledger</translation>
    </message>
    <message>
        <source>已打开台账：{0}</source>
        <translation>Ledger opened: {0}</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>服务器上的台账由服务器备份：请管理员用“rectdesk-cli backup”或数据库自己的备份工具。</source>
        <translation>A ledger on a server is backed up on the server: ask the administrator to use &quot;rectdesk-cli backup&quot; or the database&apos;s own backup tools.</translation>
    </message>
    <message>
        <source>已载入 {0} 条示例事项。</source>
        <translation>Loaded {0} sample items.</translation>
    </message>
    <message>
        <source>整改台账桌面助手 RectDesk {0}

台账服务器：{1}

数据保存在单位内网的服务器上，不经过互联网。</source>
        <translation>RectDesk rectification ledger assistant {0}

Ledger server: {1}

The data is kept on a server in the office network and never passes through the internet.</translation>
    </message>
    <message>
        <source>关于整改台账桌面助手</source>
        <translation>About RectDesk</translation>
    </message>
    <message>
        <source>整改台账桌面助手 RectDesk {0}

数据文件：{1}

全程离线运行，数据只保存在本机。</source>
        <translation>RectDesk {0}

Data file: {1}

Runs fully offline; data is kept on this computer only.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>表头所在行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>识别情况</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <source>识别到的表格和列</source>
        <translation>Tables and columns found</translation>
    </message>
    <message>
        <source>请核对每一列导入为哪个字段；不对应任何字段的列保留为附加字段。</source>
        <translation>Check which field each column is imported as; columns without a field are kept as extra fields.</translation>
    </message>
    <message>
        <source>（保留为附加字段）</source>
        <translation>(keep as extra field)</translation>
    </message>
    <message>
        <source>“{name}”：找到 {tables} 个表格、{rows} 条事项。标题：{title}</source>
        <translation>“{name}”: tables found: {tables}; items found: {rows}. Title: {title}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>表头明确</source>
        <translation>Header recognised</translation>
    </message>
    <message>
        <source>按相近的表头认出，请核对</source>
        <translation>Matched by a similar header, please check</translation>
    </message>
    <message>
        <source>没有把握，请核对</source>
        <translation>Not sure, please check</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>智能视图</source>
        <extracomment>Smart views whose status is their whole definition. New counts are shown.</extracomment>
        <translation>Smart views</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>全部事项</source>
        <translation>All items</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>{0}日内到期</source>
        <translation>Due within {0} days</translation>
    </message>
    <message>
        <source>{0}：{1} 条</source>
        <translation>{0}: {1} items</translation>
    </message>
    <message>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>未注明年份</source>
        <translation>No year</translation>
    </message>
</context>
<context>
    <name>OpenStore</name>
    <message>
        <source>数据文件：{0}

{1}

可以以只读方式打开（只能查看，不能修改）。</source>
        <translation>Data file: {0}

{1}

You can open it read-only (look, but not change).</translation>
    </message>
    <message>
        <source>数据文件不能写入</source>
        <translation>The data file cannot be written</translation>
    </message>
    <message>
        <source>以只读方式打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>不打开</source>
        <translation>Don&apos;t open</translation>
    </message>
    <message>
        <source>无法打开台账</source>
        <translation>Cannot open the ledger</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>；</source>
        <translation>;</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>全部采纳</source>
        <translation>Take all</translation>
    </message>
    <message>
        <source>全部不采纳</source>
        <translation>Take none</translation>
    </message>
    <message>
        <source>逐行预览</source>
        <translation>Row by row</translation>
    </message>
    <message>
        <source>修改明细</source>
        <translation>Changes by field</translation>
    </message>
    <message>
        <source>修改明细（{0} 处）</source>
        <translation>Changes by field ({0})</translation>
    </message>
    <message>
        <source>新增 {new} 条，更新 {updated} 条，无变化 {same} 条；{warned} 条有提示（黄色）。</source>
        <translation>{new} new, {updated} updated, {same} unchanged; {warned} with notes (yellow).</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>打印预览 — {0}</source>
        <translation>Print preview — {0}</translation>
    </message>
    <message>
        <source>共 {0} 页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已发送 {0} 页到打印机</source>
        <translation>{0} pages sent to the printer</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>添加整改进展</source>
        <translation>Add progress</translation>
    </message>
    <message>
        <source>为选中的 {0} 条事项添加同一条整改进展。</source>
        <translation>Add the same progress entry to the {0} selected items.</translation>
    </message>
    <message>
        <source>写明做了什么、取得了什么成果</source>
        <translation>What was done and what it achieved</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>进展情况：</source>
        <translation>Progress:</translation>
    </message>
    <message>
        <source>佐证材料：</source>
        <translation>Evidence:</translation>
    </message>
</context>
<context>
    <name>ProposalPanel</name>
    <message>
        <source>类别：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>建议提案号：</source>
        <translation>Proposal number:</translation>
    </message>
    <message>
        <source>代表委员：</source>
        <translation>Deputy or member:</translation>
    </message>
    <message>
        <source>本单位承办：</source>
        <translation>This office handles as:</translation>
    </message>
    <message>
        <source>主办单位：</source>
        <translation>Lead unit:</translation>
    </message>
    <message>
        <source>会办单位：</source>
        <translation>Co-handling units:</translation>
    </message>
    <message>
        <source>重点提案，领办领导：</source>
        <translation>Key proposal, led by:</translation>
    </message>
    <message>
        <source>已交办，交办日期：</source>
        <translation>Assigned, on:</translation>
    </message>
    <message>
        <source>答复时限：</source>
        <translation>Answer due:</translation>
    </message>
    <message>
        <source>会办意见时限：</source>
        <translation>Co-handling opinion due:</translation>
    </message>
    <message>
        <source>已提出会办意见，日期：</source>
        <translation>Co-handling opinion sent, on:</translation>
    </message>
    <message>
        <source>保存建议提案信息</source>
        <translation>Save proposal details</translation>
    </message>
    <message>
        <source>法定期限：</source>
        <translation>Statutory deadline:</translation>
    </message>
    <message>
        <source>添加沟通记录…</source>
        <translation>Add contact…</translation>
    </message>
    <message>
        <source>沟通记录：</source>
        <translation>Contacts:</translation>
    </message>
    <message>
        <source>答复：</source>
        <translation>Answers:</translation>
    </message>
    <message>
        <source>登记答复…</source>
        <translation>Record reply…</translation>
    </message>
    <message>
        <source>生成答复函…</source>
        <translation>Make answer letter…</translation>
    </message>
    <message>
        <source>填写交办日期后计算</source>
        <translation>Counted once the assignment date is entered</translation>
    </message>
    <message>
        <source>意见{0}条</source>
        <translation>{0} opinions</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>第{0}次 {1} {2}类 {3}</source>
        <translation>Round {0} {1} class {2} {3}</translation>
    </message>
    <message>
        <source>（不满意，须于{0}前重新办理）</source>
        <translation>(dissatisfied: handle again by {0})</translation>
    </message>
    <message>
        <source>（尚未答复）</source>
        <translation>(not answered yet)</translation>
    </message>
    <message>
        <source>保存答复函</source>
        <translation>Save answer letter</translation>
    </message>
    <message>
        <source>答复函.pdf</source>
        <translation>answer letter.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Word (*.docx)</source>
        <translation>PDF (*.pdf);;Word (*.docx)</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>数据文件已损坏</source>
        <translation>The data file is damaged</translation>
    </message>
    <message>
        <source>数据文件是空的</source>
        <translation>The data file is empty</translation>
    </message>
    <message>
        <source>数据文件：{0}
检查结果：
{1}</source>
        <translation>Data file: {0}
Check result:
{1}</translation>
    </message>
    <message>
        <source>用最新的完好备份恢复</source>
        <translation>Restore the latest good backup</translation>
    </message>
    <message>
        <source>选择其他备份…</source>
        <translation>Choose another backup…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>“{0}”不是完好的 RectDesk 备份，请选择另一个备份文件夹。</source>
        <translation>“{0}” is not a good RectDesk backup; choose another backup folder.</translation>
    </message>
    <message>
        <source>选择备份文件夹</source>
        <translation>Choose backup folder</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>督办登记簿</source>
        <translation>Letter register</translation>
    </message>
    <message>
        <source>登记答复…</source>
        <translation>Record reply…</translation>
    </message>
    <message>
        <source>打印登记簿…</source>
        <translation>Print register…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>打印督办登记簿</source>
        <translation>Print letter register</translation>
    </message>
    <message>
        <source>督办登记簿.pdf</source>
        <translation>letter register.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>文号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>发函日期</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>主送单位</source>
        <translation>Addressed to</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>答复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>{0}项</source>
        <translation>{0} items</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>到期提醒</source>
        <extracomment>Items listed per group; the rest are one click away in the table. The clerk asked to see these items in the table.</extracomment>
        <translation>Deadline reminder</translation>
    </message>
    <message>
        <source>已逾期 {0} 条，{1} 日内到期 {2} 条。</source>
        <translation>{0} overdue, {2} due within {1} days.</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>已逾期（{0} 条）</source>
        <translation>Overdue ({0})</translation>
    </message>
    <message>
        <source>{0} 日内到期（{1} 条）</source>
        <translation>Due within {0} days ({1})</translation>
    </message>
    <message>
        <source>不再提醒（可在“设置”中重新打开）</source>
        <translation>Don&apos;t remind me again (can be turned back on in Settings)</translation>
    </message>
    <message>
        <source>查看逾期事项</source>
        <translation>Show overdue items</translation>
    </message>
    <message>
        <source>查看临期事项</source>
        <translation>Show items due soon</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>登记答复：{0}</source>
        <translation>Record reply: {0}</translation>
    </message>
    <message>
        <source>收到答复日期：</source>
        <translation>Reply received on:</translation>
    </message>
    <message>
        <source>答复情况：</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <source>办理结果：</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>答复文件：</source>
        <translation>Reply file:</translation>
    </message>
    <message>
        <source>选择答复文件</source>
        <translation>Choose reply file</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>ReportDesigner</name>
    <message>
        <source>报表设计器</source>
        <extracomment>How many items the live preview shows (the export always has them all). A deadline date box at its minimum means &quot;no limit&quot;. Which items a template keeps: (statuses, lights).</extracomment>
        <translation>Report designer</translation>
    </message>
    <message>
        <source>保存时使用的模板名称</source>
        <extracomment>The template as last loaded or saved, to tell whether the form holds changes.</extracomment>
        <translation>Template name used when saving</translation>
    </message>
    <message>
        <source>留空：批次名称加模板名称；可写 {batch} {unit} {year}</source>
        <translation>Empty: batch name plus template name; may use {batch} {unit} {year}</translation>
    </message>
    <message>
        <source>横向（宽表）</source>
        <translation>Landscape (wide tables)</translation>
    </message>
    <message>
        <source>纵向</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>不分组</source>
        <translation>No grouping</translation>
    </message>
    <message>
        <source>按类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>按责任单位</source>
        <translation>By responsible unit</translation>
    </message>
    <message>
        <source>按状态</source>
        <translation>By status</translation>
    </message>
    <message>
        <source>连续编号</source>
        <translation>Continuous numbering</translation>
    </message>
    <message>
        <source>每组重新编号</source>
        <translation>Restart numbering per group</translation>
    </message>
    <message>
        <source>沿用原表序号</source>
        <translation>Keep original numbers</translation>
    </message>
    <message>
        <source>原表顺序</source>
        <translation>Original order</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>销号日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>表尾加填报单位、填报人、审核人、联系电话、填报日期</source>
        <translation>Add reporting unit, filled by, reviewed by, phone and date below the table</translation>
    </message>
    <message>
        <source>上</source>
        <translation>Top</translation>
    </message>
    <message>
        <source>下</source>
        <translation>Bottom</translation>
    </message>
    <message>
        <source>左</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>右</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>全部事项</source>
        <translation>All items</translation>
    </message>
    <message>
        <source>未办结的事项</source>
        <translation>Unfinished items</translation>
    </message>
    <message>
        <source>已完成和已销号的事项</source>
        <translation>Completed and closed items</translation>
    </message>
    <message>
        <source>已销号的事项</source>
        <translation>Closed items</translation>
    </message>
    <message>
        <source>逾期和临期的事项</source>
        <translation>Overdue and due-soon items</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>脱敏（默认）</source>
        <translation>Masked (default)</translation>
    </message>
    <message>
        <source>公开发布（去掉意见来源列）</source>
        <translation>Public (without the origin column)</translation>
    </message>
    <message>
        <source>“完整”模式不能设为默认，每次导出时单独选择并确认。</source>
        <translation>“Full” cannot be the default; choose and confirm it at each export.</translation>
    </message>
    <message>
        <source>两行表头，如：基本情况:2-3；整改情况:6-8</source>
        <translation>Two header rows, e.g. 基本情况:2-3；整改情况:6-8</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>表头文字</source>
        <translation>Header text</translation>
    </message>
    <message>
        <source>对齐</source>
        <translation>Alignment</translation>
    </message>
    <message>
        <source>添加列</source>
        <translation>Add column</translation>
    </message>
    <message>
        <source>删除列</source>
        <translation>Delete column</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>基于</source>
        <translation>Based on</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>字体和字号</source>
        <translation>Fonts and sizes</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>2号字为 22 磅</source>
        <translation>Size 2 (二号) is 22 pt</translation>
    </message>
    <message>
        <source>— 1 —（单页居右、双页居左）</source>
        <translation>— 1 — (odd pages right, even pages left)</translation>
    </message>
    <message>
        <source>第 1 页（居中）</source>
        <translation>Page 1 (centred)</translation>
    </message>
    <message>
        <source>第 1 页 共 N 页（居中）</source>
        <translation>Page 1 of N (centred)</translation>
    </message>
    <message>
        <source>- 1 -（居中）</source>
        <translation>- 1 - (centred)</translation>
    </message>
    <message>
        <source>不加页码</source>
        <translation>No page numbers</translation>
    </message>
    <message>
        <source>副标题和附件标注</source>
        <translation>Subtitle and attachment label</translation>
    </message>
    <message>
        <source>表头</source>
        <translation>Table header</translation>
    </message>
    <message>
        <source>表格和正文</source>
        <translation>Table body and text</translation>
    </message>
    <message>
        <source>分组行和合计行</source>
        <translation>Section and total rows</translation>
    </message>
    <message>
        <source>落款行</source>
        <translation>Sign-off lines</translation>
    </message>
    <message>
        <source>页码</source>
        <translation>Page numbers</translation>
    </message>
    <message>
        <source>默认（公文规定字体）</source>
        <translation>Default (official font)</translation>
    </message>
    <message>
        <source>同表格字号</source>
        <translation>Same as table</translation>
    </message>
    <message>
        <source>宽度（毫米）</source>
        <translation>Width (mm)</translation>
    </message>
    <message>
        <source>“自动”：宽度随内容；填毫米数则固定该列宽度。</source>
        <translation>&quot;Auto&quot;: the width follows the content; a number of millimetres fixes the column&apos;s width.</translation>
    </message>
    <message>
        <source>副标题</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>附件标注</source>
        <translation>Attachment label</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper size</translation>
    </message>
    <message>
        <source>纸张方向</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Grouping</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>包含</source>
        <translation>Include</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>个人信息</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>页边距</source>
        <translation>Margins</translation>
    </message>
    <message>
        <source>表头分组</source>
        <translation>Header groups</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>预览数据</source>
        <translation>Preview data</translation>
    </message>
    <message>
        <source>保存模板</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>导出模板文件…</source>
        <translation>Export template file…</translation>
    </message>
    <message>
        <source>导入模板文件…</source>
        <translation>Import template file…</translation>
    </message>
    <message>
        <source>删除模板</source>
        <translation>Delete template</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source> 毫米</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>左对齐</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>居中</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>右对齐</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>预览前 {0} 条事项，{1} 页，用时 {2:.2f} 秒。</source>
        <translation>Previewing the first {0} items, {1} pages, in {2:.2f} s.</translation>
    </message>
    <message>
        <source>无法保存模板</source>
        <translation>Cannot save template</translation>
    </message>
    <message>
        <source>已保存模板“{0}”。</source>
        <translation>Template “{0}” saved.</translation>
    </message>
    <message>
        <source>内置模板不能删除。</source>
        <translation>Built-in templates cannot be deleted.</translation>
    </message>
    <message>
        <source>导出模板文件</source>
        <translation>Export template file</translation>
    </message>
    <message>
        <source>RectDesk 模板 (*.json)</source>
        <translation>RectDesk template (*.json)</translation>
    </message>
    <message>
        <source>无法导出模板</source>
        <translation>Cannot export template</translation>
    </message>
    <message>
        <source>导入模板文件</source>
        <translation>Import template file</translation>
    </message>
    <message>
        <source>无法导入模板</source>
        <translation>Cannot import template</translation>
    </message>
    <message>
        <source>模板有改动</source>
        <translation>Template changed</translation>
    </message>
    <message>
        <source>对模板的改动还没有保存。要先保存吗？</source>
        <translation>The changes to the template are not saved. Save them first?</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>打印和导出报表</source>
        <extracomment>The remembered folder of exported reports (file_dialogs). The items the ledger table shows now (its filter), printed as they are.</extracomment>
        <translation>Print and export reports</translation>
    </message>
    <message>
        <source>设计模板…</source>
        <translation>Design template…</translation>
    </message>
    <message>
        <source>脱敏（默认）</source>
        <translation>Masked (default)</translation>
    </message>
    <message>
        <source>公开发布（去掉意见来源列）</source>
        <translation>Public (without the origin column)</translation>
    </message>
    <message>
        <source>完整（仅内部使用，需确认）</source>
        <translation>Full (internal use only, needs confirmation)</translation>
    </message>
    <message>
        <source>脱敏：手机号、身份证号打星号；公开发布：另去掉意见来源列；完整：仅限内部使用。</source>
        <translation>Masked: mobile and ID numbers starred; Public: also drops the origin column; Full: internal use only.</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>个人信息</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>字体和检查</source>
        <translation>Fonts and checks</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>（自定义）</source>
        <translation>(custom)</translation>
    </message>
    <message>
        <source>当前筛选结果（{0} 条）</source>
        <translation>Current filter result ({0} items)</translation>
    </message>
    <message>
        <source>选中的 {0} 条事项</source>
        <translation>{0} selected items</translation>
    </message>
    <message>
        <source>批次：{0}（{1} 条）</source>
        <translation>Batch: {0} ({1} items)</translation>
    </message>
    <message>
        <source>全部事项</source>
        <translation>All items</translation>
    </message>
    <message>
        <source>共 {0} 页。</source>
        <translation>{0} pages.</translation>
    </message>
    <message>
        <source>输出完整个人信息</source>
        <translation>Output full personal data</translation>
    </message>
    <message>
        <source>“完整”模式会原样输出群众的姓名、手机号和身份证号，仅限内部使用，页面将标注“内部资料 注意保密”，并记入审计日志。确定要输出完整信息吗？</source>
        <translation>“Full” outputs citizens&apos; names, mobile and ID numbers as they are. It is for internal use only: pages are marked “内部资料 注意保密” and the export is recorded in the audit log. Output full data?</translation>
    </message>
    <message>
        <source>导出报表</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>正在导出报表…</source>
        <translation>Exporting report…</translation>
    </message>
    <message>
        <source>已导出到：{0}</source>
        <translation>Exported to: {0}</translation>
    </message>
    <message>
        <source>缺字（打印时会空白）：{0}</source>
        <translation>Missing glyphs (printed blank): {0}</translation>
    </message>
    <message>
        <source>无法预览</source>
        <translation>Cannot preview</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>收集第{0}轮报送</source>
        <translation>Collect round {0}</translation>
    </message>
    <message>
        <source>收集报送表</source>
        <extracomment>The tree&apos;s columns: 事项 / 字段, 报送单位, 分工, 原值, 新值, 说明.</extracomment>
        <translation>Collect report sheets</translation>
    </message>
    <message>
        <source>选择报回的报送表…</source>
        <translation>Choose returned sheets…</translation>
    </message>
    <message>
        <source>选择各单位报回的报送表（可一次选多个，顺序不限）。</source>
        <translation>Choose the sheets the units sent back (several at once, in any order).</translation>
    </message>
    <message>
        <source>冲突的事项</source>
        <translation>Item in conflict</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>牵头单位的意见</source>
        <translation>Lead unit&apos;s answer</translation>
    </message>
    <message>
        <source>配合单位的意见</source>
        <translation>Assisting unit&apos;s answer</translation>
    </message>
    <message>
        <source>全部采纳</source>
        <translation>Take all</translation>
    </message>
    <message>
        <source>全部不采纳</source>
        <translation>Take none</translation>
    </message>
    <message>
        <source>采纳该单位</source>
        <translation>Take this unit</translation>
    </message>
    <message>
        <source>不采纳该单位</source>
        <translation>Drop this unit</translation>
    </message>
    <message>
        <source>写入台账</source>
        <translation>Write to ledger</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>按单位：</source>
        <translation>By unit:</translation>
    </message>
    <message>
        <source>事项 / 字段</source>
        <translation>Item / field</translation>
    </message>
    <message>
        <source>报送单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>分工</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>选择报回的报送表</source>
        <translation>Choose returned sheets</translation>
    </message>
    <message>
        <source>已读取 {0} / {1} 个文件…</source>
        <translation>Read {0} of {1} files…</translation>
    </message>
    <message>
        <source>正在读取报送表…</source>
        <translation>Reading report sheets…</translation>
    </message>
    <message>
        <source>选中的文件都不能纳入审核，请查看下面的提示。</source>
        <translation>None of the chosen files can be reviewed; see the notes below.</translation>
    </message>
    <message>
        <source>批次“{batch}”第{round}轮：{files} 个文件纳入审核（{units} 个单位），{changes} 处修改，已采纳 {accepted} 处，{conflicts} 处冲突。</source>
        <translation>Batch “{batch}” round {round}: {files} files reviewed ({units} units), {changes} changes, {accepted} taken, {conflicts} conflicts.</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>{0} 处冲突：同一事项的同一字段，两个单位报的不一样，请勾选采用哪一个。</source>
        <translation>{0} conflicts: two units gave different values for the same field of an item; tick the one to take.</translation>
    </message>
    <message>
        <source>已写入 {0} 处修改，每处都记入了台账（来源为报送单位和轮次）；{1} 个单位记为已报送。可用“编辑 → 撤销”整体撤回。</source>
        <translation>{0} changes written, each a ledger entry (source: the unit and round); {1} units marked as answered. Edit → Undo takes it all back.</translation>
    </message>
</context>
<context>
    <name>RoundsDialog</name>
    <message>
        <source>轮次与催报</source>
        <translation>Rounds and reminders</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>只看有变化的事项</source>
        <translation>Only items that changed</translation>
    </message>
    <message>
        <source>对比的前一轮：</source>
        <translation>Compare with:</translation>
    </message>
    <message>
        <source>报送情况</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>进展对比</source>
        <translation>Progress compared</translation>
    </message>
    <message>
        <source>打印完整联系电话（仅内部使用，记入审计日志）</source>
        <translation>Print full phone numbers (internal use only, written to the audit log)</translation>
    </message>
    <message>
        <source>打印催报清单…</source>
        <translation>Print reminder list…</translation>
    </message>
    <message>
        <source>导出进展对比表…</source>
        <translation>Export progress comparison…</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>第{0}轮（截止 {1}）</source>
        <translation>Round {0} (cut-off {1})</translation>
    </message>
    <message>
        <source>这个批次还没有下发过报送表：请先用“报送 → 下发报送表”。</source>
        <translation>No sheets have been sent for this batch yet: use Rounds → Send report sheets first.</translation>
    </message>
    <message>
        <source>第{0}轮：共 {1} 个单位，已报送 {2} 个，未报送 {3} 个。</source>
        <translation>Round {0}: {1} units, {2} answered, {3} not answered.</translation>
    </message>
    <message>
        <source>已超过截止日期 {0} 天，请催报未报送的单位。</source>
        <translation>The cut-off passed {0} days ago: remind the units that have not answered.</translation>
    </message>
    <message>
        <source>第{0}轮</source>
        <translation>Round {0}</translation>
    </message>
    <message>
        <source>需要至少两轮才能对比进展。</source>
        <translation>Comparing progress needs at least two rounds.</translation>
    </message>
    <message>
        <source>共 {0} 条事项，其中 {1} 条与第{2}轮相比有变化（蓝色）。</source>
        <translation>{0} items, {1} changed since round {2} (blue).</translation>
    </message>
    <message>
        <source>第{0}轮催报清单.pdf</source>
        <translation>Round {0} reminder list.pdf</translation>
    </message>
    <message>
        <source>第{0}轮与第{1}轮进展对比表.pdf</source>
        <translation>Progress round {0} vs {1}.pdf</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>已保存“{0}”（含完整个人信息，已记入审计日志）。</source>
        <translation>Saved “{0}” (with full personal data; written to the audit log).</translation>
    </message>
    <message>
        <source>已保存“{0}”（电话、身份证号已脱敏）。</source>
        <translation>Saved “{0}” (phone and ID numbers masked).</translation>
    </message>
</context>
<context>
    <name>RoundsMenu</name>
    <message>
        <source>报送(&amp;R)</source>
        <extracomment>The menu&apos;s texts (translated where shown, through _tr).</extracomment>
        <translation>&amp;Rounds</translation>
    </message>
    <message>
        <source>下发报送表…</source>
        <translation>Send report sheets…</translation>
    </message>
    <message>
        <source>为批次（或选中事项）的每个责任单位生成报送表，并生成报送通知</source>
        <translation>Make a report sheet for each responsible unit of the batch (or the selected items), and the covering notice</translation>
    </message>
    <message>
        <source>收集报送表…</source>
        <translation>Collect report sheets…</translation>
    </message>
    <message>
        <source>读入各单位报回的报送表，逐项审核后写入台账</source>
        <translation>Read the sheets the units sent back, review each change, write to the ledger</translation>
    </message>
    <message>
        <source>轮次与催报…</source>
        <translation>Rounds and reminders…</translation>
    </message>
    <message>
        <source>查看每轮哪些单位已报送、哪些未报送，打印催报清单和进展对比表</source>
        <translation>See which units answered each round, print the reminder list and the progress comparison</translation>
    </message>
    <message>
        <source>导出交换包…</source>
        <translation>Export exchange package…</translation>
    </message>
    <message>
        <source>把批次的事项、台账和佐证材料打包，供上级的 RectDesk 导入</source>
        <translation>Pack the batch&apos;s items, ledger and evidence for the upper level&apos;s RectDesk</translation>
    </message>
    <message>
        <source>导入交换包…</source>
        <translation>Import exchange package…</translation>
    </message>
    <message>
        <source>导入下级报送的交换包：新批次，或更新之前导入的批次</source>
        <translation>Import a package from a lower level: a new batch, or an update of one imported before</translation>
    </message>
    <message>
        <source>报送</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>还没有批次：请先导入上级下发的表格。</source>
        <translation>No batch yet: import a table from the upper level first.</translation>
    </message>
    <message>
        <source>导出交换包</source>
        <translation>Export exchange package</translation>
    </message>
    <message>
        <source>导入交换包</source>
        <translation>Import exchange package</translation>
    </message>
    <message>
        <source>交换包 (*.zip)</source>
        <translation>Exchange package (*.zip)</translation>
    </message>
    <message>
        <source>交换包 (*.zip);;所有文件 (*)</source>
        <translation>Exchange package (*.zip);;All files (*)</translation>
    </message>
    <message>
        <source>已导出交换包：事项 {0} 条，台账 {1} 条，佐证材料 {2} 份（文字已脱敏）。</source>
        <translation>Package exported: {0} items, {1} ledger entries, {2} evidence files (texts masked).</translation>
    </message>
    <message>
        <source>新建批次“{0}”</source>
        <translation>New batch “{0}”</translation>
    </message>
    <message>
        <source>更新之前导入的批次“{0}”</source>
        <translation>Update batch “{0}” imported before</translation>
    </message>
    <message>
        <source>{0}：新增 {1} 条事项，更新 {2} 条，无变化 {3} 条；台账 {4} 条，佐证材料 {5} 份。是否导入？</source>
        <translation>{0}: {1} new items, {2} updated, {3} unchanged; {4} ledger entries, {5} evidence files. Import?</translation>
    </message>
    <message>
        <source>已导入交换包到批次 {0}：新增 {1} 条，更新 {2} 条。</source>
        <translation>Package imported into batch {0}: {1} new, {2} updated.</translation>
    </message>
</context>
<context>
    <name>SelectionPage</name>
    <message>
        <source>设置状态…</source>
        <extracomment>The bulk action asked for (a function name of bulk_dialogs).</extracomment>
        <translation>Set status…</translation>
    </message>
    <message>
        <source>设置牵头单位…</source>
        <translation>Set lead unit…</translation>
    </message>
    <message>
        <source>设置整改时限…</source>
        <translation>Set deadline…</translation>
    </message>
    <message>
        <source>添加整改进展…</source>
        <translation>Add progress…</translation>
    </message>
    <message>
        <source>销号…</source>
        <translation>Close off…</translation>
    </message>
    <message>
        <source>下面的操作对选中的每一条事项都生效，可以用“撤销”（Ctrl+Z）一次撤回。要查看或修改一条事项，只选中那一行。</source>
        <translation>These actions apply to every selected item and undo in one step (Ctrl+Z). To see or edit one item, select only its row.</translation>
    </message>
    <message>
        <source>已选中 {0} 条事项</source>
        <translation>{0} items selected</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <extracomment>Where the interface language is kept (read by app/application.py before the store opens).</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>如：××县卫生健康局</source>
        <translation>e.g. ×× County Health Bureau</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>启动时提醒逾期和临期事项</source>
        <translation>Show deadline reminders at start</translation>
    </message>
    <message>
        <source>填报单位：</source>
        <translation>Reporting unit:</translation>
    </message>
    <message>
        <source>填报人：</source>
        <translation>Filled in by:</translation>
    </message>
    <message>
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>临期提醒：到期前</source>
        <translation>Due soon: days before deadline</translation>
    </message>
    <message>
        <source>长期坚持事项久未更新：</source>
        <translation>Ongoing items stale after:</translation>
    </message>
    <message>
        <source>界面语言：</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>界面语言在下次启动时生效。填报单位、填报人和联系电话用于报表落款。</source>
        <translation>The interface language takes effect at next start. Reporting unit, filled in by and phone are printed at the foot of reports.</translation>
    </message>
    <message>
        <source>只读方式打开：设置不能修改。</source>
        <translation>Opened read-only: settings cannot be changed.</translation>
    </message>
    <message>
        <source>设置未保存</source>
        <translation>Settings not saved</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>修改完成情况</source>
        <extracomment>Above this many selected items the allowed statuses are not worked out in advance.</extracomment>
        <translation>Change status</translation>
    </message>
    <message>
        <source>把选中的 {0} 条事项改为：</source>
        <translation>Change the {0} selected items to:</translation>
    </message>
    <message>
        <source>如：非建设性建议、不属于职责范围</source>
        <translation>e.g. not a constructive suggestion, outside our remit</translation>
    </message>
    <message>
        <source>完成情况：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>销号日期：</source>
        <translation>Closed on:</translation>
    </message>
    <message>
        <source>不予整改理由：</source>
        <translation>Reason for declining:</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>撤销这次导入</source>
        <translation>Undo this import</translation>
    </message>
    <message>
        <source>已导入到批次“{batch}”：新增 {created} 条，更新 {updated} 条，无变化 {same} 条，提示 {warnings} 条。原表已随批次保存，可用于回填。</source>
        <translation>Imported into batch “{batch}”: {created} new, {updated} updated, {same} unchanged, {warnings} notes. The original table is kept with the batch for filling back.</translation>
    </message>
    <message>
        <source>已撤销这次导入，数据恢复到导入之前。</source>
        <translation>Import undone; the data is as it was before.</translation>
    </message>
</context>
<context>
    <name>SupervisionMenu</name>
    <message>
        <source>正在生成销号材料汇编…</source>
        <extracomment>Every text of the menu, listed where the translation tools find it (shown through _tr).</extracomment>
        <translation>Making the close-off binder…</translation>
    </message>
    <message>
        <source>正在检查佐证材料…</source>
        <translation>Checking evidence files…</translation>
    </message>
    <message>
        <source>督办(&amp;S)</source>
        <translation>&amp;Supervision</translation>
    </message>
    <message>
        <source>生成督办/预警函…</source>
        <translation>Issue supervision/warning letters…</translation>
    </message>
    <message>
        <source>给逾期、临期或选中事项的责任单位各发一份编号的督办通知或预警提醒函</source>
        <translation>Send each responsible unit of the overdue, due-soon or selected items one numbered supervision notice or warning letter</translation>
    </message>
    <message>
        <source>督办登记簿…</source>
        <translation>Letter register…</translation>
    </message>
    <message>
        <source>每份督办函的文号、事项、答复期限和答复情况；登记答复，打印登记簿</source>
        <translation>Every letter&apos;s number, items, reply date and reply; enter replies, print the register</translation>
    </message>
    <message>
        <source>申请销号（选中事项）…</source>
        <translation>Apply for close-off (selected items)…</translation>
    </message>
    <message>
        <source>为已完成的选中事项提出销号申请，待审核后销号</source>
        <translation>Apply for the close-off of the selected finished items; they are closed off once reviewed</translation>
    </message>
    <message>
        <source>销号审核…</source>
        <translation>Review close-offs…</translation>
    </message>
    <message>
        <source>审核待审的销号申请，记录审核人和意见</source>
        <translation>Review the waiting close-off applications, recording reviewer and opinion</translation>
    </message>
    <message>
        <source>生成销号材料汇编…</source>
        <translation>Make close-off binder…</translation>
    </message>
    <message>
        <source>选中事项或当前批次的问题、措施、台账和佐证材料，汇成一份PDF或zip</source>
        <translation>The problems, measures, ledger and evidence of the selected items or the current batch in one PDF or zip</translation>
    </message>
    <message>
        <source>佐证材料复用检查…</source>
        <translation>Check evidence reuse…</translation>
    </message>
    <message>
        <source>查找同一文件、近似照片或文字相同的PDF被用于不同事项</source>
        <translation>Find the same file, a near-identical photo or a PDF with the same text used for different items</translation>
    </message>
    <message>
        <source>建议提案年度统计…</source>
        <translation>Proposal figures of a year…</translation>
    </message>
    <message>
        <source>按年统计承办件数、沟通次数、征求意见、满意率和会办按时情况</source>
        <translation>Count a year&apos;s proposals, contacts, opinions received, satisfaction and on-time co-handling</translation>
    </message>
    <message>
        <source>节假日安排…</source>
        <translation>Holiday calendar…</translation>
    </message>
    <message>
        <source>查看或录入某年的法定节假日和调休，工作日期限按此计算</source>
        <translation>See or enter a year&apos;s public holidays and swapped working days, which working-day deadlines follow</translation>
    </message>
    <message>
        <source>销号须经审核</source>
        <translation>Close-off needs a review</translation>
    </message>
    <message>
        <source>打开后，事项须经“申请—审核”通过才能销号</source>
        <translation>When on, an item can be closed off only after an approved application</translation>
    </message>
    <message>
        <source>申请销号</source>
        <translation>Apply for close-off</translation>
    </message>
    <message>
        <source>请先在列表中选择已完成的事项。</source>
        <translation>Select finished items in the list first.</translation>
    </message>
    <message>
        <source>申请说明（整改完成情况）：</source>
        <translation>Note (how the rectification was done):</translation>
    </message>
    <message>
        <source>已为{0}条事项提出销号申请。</source>
        <translation>Applied for the close-off of {0} items.</translation>
    </message>
    <message>
        <source>销号审核</source>
        <translation>Close-off review</translation>
    </message>
    <message>
        <source>没有待审核的销号申请。</source>
        <translation>No close-off application is waiting for review.</translation>
    </message>
    <message>
        <source>审核人：</source>
        <translation>Reviewer:</translation>
    </message>
    <message>
        <source>事项：{0}
申请人：{1}（{2}）
说明：{3}

审核意见：</source>
        <translation>Item: {0}
Applicant: {1} ({2})
Note: {3}

Decision:</translation>
    </message>
    <message>
        <source>同意销号</source>
        <translation>Approve close-off</translation>
    </message>
    <message>
        <source>退回补充</source>
        <translation>Return for more evidence</translation>
    </message>
    <message>
        <source>暂不审核</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>需要补充什么：</source>
        <translation>What is missing:</translation>
    </message>
    <message>
        <source>销号材料汇编</source>
        <translation>Close-off binder</translation>
    </message>
    <message>
        <source>请先选择事项或批次。</source>
        <translation>Select items or a batch first.</translation>
    </message>
    <message>
        <source>保存销号材料汇编</source>
        <translation>Save close-off binder</translation>
    </message>
    <message>
        <source>销号材料汇编.pdf</source>
        <translation>close-off binder.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;ZIP (*.zip)</source>
        <translation>PDF (*.pdf);;ZIP (*.zip)</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>检查佐证材料{0}份（内容不同的{1}份），发现{2}组用于不同事项。</source>
        <translation>Checked {0} evidence files ({1} different contents): {2} groups used for different items.</translation>
    </message>
    <message>
        <source>佐证材料复用检查</source>
        <translation>Evidence reuse check</translation>
    </message>
    <message>
        <source>建议提案年度统计</source>
        <translation>Proposal figures</translation>
    </message>
    <message>
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
</context>
<context>
    <name>SupervisionTab</name>
    <message>
        <source>{0}（{1}，逾期{2}天）</source>
        <translation>{0} ({1}, {2} days late)</translation>
    </message>
    <message>
        <source>督办函逾期未复 {0} 份：{1}{2}</source>
        <translation>{0} letters without a reply past their date: {1}{2}</translation>
    </message>
    <message>
        <source>尚未发过督办函或预警函。</source>
        <translation>No supervision or warning letter has been sent yet.</translation>
    </message>
    <message>
        <source>{0}答复：{1}</source>
        <translation>replied {0}: {1}</translation>
    </message>
    <message>
        <source>答复期限 {0}</source>
        <translation>reply due {0}</translation>
    </message>
    <message>
        <source>未提出销号申请。</source>
        <translation>No close-off application.</translation>
    </message>
    <message>
        <source>{0} {1}申请：{2}</source>
        <translation>{0} applied by {1}: {2}</translation>
    </message>
    <message>
        <source>；审核人 {0}：{1}</source>
        <translation>; reviewer {0}: {1}</translation>
    </message>
    <message>
        <source>未发现与其他事项相同或近似的佐证材料（以最近一次检查为准）。</source>
        <translation>No evidence is the same as or close to another item&apos;s (as of the latest check).</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>取消</source>
        <extracomment>Runs a read of the store (perhaps on another thread) and hands the result back.</extracomment>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <source>修改“{1}”</source>
        <extracomment>How each kind of edit is named in the Edit menu; {0} is the number of items, {1} a detail.</extracomment>
        <translation>Edit “{1}”</translation>
    </message>
    <message>
        <source>修改 {0} 条事项</source>
        <translation>Edit {0} items</translation>
    </message>
    <message>
        <source>修改责任单位</source>
        <translation>Change responsible units</translation>
    </message>
    <message>
        <source>修改 {0} 条事项的责任单位</source>
        <translation>Change responsible units of {0} items</translation>
    </message>
    <message>
        <source>改为“{1}”</source>
        <translation>Set to “{1}”</translation>
    </message>
    <message>
        <source>把 {0} 条事项改为“{1}”</source>
        <translation>Set {0} items to “{1}”</translation>
    </message>
    <message>
        <source>牵头单位改为“{1}”</source>
        <translation>Set lead unit to “{1}”</translation>
    </message>
    <message>
        <source>把 {0} 条事项的牵头单位改为“{1}”</source>
        <translation>Set lead unit of {0} items to “{1}”</translation>
    </message>
    <message>
        <source>整改时限改为“{1}”</source>
        <translation>Set deadline to “{1}”</translation>
    </message>
    <message>
        <source>把 {0} 条事项的整改时限改为“{1}”</source>
        <translation>Set deadline of {0} items to “{1}”</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Close off</translation>
    </message>
    <message>
        <source>销号 {0} 条事项</source>
        <translation>Close off {0} items</translation>
    </message>
    <message>
        <source>添加整改进展</source>
        <translation>Add progress</translation>
    </message>
    <message>
        <source>为 {0} 条事项添加整改进展</source>
        <translation>Add progress to {0} items</translation>
    </message>
    <message>
        <source>删除事项</source>
        <translation>Delete items</translation>
    </message>
    <message>
        <source>删除 {0} 条事项</source>
        <translation>Delete {0} items</translation>
    </message>
    <message>
        <source>别人已经改过</source>
        <extracomment>The clerk chose 重新载入 for these item ids (a tuple).</extracomment>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>导入“{0}”</source>
        <translation>Import “{0}”</translation>
    </message>
    <message>
        <source>无法完成</source>
        <extracomment>What became of an edit: made; refused; refused because another clerk changed the items first (the clerk closed the message); the same, and the clerk chose 重新载入; not saved because the server went away.</extracomment>
        <translation>Cannot complete</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <source>责任单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>牵头（条）</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>配合（条）</source>
        <translation>Assists</translation>
    </message>
    <message>
        <source>下发日期</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>报送情况</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>未报送</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>已报送 {0}</source>
        <translation>Answered {0}</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>欢迎使用</source>
        <extracomment>What the clerk chose to do first.</extracomment>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>数据文件还是空的。先写上填报单位和填报人：台账记录、变更记录和报表落款都用它们（以后可在“文件 → 设置”中修改）。</source>
        <translation>The data file is still empty. First give the reporting unit and your name: ledger entries, the change history and the signature of reports use them (you can change them later in File → Settings).</translation>
    </message>
    <message>
        <source>如：××县卫生健康局</source>
        <translation>e.g. XX County Health Bureau</translation>
    </message>
    <message>
        <source>您的姓名</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>填报单位：</source>
        <translation>Reporting unit:</translation>
    </message>
    <message>
        <source>填报人：</source>
        <translation>Reported by:</translation>
    </message>
    <message>
        <source>从哪里开始？</source>
        <translation>Where would you like to start?</translation>
    </message>
    <message>
        <source>导入上级下发的表格…</source>
        <translation>Import a table from the upper level…</translation>
    </message>
    <message>
        <source>选择上级下发的 Excel、WPS 或 CSV 表格，按向导导入为一个批次</source>
        <translation>Choose the Excel, WPS or CSV table sent down by the upper level and import it as a batch</translation>
    </message>
    <message>
        <source>载入示例数据，先熟悉一下</source>
        <translation>Load the sample data to look around</translation>
    </message>
    <message>
        <source>三个示例批次，日期按今天排好；熟悉后可以删除示例批次的事项</source>
        <translation>Three sample batches, dated around today; delete their items once you know your way around</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>数据文件不存在</source>
        <translation>Data file not found</translation>
    </message>
    <message>
        <source>数据文件“{0}”不存在。要在这里新建一个空的数据文件吗？如果是路径写错了，请选“否”，检查 --db 或 RECTDESK_DB 后重新打开。</source>
        <translation>The data file “{0}” does not exist. Create a new, empty data file here? If the path was mistyped, choose “No”, check --db or RECTDESK_DB and open again.</translation>
    </message>
    <message>
        <source>数据文件位置提醒</source>
        <translation>Data file location</translation>
    </message>
    <message>
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>已用 {0} 的备份恢复数据文件。损坏的文件已另存到：{1}</source>
        <translation>The data file was restored from the backup of {0}. The damaged file was saved to: {1}</translation>
    </message>
    <message>
        <source>无法打开数据文件</source>
        <translation>Cannot open the data file</translation>
    </message>
    <message>
        <source>数据文件提示</source>
        <translation>Data file notice</translation>
    </message>
    <message>
        <source>数据文件正在写入</source>
        <translation>The data file is being written</translation>
    </message>
    <message>
        <source>已用 {0} 的备份恢复数据文件。原来的空文件已另存到：{1}</source>
        <translation>The data file was restored from the backup of {0}. The empty file was kept as: {1}</translation>
    </message>
    <message>
        <source>数据文件已损坏</source>
        <translation>Data file damaged</translation>
    </message>
    <message>
        <source>检查发现数据文件已损坏。请不要再修改数据：打开“数据安全 → 备份与恢复”，选择最新的完好备份恢复（损坏的文件会另存一份）。</source>
        <translation>The check found the data file damaged. Do not change any data now: open “Data safety → Backup and restore” and restore the newest good backup (the damaged file is kept aside).</translation>
    </message>
    <message>
        <source>今日自动备份已完成（{0}）。</source>
        <translation>Today&apos;s automatic backup is done ({0}).</translation>
    </message>
    <message>
        <source>今日自动备份未完成</source>
        <translation>Today&apos;s automatic backup did not finish</translation>
    </message>
</context>
</TS>
