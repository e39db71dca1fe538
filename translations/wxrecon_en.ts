<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Tr</name>
    <message>
        <source>“%1” is not an RFC 3339 time with an offset, such as 2026-11-26T10:12:00+08:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a date in the form YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an exact amount in yuan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::MainWindow</name>
    <message>
        <source>wxrecon — WeChat Pay reconciliation (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wxrecon — WeChat Pay reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reconciliation views are being built. This window shows that the application starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxrecon</name>
    <message>
        <source>WeChat Pay reconciliation and payment monitoring for merchants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with a built-in WeChat Pay stand-in and a temporary ledger full of sample data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language “%1”; use zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxrecon_cli</name>
    <message>
        <source>Run “wxrecon-cli --help” for the list of commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-cli %1” needs --%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: wxrecon-cli &lt;command&gt; [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay reconciliation from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “wxrecon-cli &lt;command&gt; --help” for the options of one command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 failure while doing the work, 2 usage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options: --version, --help, --lang zh_CN|en (or WXRECON_LANG).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language “%1”; use zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a wxrecon-cli command.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
