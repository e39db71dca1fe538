<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Tr</name>
    <message>
        <source>“%1” is not an RFC 3339 time with an offset, such as 2026-11-26T10:12:00+08:00</source>
        <translation>“%1”不是带时区偏移的 RFC 3339 时间，例如 2026-11-26T10:12:00+08:00</translation>
    </message>
    <message>
        <source>“%1” is not a date in the form YYYY-MM-DD</source>
        <translation>“%1”不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>“%1” is not an exact amount in yuan</source>
        <translation>“%1”不是精确的人民币金额（元）</translation>
    </message>
</context>
<context>
    <name>wxr::ui::MainWindow</name>
    <message>
        <source>wxrecon — WeChat Pay reconciliation (demo)</source>
        <translation>wxrecon — 微信支付对账（演示）</translation>
    </message>
    <message>
        <source>wxrecon — WeChat Pay reconciliation</source>
        <translation>wxrecon — 微信支付对账</translation>
    </message>
    <message>
        <source>The reconciliation views are being built. This window shows that the application starts.</source>
        <translation>对账视图正在建设中。此窗口表明应用已正常启动。</translation>
    </message>
</context>
<context>
    <name>wxrecon</name>
    <message>
        <source>WeChat Pay reconciliation and payment monitoring for merchants.</source>
        <translation>面向商户的微信支付对账与支付监控工具。</translation>
    </message>
    <message>
        <source>Start with a built-in WeChat Pay stand-in and a temporary ledger full of sample data.</source>
        <translation>使用内置的微信支付模拟服务和装满示例数据的临时台账启动。</translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Unknown language “%1”; use zh_CN or en.</source>
        <translation>未知语言“%1”，请使用 zh_CN 或 en。</translation>
    </message>
</context>
<context>
    <name>wxrecon_cli</name>
    <message>
        <source>Run “wxrecon-cli --help” for the list of commands.</source>
        <translation>运行“wxrecon-cli --help”查看命令列表。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>“wxrecon-cli %1” needs --%2.</source>
        <translation>“wxrecon-cli %1”需要 --%2 参数。</translation>
    </message>
    <message>
        <source>Usage: wxrecon-cli &lt;command&gt; [options]</source>
        <translation>用法：wxrecon-cli &lt;命令&gt; [选项]</translation>
    </message>
    <message>
        <source>WeChat Pay reconciliation from the command line.</source>
        <translation>命令行方式的微信支付对账工具。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run “wxrecon-cli &lt;command&gt; --help” for the options of one command.</source>
        <translation>运行“wxrecon-cli &lt;命令&gt; --help”查看某个命令的选项。</translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 failure while doing the work, 2 usage error.</source>
        <translation>退出码：0 成功，1 执行过程中失败，2 用法错误。</translation>
    </message>
    <message>
        <source>Options: --version, --help, --lang zh_CN|en (or WXRECON_LANG).</source>
        <translation>选项：--version、--help、--lang zh_CN|en（或环境变量 WXRECON_LANG）。</translation>
    </message>
    <message>
        <source>Unknown language “%1”; use zh_CN or en.</source>
        <translation>未知语言“%1”，请使用 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>“%1” is not a wxrecon-cli command.</source>
        <translation>“%1”不是 wxrecon-cli 的命令。</translation>
    </message>
</context>
</TS>
