<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>整改台账桌面助手 — {0}</source>
        <translation>RectDesk — {0}</translation>
    </message>
    <message>
        <source>搜索编号、来源、内容、措施、进展、单位…（Ctrl+F）</source>
        <translation>Search number, origin, content, measures, progress, units… (Ctrl+F)</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>载入示例数据</source>
        <translation>Load sample data</translation>
    </message>
    <message>
        <source>只读方式打开：不能修改数据。</source>
        <translation>Opened read-only: data cannot be changed.</translation>
    </message>
    <message>
        <source>共 {0} 条事项</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>已载入 {0} 条示例事项。</source>
        <translation>Loaded {0} sample items.</translation>
    </message>
    <message>
        <source>欢迎使用</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>数据文件还是空的。是否载入示例数据（三个示例批次）先熟悉一下？</source>
        <translation>The data file is empty. Load the sample data (three sample batches) to get acquainted?</translation>
    </message>
</context>
</TS>
