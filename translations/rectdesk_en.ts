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
        <extracomment>Single-line fields, in form order. Multi-line fields. Audit actions and record names as the change history shows them. A bulk action asked for on the several-items page (a function name of bulk_dialogs).</extracomment>
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
        <source>已载入 {0} 条示例事项。</source>
        <translation>Loaded {0} sample items.</translation>
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
        <source>无法打开数据文件</source>
        <translation>Cannot open the data file</translation>
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
        <source>导入“{0}”</source>
        <translation>Import “{0}”</translation>
    </message>
    <message>
        <source>无法完成</source>
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
