<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>wxr::core::ApiClient</name>
    <message>
        <source>WeChat Pay could not be reached for %1: %2.</source>
        <translation>无法连接微信支付以完成%1：%2。</translation>
    </message>
    <message>
        <source>The answer of WeChat Pay to %1 failed verification and was discarded: %2</source>
        <translation>微信支付对 %1 的应答验签失败，已丢弃：%2</translation>
    </message>
    <message>
        <source>The merchant order number “%1” must be 1 to 32 letters, digits, “_”, “-” or “*”.</source>
        <translation>商户订单号“%1”须为 1 至 32 位字母、数字、“_”、“-”或“*”。</translation>
    </message>
    <message>
        <source>the query of order %1</source>
        <translation>订单 %1 的查询</translation>
    </message>
    <message>
        <source>The WeChat Pay order number “%1” must be 1 to 32 digits.</source>
        <translation>微信支付订单号“%1”须为 1 至 32 位数字。</translation>
    </message>
    <message>
        <source>the query of WeChat Pay order %1</source>
        <translation>微信支付订单 %1 的查询</translation>
    </message>
    <message>
        <source>closing order %1</source>
        <translation>关闭订单 %1</translation>
    </message>
    <message>
        <source>The merchant refund number “%1” must be 1 to 64 letters, digits, “_”, “-”, “|”, “*” or “@”.</source>
        <translation>商户退款单号“%1”须为 1 至 64 位字母、数字、“_”、“-”、“|”、“*”或“@”。</translation>
    </message>
    <message>
        <source>the query of refund %1</source>
        <translation>退款 %1 的查询</translation>
    </message>
    <message>
        <source>The bill date is not a valid date.</source>
        <translation>账单日期不是有效日期。</translation>
    </message>
    <message>
        <source>the bill of %1</source>
        <translation>%1 的账单</translation>
    </message>
    <message>
        <source>The bill application for %1 did not return a download address and digest.</source>
        <translation>%1 的账单申请未返回下载地址和摘要。</translation>
    </message>
    <message>
        <source>The download address of the bill of %1 is not an https:// address.</source>
        <translation>%1 账单的下载地址不是 https:// 地址。</translation>
    </message>
    <message>
        <source>The bill of %1 comes with a %2 digest; only SHA1 is supported.</source>
        <translation>%1 的账单附带 %2 摘要；仅支持 SHA1。</translation>
    </message>
    <message>
        <source>the download of the bill of %1</source>
        <translation>%1 账单的下载</translation>
    </message>
    <message>
        <source>The bill of %1 could not be decompressed: %2</source>
        <translation>%1 的账单无法解压：%2</translation>
    </message>
    <message>
        <source>The bill of %1 does not match its SHA-1 digest (expected %2, got %3) and was discarded.</source>
        <translation>%1 的账单与其 SHA-1 摘要不符（应为 %2，实为 %3），已丢弃。</translation>
    </message>
    <message>
        <source>the download of the platform certificates</source>
        <translation>平台证书的下载</translation>
    </message>
    <message>
        <source>The platform certificate list failed verification and was discarded: %1</source>
        <translation>平台证书列表验签失败，已丢弃：%1</translation>
    </message>
    <message>
        <source>WeChat Pay lists no platform certificates for merchant %1 and no WeChat Pay public key is configured; set public_key_id and public_key_file.</source>
        <translation>微信支付未列出商户 %1 的平台证书，且未配置微信支付公钥；请设置 public_key_id 和 public_key_file。</translation>
    </message>
</context>
<context>
    <name>wxr::ui::AppContext</name>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>(On the ledger of “%1”, not the one shown now.)</source>
        <translation>（此操作在“%1”的台账上完成，当前显示的是另一个台账。）</translation>
    </message>
    <message>
        <source>(On the ledger %1, not the one shown now.)</source>
        <translation>（此操作在台账 %1 上完成，当前显示的是另一个台账。）</translation>
    </message>
</context>
<context>
    <name>wxr::ui::AppStatusBar</name>
    <message>
        <source>No merchant configured</source>
        <translation>未配置商户</translation>
    </message>
    <message>
        <source>Merchant: %1</source>
        <translation>商户：%1</translation>
    </message>
    <message>
        <source>Last bill: %1</source>
        <translation>最近账单：%1</translation>
    </message>
    <message>
        <source>Fetched at %1 (China Standard Time)</source>
        <translation>获取于 %1（北京时间）</translation>
    </message>
    <message>
        <source>No bill fetched yet</source>
        <translation>尚未获取账单</translation>
    </message>
    <message>
        <source>Keys: not checked</source>
        <translation>密钥：未检查</translation>
    </message>
    <message>
        <source>Keys: WeChat Pay public key</source>
        <translation>密钥：微信支付公钥</translation>
    </message>
    <message>
        <source>Keys: expired</source>
        <translation>密钥：已过期</translation>
    </message>
    <message>
        <source>Keys: none available</source>
        <translation>密钥：无可用密钥</translation>
    </message>
    <message>
        <source>Health of the platform certificate or WeChat Pay public key</source>
        <translation>平台证书或微信支付公钥的状态</translation>
    </message>
    <message>
        <source>Verifying key: %1</source>
        <translation>验签密钥：%1</translation>
    </message>
    <message>
        <source>Scheduler: off</source>
        <translation>调度器：已关闭</translation>
    </message>
    <message>
        <source>Scheduler: waiting</source>
        <translation>调度器：等待中</translation>
    </message>
    <message>
        <source>Scheduler: running</source>
        <translation>调度器：运行中</translation>
    </message>
    <message>
        <source>Scheduler: failing</source>
        <translation>调度器：运行失败</translation>
    </message>
    <message>
        <source>No open alerts</source>
        <translation>无待处理告警</translation>
    </message>
    <message>
        <source>Ledger: %1</source>
        <translation>台账：%1</translation>
    </message>
    <message numerus="yes">
        <source>Keys: valid for %Ln day(s)</source>
        <translation>
            <numerusform>密钥：有效期还剩 %Ln 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keys: expire in %Ln day(s)</source>
        <translation>
            <numerusform>密钥：%Ln 天后过期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open alert(s)</source>
        <translation>
            <numerusform>%Ln 条待处理告警</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::CallbackAnomaliesDialog</name>
    <message>
        <source>Callback anomalies of %1</source>
        <translation>%1 的回调异常</translation>
    </message>
    <message>
        <source>Callbacks that the ledger did not expect. Each was applied (WeChat Pay has the money) and its order is flagged for review: check the order in your own system.</source>
        <translation>台账未预料到的回调。每一条都已入账（微信支付已收款），相应订单已标记为待复核：请在自己的系统中核对该订单。</translation>
    </message>
    <message>
        <source>Recorded (CST)</source>
        <translation>记录时间（北京时间）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Merchant refund no.</source>
        <translation>商户退款单号</translation>
    </message>
    <message>
        <source>Ledger amount (yuan)</source>
        <translation>台账金额（元）</translation>
    </message>
    <message>
        <source>Callback amount (yuan)</source>
        <translation>回调金额（元）</translation>
    </message>
    <message>
        <source>Open order</source>
        <translation>查看订单</translation>
    </message>
</context>
<context>
    <name>wxr::ui::CallbackFailureModel</name>
    <message>
        <source>Received (CST)</source>
        <translation>接收时间（北京时间）</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>证书序列号</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Imported log</source>
        <translation>导入的日志</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>回调接收器</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录来源</translation>
    </message>
</context>
<context>
    <name>wxr::ui::ConnectionTester</name>
    <message>
        <source>Connected: WeChat Pay answered; this merchant verifies with the WeChat Pay public key %1.</source>
        <translation>已连接：微信支付已应答；该商户使用微信支付公钥 %1 验签。</translation>
    </message>
    <message numerus="yes">
        <source>Connected: WeChat Pay answered with %Ln verified platform certificate(s); the newest is valid until %1.</source>
        <translation>
            <numerusform>已连接：微信支付返回了 %Ln 个验签通过的平台证书；最新证书有效期至 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::CopyableTableView</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>wxr::ui::DailyFetch</name>
    <message>
        <source>Daily bill fetch: %1</source>
        <translation>每日获取账单：%1</translation>
    </message>
    <message numerus="yes">
        <source>Daily fetch: %1 reconciled, %Ln discrepancies.</source>
        <translation>
            <numerusform>每日获取：%1 已对账，差异 %Ln 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::DayCalendar</name>
    <message>
        <source>No bill</source>
        <translation>无账单</translation>
    </message>
    <message>
        <source>Not reconciled</source>
        <translation>未对账</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>Open discrepancies</source>
        <translation>有待处理差异</translation>
    </message>
    <message>
        <source>All settled</source>
        <translation>已全部了结</translation>
    </message>
</context>
<context>
    <name>wxr::ui::DelayChart</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Delay (s)</source>
        <translation>延迟（秒）</translation>
    </message>
    <message>
        <source>p50 (median)</source>
        <translation>p50（中位数）</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>p50: %1</source>
        <translation>p50：%1</translation>
    </message>
    <message>
        <source>p95: %1</source>
        <translation>p95：%1</translation>
    </message>
    <message>
        <source>p99: %1</source>
        <translation>p99：%1</translation>
    </message>
</context>
<context>
    <name>wxr::ui::DelayHistogramChart</name>
    <message>
        <source>Callbacks</source>
        <translation>回调</translation>
    </message>
    <message>
        <source>Delay (s)</source>
        <translation>延迟（秒）</translation>
    </message>
    <message numerus="yes">
        <source>Delay %1–%2 s: %Ln callback(s)</source>
        <translation>
            <numerusform>延迟 %1–%2 秒：%Ln 次回调</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::DiscrepancyDetail</name>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Ledger and bill side by side</source>
        <translation>台账与账单对照</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Refund no.</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>When (CST)</source>
        <translation>时间（北京时间）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Order timeline</source>
        <translation>订单时间线</translation>
    </message>
    <message>
        <source>Note for the selected discrepancies (why, who was asked, …)</source>
        <translation>所选差异的备注（原因、询问了谁……）</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Seen and being looked into</source>
        <translation>已知悉，正在排查</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>The difference is explained or fixed</source>
        <translation>差异已查明或已修正</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Not worth pursuing; kept out of the open list</source>
        <translation>无需跟进；不列入待处理列表</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Re-query order</source>
        <translation>补查订单</translation>
    </message>
    <message>
        <source>Ask WeChat Pay for the order&apos;s current state and apply it</source>
        <translation>向微信支付查询订单当前状态并应用</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Select a discrepancy to see both sides and the order&apos;s history.</source>
        <translation>选择一条差异以查看双方记录及订单历史。</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies selected; the actions apply to all of them.</source>
        <translation>
            <numerusform>已选择 %Ln 条差异；操作将应用于全部所选差异。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::DiscrepancyModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>WeChat Pay transaction</source>
        <translation>微信支付订单号</translation>
    </message>
    <message>
        <source>Ledger status</source>
        <translation>台账状态</translation>
    </message>
    <message>
        <source>Bill status</source>
        <translation>账单状态</translation>
    </message>
    <message>
        <source>Ledger amount</source>
        <translation>台账金额</translation>
    </message>
    <message>
        <source>Bill amount</source>
        <translation>账单金额</translation>
    </message>
    <message>
        <source>Refund no.</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <source>Ledger refund</source>
        <translation>台账退款</translation>
    </message>
    <message>
        <source>Bill refund</source>
        <translation>账单退款</translation>
    </message>
    <message>
        <source>State</source>
        <translation>处理状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Bill date</source>
        <translation>账单日期</translation>
    </message>
</context>
<context>
    <name>wxr::ui::FailureChart</name>
    <message>
        <source>Failed callbacks</source>
        <translation>失败回调</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
</context>
<context>
    <name>wxr::ui::ImportActions</name>
    <message>
        <source>Importing the ledger</source>
        <translation>正在导入台账</translation>
    </message>
    <message>
        <source>(%1 new, %2 updated, %3 unchanged)</source>
        <translation>（新增 %1，更新 %2，未变 %3）</translation>
    </message>
    <message>
        <source>Importing the bill of %1</source>
        <translation>正在导入 %1 的账单</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2; nothing was imported.</source>
        <translation>无法打开 %1：%2；未导入任何内容。</translation>
    </message>
    <message>
        <source>Reconciling %1</source>
        <translation>正在对账 %1</translation>
    </message>
    <message>
        <source>Importing the callback log</source>
        <translation>正在导入回调日志</translation>
    </message>
    <message>
        <source>Import the ledger: choose orders.csv</source>
        <translation>导入台账：选择 orders.csv</translation>
    </message>
    <message>
        <source>Ledger CSV (*.csv);;All files (*)</source>
        <translation>台账 CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a bill file</source>
        <translation>导入账单文件</translation>
    </message>
    <message>
        <source>Choose a WeChat Pay bill file</source>
        <translation>选择微信支付账单文件</translation>
    </message>
    <message>
        <source>WeChat Pay bills (*.csv *.csv.gz *.gz);;All files (*)</source>
        <translation>微信支付账单 (*.csv *.csv.gz *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import and reconcile</source>
        <translation>导入并对账</translation>
    </message>
    <message>
        <source>Bill file:</source>
        <translation>账单文件：</translation>
    </message>
    <message>
        <source>Bill date:</source>
        <translation>账单日期：</translation>
    </message>
    <message>
        <source>Import a callback log</source>
        <translation>导入回调日志</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json *.log);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json *.log);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln orders imported</source>
        <translation>
            <numerusform>已导入 %Ln 笔订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %Ln refunds</source>
        <translation>
            <numerusform>；退款 %Ln 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bill of %1 imported and reconciled: %Ln discrepancies.</source>
        <translation>
            <numerusform>%1 的账单已导入并完成对账：差异 %Ln 条。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln callbacks imported</source>
        <translation>
            <numerusform>已导入 %Ln 条回调</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln already there).</source>
        <translation>
            <numerusform>（%Ln 条已存在）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::JobRunner</name>
    <message>
        <source>The job “%1” ended without a result.</source>
        <translation>任务“%1”结束但未返回结果。</translation>
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
        <source>“%1” was cancelled.</source>
        <translation>“%1”已取消。</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>Callback monitor</source>
        <translation>回调监控</translation>
    </message>
    <message>
        <source>Pending orders</source>
        <translation>待处理订单</translation>
    </message>
    <message>
        <source>Order lookup</source>
        <translation>订单查询</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Merchant:</source>
        <translation>商户(&amp;M)：</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About wxrecon</source>
        <translation>关于 wxrecon(&amp;A)</translation>
    </message>
    <message>
        <source>About wxrecon</source>
        <translation>关于 wxrecon</translation>
    </message>
    <message>
        <source>wxrecon %1 reconciles WeChat Pay bills against your order ledger, monitors payment callbacks and re-queries stuck orders.</source>
        <translation>wxrecon %1 将微信支付账单与您的订单台账进行对账，监控支付回调通知，并补查卡单。</translation>
    </message>
    <message>
        <source>Merchant ID %1</source>
        <translation>商户号 %1</translation>
    </message>
    <message>
        <source>The new language takes effect when wxrecon restarts.</source>
        <translation>新语言将在 wxrecon 重启后生效。</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>wxrecon could not restart itself; please start it again.</source>
        <translation>wxrecon 无法自动重启；请手动重新启动。</translation>
    </message>
    <message>
        <source>Import &amp;ledger (orders.csv)…</source>
        <translation>导入台账（orders.csv）(&amp;L)…</translation>
    </message>
    <message>
        <source>Import a &amp;bill file…</source>
        <translation>导入账单文件(&amp;B)…</translation>
    </message>
    <message>
        <source>Import a &amp;callback log…</source>
        <translation>导入回调日志(&amp;C)…</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>打开设置</translation>
    </message>
</context>
<context>
    <name>wxr::ui::MerchantConfigLoader</name>
    <message>
        <source>The APIv3 key file “%1” cannot be read: %2.</source>
        <translation>无法读取 APIv3 密钥文件“%1”：%2。</translation>
    </message>
</context>
<context>
    <name>wxr::ui::MerchantServices</name>
    <message>
        <source>No merchant is configured; add one under Settings first.</source>
        <translation>未配置商户；请先在设置中添加商户。</translation>
    </message>
    <message>
        <source>next run %1</source>
        <translation>下次运行 %1</translation>
    </message>
    <message>
        <source>The callback receiver could not start: %1</source>
        <translation>回调接收器无法启动：%1</translation>
    </message>
    <message>
        <source>merchant %1 has no APIv3 key, which decrypts the callbacks; enter it under Settings.</source>
        <translation>商户 %1 没有用于解密回调的 APIv3 密钥；请在“设置”中填写。</translation>
    </message>
    <message>
        <source>no ledger is open; choose one under Settings.</source>
        <translation>没有打开的台账；请在“设置”中选择。</translation>
    </message>
    <message>
        <source>Re-querying %1</source>
        <translation>正在补查 %1</translation>
    </message>
    <message>
        <source>%1 was re-queried.</source>
        <translation>已补查 %1。</translation>
    </message>
    <message>
        <source>%1 (not refreshed: %2)</source>
        <translation>%1（未能刷新：%2）</translation>
    </message>
    <message>
        <source>The callback receiver now takes the callbacks of merchant %1; those of merchant %2 are refused until it is chosen again (WeChat Pay retries them for about a day).</source>
        <translation>回调接收器现在接收商户 %1 的回调；在重新选择商户 %2 之前，其回调将被拒收（微信支付会在约一天内重试）。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending</source>
        <translation>
            <numerusform>%Ln 项待处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due</source>
        <translation>
            <numerusform>%Ln 项到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need attention</source>
        <translation>
            <numerusform>%Ln 项需关注</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::MonitorData</name>
    <message>
        <source>Reading callback metrics</source>
        <translation>正在读取回调指标</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>wxr::ui::MonitorView</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Callback delay after payment</source>
        <translation>支付后回调延迟</translation>
    </message>
    <message>
        <source>Delay distribution</source>
        <translation>延迟分布</translation>
    </message>
    <message>
        <source>Failures by cause</source>
        <translation>按原因统计的失败</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>回调量</translation>
    </message>
    <message>
        <source>Recent callback failures</source>
        <translation>最近的回调失败</translation>
    </message>
    <message>
        <source>Recent failures</source>
        <translation>最近的失败</translation>
    </message>
    <message>
        <source>Receiving at %1</source>
        <translation>接收地址 %1</translation>
    </message>
    <message>
        <source>Receiver stopped</source>
        <translation>接收器已停止</translation>
    </message>
    <message>
        <source>Receiver off</source>
        <translation>接收器未开启</translation>
    </message>
    <message>
        <source>Reading callback metrics</source>
        <translation>正在读取回调指标</translation>
    </message>
    <message>
        <source>%1 % failed</source>
        <translation>失败 %1%</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>An alert could not be sent to the webhook: %1</source>
        <translation>告警未能发送到 Webhook：%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln callbacks</source>
        <translation>
            <numerusform>%Ln 条回调</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lost</source>
        <translation>
            <numerusform>丢失 %Ln 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::NoticeBar</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>关闭消息</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>wxr::ui::OrderLookupView</name>
    <message>
        <source>Merchant order no., refund no. or WeChat Pay transaction id</source>
        <translation>商户订单号、退款单号或微信支付订单号</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Re-query at WeChat Pay</source>
        <translation>向微信支付补查</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>订单(&amp;O)：</translation>
    </message>
    <message>
        <source>Refund no.</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested (CST)</source>
        <translation>申请时间（北京时间）</translation>
    </message>
    <message>
        <source>Succeeded (CST)</source>
        <translation>成功时间（北京时间）</translation>
    </message>
    <message>
        <source>Bill date</source>
        <translation>账单日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>处理状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>When (CST)</source>
        <translation>时间（北京时间）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Type an order, refund or transaction number and press Enter.</source>
        <translation>输入订单号、退款单号或微信支付订单号后按回车。</translation>
    </message>
    <message>
        <source>The ledger has no order or refund “%1”.</source>
        <translation>台账中没有订单或退款“%1”。</translation>
    </message>
    <message>
        <source>Asking WeChat Pay about transaction %1…</source>
        <translation>正在向微信支付查询交易 %1…</translation>
    </message>
    <message>
        <source>Neither the ledger nor WeChat Pay knows “%1”.</source>
        <translation>台账和微信支付都没有“%1”。</translation>
    </message>
    <message>
        <source>WeChat Pay knows transaction %1 as order %2 (%3), which the ledger does not have.</source>
        <translation>微信支付中交易 %1 对应订单 %2（%3），台账中没有该订单。</translation>
    </message>
    <message>
        <source>The ledger has no order “%1”.</source>
        <translation>台账中没有订单“%1”。</translation>
    </message>
    <message>
        <source>Order %1: %2, ¥%3; created %4</source>
        <translation>订单 %1：%2，¥%3；创建于 %4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>, paid %1</source>
        <translation>，支付于 %1</translation>
    </message>
    <message>
        <source>; transaction %1</source>
        <translation>；微信支付订单号 %1</translation>
    </message>
    <message>
        <source>%1. Flagged for review: %2</source>
        <translation>%1。待复核：%2</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>the end of the order&apos;s summary sentence</comment>
        <translation>%1。</translation>
    </message>
</context>
<context>
    <name>wxr::ui::PathEdit</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>wxr::ui::ProfileEditor</name>
    <message>
        <source>Choose the merchant private key</source>
        <translation>选择商户私钥</translation>
    </message>
    <message>
        <source>PEM private keys (*.pem);;All files (*)</source>
        <translation>PEM 私钥 (*.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the APIv3 key file</source>
        <translation>选择 APIv3 密钥文件</translation>
    </message>
    <message>
        <source>Platform certificates</source>
        <translation>平台证书</translation>
    </message>
    <message>
        <source>WeChat Pay public key</source>
        <translation>微信支付公钥</translation>
    </message>
    <message>
        <source>Both (during migration)</source>
        <translation>两者（迁移期间）</translation>
    </message>
    <message>
        <source>Choose the WeChat Pay public key</source>
        <translation>选择微信支付公钥</translation>
    </message>
    <message>
        <source>PEM public keys (*.pem);;All files (*)</source>
        <translation>PEM 公钥 (*.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the folder for downloaded platform certificates</source>
        <translation>选择存放已下载平台证书的文件夹</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>配置名称：</translation>
    </message>
    <message>
        <source>Merchant ID (mchid):</source>
        <translation>商户号（mchid）：</translation>
    </message>
    <message>
        <source>API certificate serial:</source>
        <translation>API 证书序列号：</translation>
    </message>
    <message>
        <source>Private key file:</source>
        <translation>私钥文件：</translation>
    </message>
    <message>
        <source>Private key passphrase:</source>
        <translation>私钥密码：</translation>
    </message>
    <message>
        <source>APIv3 key:</source>
        <translation>APIv3 密钥：</translation>
    </message>
    <message>
        <source>or APIv3 key file:</source>
        <translation>或 APIv3 密钥文件：</translation>
    </message>
    <message>
        <source>API base URL:</source>
        <translation>API 基础地址：</translation>
    </message>
    <message>
        <source>Signature verification:</source>
        <translation>验签方式：</translation>
    </message>
    <message>
        <source>Public key ID:</source>
        <translation>公钥 ID：</translation>
    </message>
    <message>
        <source>Public key file:</source>
        <translation>公钥文件：</translation>
    </message>
    <message>
        <source>Certificate folder:</source>
        <translation>证书文件夹：</translation>
    </message>
    <message>
        <source>Stored — type to replace</source>
        <translation>已保存 — 输入新值以替换</translation>
    </message>
    <message>
        <source>32 characters, from the merchant platform</source>
        <translation>32 个字符，来自商户平台</translation>
    </message>
    <message>
        <source>Only if the key file is encrypted</source>
        <translation>仅当密钥文件已加密时填写</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>商户配置需要名称。</translation>
    </message>
    <message>
        <source>The merchant ID of “%1” must be digits only.</source>
        <translation>“%1”的商户号只能包含数字。</translation>
    </message>
    <message>
        <source>The API certificate serial of “%1” must be hexadecimal.</source>
        <translation>“%1”的 API 证书序列号必须为十六进制。</translation>
    </message>
    <message>
        <source>Profile “%1” needs the merchant private key file.</source>
        <translation>商户配置“%1”需要商户私钥文件。</translation>
    </message>
    <message>
        <source>The private key file “%1” does not exist.</source>
        <translation>私钥文件“%1”不存在。</translation>
    </message>
    <message>
        <source>The APIv3 key must be exactly 32 ASCII characters.</source>
        <translation>APIv3 密钥必须恰好为 32 个 ASCII 字符。</translation>
    </message>
    <message>
        <source>The APIv3 key file “%1” does not exist.</source>
        <translation>APIv3 密钥文件“%1”不存在。</translation>
    </message>
    <message>
        <source>The API base URL of “%1” must be an http or https address.</source>
        <translation>“%1”的 API 基础地址必须是 http 或 https 地址。</translation>
    </message>
    <message>
        <source>Profile “%1” uses the WeChat Pay public key but has no public key ID.</source>
        <translation>商户配置“%1”使用微信支付公钥，但未设置公钥 ID。</translation>
    </message>
    <message>
        <source>The public key file “%1” does not exist.</source>
        <translation>公钥文件“%1”不存在。</translation>
    </message>
    <message>
        <source>Choose this merchant&apos;s ledger file</source>
        <translation>选择该商户的台账文件</translation>
    </message>
    <message>
        <source>SQLite ledgers (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite 台账 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Orders, bills and discrepancies of this merchant. Each merchant needs a ledger of its own; empty = the default ledger.</source>
        <translation>该商户的订单、账单和差异。每个商户需要单独的台账；留空则使用默认台账。</translation>
    </message>
    <message>
        <source>Ledger file:</source>
        <translation>台账文件：</translation>
    </message>
    <message>
        <source>The default ledger (%1)</source>
        <translation>默认台账（%1）</translation>
    </message>
</context>
<context>
    <name>wxr::ui::ProgressPresenter</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel “%1”</source>
        <translation>取消“%1”</translation>
    </message>
</context>
<context>
    <name>wxr::ui::ReconcileView</name>
    <message>
        <source>Fetch bill &amp;&amp; reconcile</source>
        <translation>获取账单并对账</translation>
    </message>
    <message>
        <source>Download the day&apos;s trade bill from WeChat Pay, import it and reconcile it against the ledger</source>
        <translation>从微信支付下载当日交易账单，导入后与台账对账</translation>
    </message>
    <message>
        <source>Reconcile again</source>
        <translation>重新对账</translation>
    </message>
    <message>
        <source>Run the reconciliation again on the bill already imported; states and notes are kept</source>
        <translation>对已导入的账单重新对账；保留处理状态和备注</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the day&apos;s discrepancy report</source>
        <translation>保存当日差异报表</translation>
    </message>
    <message>
        <source>CSV (Excel-friendly)…</source>
        <translation>CSV（适用于 Excel）…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not settled</source>
        <translation>未了结</translation>
    </message>
    <message>
        <source>Search order, transaction, refund no. or note</source>
        <translation>搜索商户订单号、微信支付订单号、退款单号或备注</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Add a merchant under Settings to query WeChat Pay.</source>
        <translation>请在设置中添加商户以查询微信支付。</translation>
    </message>
    <message>
        <source>Add a merchant under Settings to fetch bills.</source>
        <translation>请在设置中添加商户以获取账单。</translation>
    </message>
    <message>
        <source>Bill date %1</source>
        <translation>账单日期 %1</translation>
    </message>
    <message>
        <source>Fetching and reconciling %1</source>
        <translation>正在获取 %1 的账单并对账</translation>
    </message>
    <message>
        <source>Reconciling %1</source>
        <translation>正在对账 %1</translation>
    </message>
    <message>
        <source>Export the discrepancy report</source>
        <translation>导出差异报表</translation>
    </message>
    <message>
        <source>Exporting the report of %1</source>
        <translation>正在导出 %1 的报表</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>报表已保存至 %1。</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)…</source>
        <translation>Excel 工作簿（XLSX）…</translation>
    </message>
    <message>
        <source>PDF summary…</source>
        <translation>PDF 汇总…</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <source>WeChat Pay offers a day&apos;s bill from 10:00 (China Standard Time) the next day.</source>
        <translation>微信支付在次日 10:00（北京时间）后提供当天的账单。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows are too many to sort; they stay in report order. Narrow the filter to sort by another column.</source>
        <translation>
            <numerusform>%Ln 行数据过多，无法排序；将保持报表顺序。请缩小筛选范围后再按其他列排序。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies</source>
        <translation>
            <numerusform>%Ln 条差异</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies reopened.</source>
        <translation>
            <numerusform>已重新打开 %Ln 条差异。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies acknowledged.</source>
        <translation>
            <numerusform>已确认 %Ln 条差异。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies resolved.</source>
        <translation>
            <numerusform>已解决 %Ln 条差异。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies ignored.</source>
        <translation>
            <numerusform>已忽略 %Ln 条差异。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 reconciled: %Ln discrepancies, %2 new, %3 resolved by the run.</source>
        <translation>
            <numerusform>%1 对账完成：%Ln 条差异，新增 %2 条，本次对账解决 %3 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::ReportsView</name>
    <message>
        <source>Discrepancy reports</source>
        <translation>差异报表</translation>
    </message>
    <message>
        <source>CSV (Excel-friendly, every row)</source>
        <translation>CSV（可用 Excel 打开，包含每一行）</translation>
    </message>
    <message>
        <source>Excel workbook (summary and rows)</source>
        <translation>Excel 工作簿（汇总与明细）</translation>
    </message>
    <message>
        <source>PDF summary for the accountant</source>
        <translation>给会计的 PDF 汇总</translation>
    </message>
    <message>
        <source>Bill dates:</source>
        <translation>账单日期：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Discrepancies in the range by kind and state</source>
        <translation>所选范围内按类型和处理状态统计的差异</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Export the discrepancy report</source>
        <translation>导出差异报表</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <source>Exporting the report of %1</source>
        <translation>正在导出 %1 的报表</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>报表已保存到 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies from %1 to %2.</source>
        <translation>
            <numerusform>%1 至 %2 共 %Ln 条差异。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::RequeryQueueModel</name>
    <message>
        <source>Unpaid, no callback</source>
        <translation>未支付，无回调</translation>
    </message>
    <message>
        <source>Status differs from bill</source>
        <translation>状态与账单不符</translation>
    </message>
    <message>
        <source>Missing in bill</source>
        <translation>账单缺失</translation>
    </message>
    <message>
        <source>Missing in ledger</source>
        <translation>台账缺失</translation>
    </message>
    <message>
        <source>Refund still processing</source>
        <translation>退款仍在处理中</translation>
    </message>
    <message>
        <source>Asked by a person</source>
        <translation>人工发起</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>WeChat Pay: %1; ledger: %2</source>
        <translation>微信支付：%1；台账：%2</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>立即到期</translation>
    </message>
    <message>
        <source>Order / refund no.</source>
        <translation>商户订单号 / 退款单号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>最近结果</translation>
    </message>
    <message>
        <source>Next attempt (CST)</source>
        <translation>下次尝试（北京时间）</translation>
    </message>
    <message>
        <source>Result just now</source>
        <translation>刚刚的结果</translation>
    </message>
</context>
<context>
    <name>wxr::ui::Screenshotter</name>
    <message>
        <source>The screenshot folder “%1” could not be created.</source>
        <translation>无法创建截图文件夹“%1”。</translation>
    </message>
    <message>
        <source>The screenshot “%1” could not be written.</source>
        <translation>无法写入截图“%1”。</translation>
    </message>
</context>
<context>
    <name>wxr::ui::SecretStore</name>
    <message>
        <source>No keychain service is reachable, so secrets are kept for this session only; to keep the APIv3 key across restarts, point the profile to a key file.</source>
        <translation>无法访问系统密钥环服务，密钥仅在本次会话中保留；如需在重启后保留 APIv3 密钥，请在商户配置中指定密钥文件。</translation>
    </message>
</context>
<context>
    <name>wxr::ui::SettingsView</name>
    <message>
        <source>Merchant profiles</source>
        <translation>商户配置</translation>
    </message>
    <message>
        <source>Schedules, rules and alerts</source>
        <translation>计划、规则与告警</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Downloads the platform certificates with this profile: checks the merchant ID, serial, private key, APIv3 key and the network in one call.</source>
        <translation>使用此商户配置下载平台证书：一次调用即可检查商户号、证书序列号、私钥、APIv3 密钥和网络。</translation>
    </message>
    <message>
        <source>Profiles:</source>
        <translation>商户配置：</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Ledger and bills</source>
        <translation>台账与账单</translation>
    </message>
    <message>
        <source>Choose the ledger file</source>
        <translation>选择台账文件</translation>
    </message>
    <message>
        <source>SQLite ledgers (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite 台账 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>China Standard Time. WeChat Pay publishes the previous day&apos;s bill after 10:00.</source>
        <translation>北京时间。微信支付在 10:00 后发布前一日账单。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Payments this close to midnight may be booked in the next day&apos;s bill and are re-checked then.</source>
        <translation>临近午夜这一时段内的支付可能计入次日账单，届时将重新核对。</translation>
    </message>
    <message>
        <source>Fetch bills daily at (CST):</source>
        <translation>每日获取账单时间（北京时间）：</translation>
    </message>
    <message>
        <source>Cross-midnight window:</source>
        <translation>跨日时间窗：</translation>
    </message>
    <message>
        <source>Stuck orders</source>
        <translation>卡单</translation>
    </message>
    <message>
        <source>Re-query stuck orders automatically</source>
        <translation>自动补查卡单</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> 次/秒</translation>
    </message>
    <message>
        <source>Stuck after:</source>
        <translation>判定为卡单时长：</translation>
    </message>
    <message>
        <source>Attempts per order:</source>
        <translation>每笔订单尝试次数：</translation>
    </message>
    <message>
        <source>Query budget:</source>
        <translation>查询限额：</translation>
    </message>
    <message>
        <source>Callback alerts</source>
        <translation>回调告警</translation>
    </message>
    <message>
        <source>Failure rate above:</source>
        <translation>失败率高于：</translation>
    </message>
    <message>
        <source>95th percentile delay above:</source>
        <translation>95 分位延迟高于：</translation>
    </message>
    <message>
        <source>No callbacks for:</source>
        <translation>无回调时长达：</translation>
    </message>
    <message>
        <source>Evaluation window:</source>
        <translation>评估时间窗：</translation>
    </message>
    <message>
        <source>Webhook URL:</source>
        <translation>Webhook 地址：</translation>
    </message>
    <message>
        <source>Callback receiver</source>
        <translation>回调接收器</translation>
    </message>
    <message>
        <source>Receive payment callbacks on this computer</source>
        <translation>在本机接收支付回调通知</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>New merchant</source>
        <translation>新商户</translation>
    </message>
    <message>
        <source>Two profiles are named “%1”; each needs its own name.</source>
        <translation>有两个商户配置都名为“%1”；每个配置需使用不同的名称。</translation>
    </message>
    <message>
        <source>The webhook URL “%1” is not an http or https address.</source>
        <translation>Webhook 地址“%1”不是 http 或 https 地址。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>The ledger of merchant profiles without a ledger file of their own.</source>
        <translation>未单独指定台账文件的商户配置使用此台账。</translation>
    </message>
    <message>
        <source>Default ledger file:</source>
        <translation>默认台账文件：</translation>
    </message>
    <message>
        <source>Import INI…</source>
        <translation>导入 INI…</translation>
    </message>
    <message>
        <source>A new profile from a merchant INI file, as used by wxrecon-cli --config</source>
        <translation>从商户 INI 文件（即 wxrecon-cli --config 所用文件）新建商户配置</translation>
    </message>
    <message>
        <source>Import a merchant INI</source>
        <translation>导入商户 INI</translation>
    </message>
    <message>
        <source>Merchant settings (*.ini);;All files (*)</source>
        <translation>商户配置 (*.ini);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The merchant INI %1 could not be imported: %2</source>
        <translation>无法导入商户 INI %1：%2</translation>
    </message>
    <message>
        <source>Merchant %1</source>
        <translation>商户 %1</translation>
    </message>
    <message>
        <source>Merchant %1 was read from %2; check the profile and save.</source>
        <translation>已从 %2 读取商户 %1；请检查该配置后保存。</translation>
    </message>
    <message>
        <source>The profiles “%1” and “%2” are different merchants but share the ledger file %3; give one of them a ledger file of its own.</source>
        <translation>商户配置“%1”和“%2”属于不同商户，却共用台账文件 %3；请为其中一个指定单独的台账文件。</translation>
    </message>
</context>
<context>
    <name>wxr::ui::StuckOrdersView</name>
    <message>
        <source>Orders and refunds waiting for WeChat Pay&apos;s answer</source>
        <translation>等待微信支付应答的订单和退款</translation>
    </message>
    <message>
        <source>Re-query automatically (with back-off)</source>
        <translation>自动补查（带退避）</translation>
    </message>
    <message>
        <source>Scan now</source>
        <translation>立即扫描</translation>
    </message>
    <message>
        <source>Look for newly stuck orders and refunds by the rules in Settings</source>
        <translation>按设置中的规则查找新的卡单和退款</translation>
    </message>
    <message>
        <source>Waiting or needing attention</source>
        <translation>等待中或需关注</translation>
    </message>
    <message>
        <source>Re-query selected</source>
        <translation>补查所选</translation>
    </message>
    <message>
        <source>Re-query all stuck</source>
        <translation>补查全部卡单</translation>
    </message>
    <message>
        <source>Stuck orders</source>
        <translation>待处理订单</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>The scheduler is starting…</source>
        <translation>调度器正在启动…</translation>
    </message>
    <message>
        <source>The scheduler is off; re-query by hand or switch it on.</source>
        <translation>调度器已关闭；请手动补查或将其开启。</translation>
    </message>
    <message>
        <source>next run in %1</source>
        <translation>%1 后下次运行</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message>
        <source>Re-querying every stuck order</source>
        <translation>正在补查所有卡单</translation>
    </message>
    <message>
        <source>Looking for stuck orders</source>
        <translation>正在查找卡单</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s), the first %1 shown</source>
        <translation>
            <numerusform>共 %Ln 项，显示前 %1 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scheduler on: %Ln waiting</source>
        <translation>
            <numerusform>调度器已开启：%Ln 项等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due now</source>
        <translation>
            <numerusform>%Ln 项立即到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in flight</source>
        <translation>
            <numerusform>%Ln 项查询中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need attention</source>
        <translation>
            <numerusform>%Ln 项需关注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stuck order(s) or refund(s) added to the queue.</source>
        <translation>
            <numerusform>已有 %Ln 笔卡单或退款加入队列。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-querying %Ln order(s)</source>
        <translation>
            <numerusform>正在补查 %Ln 笔订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln queried: %1 changed, %2 unchanged, %3 failed, %4 discrepancies resolved.</source>
        <translation>
            <numerusform>已查询 %Ln 项：%1 项有变化，%2 项无变化，%3 项失败，%4 条差异已解决。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::SummaryCards</name>
    <message>
        <source>Payments (ledger | bill)</source>
        <translation>支付（台账 | 账单）</translation>
    </message>
    <message>
        <source>Refunds (ledger | bill)</source>
        <translation>退款（台账 | 账单）</translation>
    </message>
    <message>
        <source>Bill fees and settlement</source>
        <translation>账单手续费与结算</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Not reconciled yet</source>
        <translation>尚未对账</translation>
    </message>
    <message>
        <source>Fees ¥%1</source>
        <translation>手续费 ¥%1</translation>
    </message>
    <message>
        <source>Settlement ¥%1</source>
        <translation>结算 ¥%1</translation>
    </message>
    <message>
        <source>Show…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>List the day&apos;s callback anomalies</source>
        <translation>列出当天的回调异常</translation>
    </message>
    <message>
        <source>Callback anomalies</source>
        <translation>回调异常</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>WeChat Pay has no bill for this day
(no payment or refund)</source>
        <translation>微信支付当日无账单
（无支付或退款）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s), ¥%1</source>
        <translation>
            <numerusform>%Ln 笔，¥%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln found</source>
        <translation>
            <numerusform>发现 %Ln 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln still open</source>
        <translation>
            <numerusform>%Ln 条仍待处理</numerusform>
        </translation>
    </message>
    <message>
        <source>The ledger and the bill agree.</source>
        <translation>台账与账单一致。</translation>
    </message>
    <message>
        <source>Bill minus ledger: %1 payments, %2</source>
        <translation>账单减台账：%1 笔，%2</translation>
    </message>
    <message>
        <source>Bill minus ledger: %1 refunds, %2</source>
        <translation>账单减台账：%1 笔，%2</translation>
    </message>
</context>
<context>
    <name>wxr::ui::TimeRangeBar</name>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>A range you choose (China Standard Time)</source>
        <translation>自选时间范围（北京时间）</translation>
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
        <source>Apply</source>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>wxr::ui::VolumeChart</name>
    <message>
        <source>Per bucket</source>
        <translation>每区间</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>wxr::ui::jobs</name>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消；未做任何更改。</translation>
    </message>
    <message>
        <source>Downloading the bill of %1</source>
        <translation>正在下载 %1 的账单</translation>
    </message>
    <message>
        <source>WeChat Pay is still preparing the bill of %1; try again after 10:00 (China Standard Time).</source>
        <translation>微信支付仍在生成 %1 的账单；请于 10:00（北京时间）后重试。</translation>
    </message>
    <message>
        <source>Importing the bill of %1</source>
        <translation>正在导入 %1 的账单</translation>
    </message>
    <message>
        <source>Reconciling %1</source>
        <translation>正在对账 %1</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>This format cannot be written by this build of wxrecon.</source>
        <translation>此版本的 wxrecon 无法写出该格式。</translation>
    </message>
    <message>
        <source>WeChat Pay has no bill for the day (no payment or refund).</source>
        <translation>微信支付该日没有账单（当天无支付或退款）。</translation>
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
    <message>
        <source>Cannot create the certificate folder %1.</source>
        <translation>无法创建证书文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write the certificate cache %1: %2.</source>
        <translation>无法写入证书缓存 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot read the certificate cache %1: %2.</source>
        <translation>无法读取证书缓存 %1：%2。</translation>
    </message>
    <message>
        <source>The certificate cache %1 is damaged; delete it and refresh.</source>
        <translation>证书缓存 %1 已损坏；请删除后重新刷新。</translation>
    </message>
    <message>
        <source>Cannot read the certificate file %1: %2.</source>
        <translation>无法读取证书文件 %1：%2。</translation>
    </message>
    <message>
        <source>The encrypted %1 has no ciphertext.</source>
        <translation>加密的 %1 缺少密文。</translation>
    </message>
    <message>
        <source>The encrypted %1 has no nonce.</source>
        <translation>加密的 %1 缺少随机串。</translation>
    </message>
    <message>
        <source>The encryption algorithm “%1” is not supported; only AEAD_AES_256_GCM is.</source>
        <translation>不支持加密算法“%1”；仅支持 AEAD_AES_256_GCM。</translation>
    </message>
    <message>
        <source>The ciphertext is not valid Base64.</source>
        <translation>密文不是有效的 Base64。</translation>
    </message>
    <message>
        <source>The certificate list from WeChat Pay is not the expected JSON.</source>
        <translation>微信支付返回的证书列表不是预期的 JSON 格式。</translation>
    </message>
    <message>
        <source>A certificate entry from WeChat Pay lacks its serial number or validity times.</source>
        <translation>微信支付返回的某个证书条目缺少序列号或有效期。</translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation>证书 %1</translation>
    </message>
    <message>
        <source>The certificate listed as %1 carries serial %2.</source>
        <translation>列为 %1 的证书实际序列号为 %2。</translation>
    </message>
    <message>
        <source>The %1 field “%2” is not text.</source>
        <translation>%1 的字段“%2”不是文本。</translation>
    </message>
    <message>
        <source>The %1 lacks the field “%2”.</source>
        <translation>%1 缺少字段“%2”。</translation>
    </message>
    <message>
        <source>The %1 amount “%2” is not a whole number of fen.</source>
        <translation>%1 金额“%2”不是以分为单位的整数。</translation>
    </message>
    <message>
        <source>The %1 time “%2” is not RFC 3339: %3.</source>
        <translation>%1 时间“%2”不符合 RFC 3339：%3。</translation>
    </message>
    <message>
        <source>The compressed bill is damaged or incomplete.</source>
        <translation>压缩账单已损坏或不完整。</translation>
    </message>
    <message>
        <source>The compressed bill expands to more than %1 bytes.</source>
        <translation>压缩账单解压后超过 %1 字节。</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>The refund lacks the field “status”.</source>
        <translation>退款缺少字段“status”。</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not a “Name: value” header line.</source>
        <translation>%2 的第 %1 行不是“Name: value”格式的头部行。</translation>
    </message>
    <message>
        <source>The Authorization header uses the scheme “%1”, not %2.</source>
        <translation>Authorization 头使用的认证方案是“%1”，而不是 %2。</translation>
    </message>
    <message>
        <source>The Authorization header has a field without “=”.</source>
        <translation>Authorization 头中有字段缺少“=”。</translation>
    </message>
    <message>
        <source>The Authorization header field “%1” has no closing quote.</source>
        <translation>Authorization 头字段“%1”缺少右引号。</translation>
    </message>
    <message>
        <source>The Authorization header repeats the field “%1”.</source>
        <translation>Authorization 头重复了字段“%1”。</translation>
    </message>
    <message>
        <source>The Authorization header lacks the field “%1”.</source>
        <translation>Authorization 头缺少字段“%1”。</translation>
    </message>
    <message>
        <source>The Authorization header timestamp “%1” is not Unix seconds.</source>
        <translation>Authorization 头的时间戳“%1”不是 Unix 秒数。</translation>
    </message>
    <message>
        <source>The WeChat Pay signature headers are missing (%1); a message without them is treated as forged.</source>
        <translation>缺少微信支付签名头（%1）；缺少签名头的消息将被视为伪造。</translation>
    </message>
    <message>
        <source>The signature type “%1” is not supported; only %2 is.</source>
        <translation>不支持签名类型“%1”；仅支持 %2。</translation>
    </message>
    <message>
        <source>Wechatpay-Timestamp “%1” is not Unix seconds.</source>
        <translation>Wechatpay-Timestamp“%1”不是 Unix 秒数。</translation>
    </message>
    <message>
        <source>Wechatpay-Timestamp is %1 s away from the time of the check; at most 300 s are accepted (check the clock).</source>
        <translation>Wechatpay-Timestamp 与验签时间相差 %1 秒；最多允许 300 秒（请检查系统时钟）。</translation>
    </message>
    <message>
        <source>The signature is a WeChat Pay probe (WECHATPAY/SIGNTEST/); it is rejected on purpose so that WeChat Pay sees the check working.</source>
        <translation>该签名是微信支付的探测（WECHATPAY/SIGNTEST/）；已有意拒绝，以便微信支付确认验签正常工作。</translation>
    </message>
    <message>
        <source>The WeChat Pay certificate %1 is not valid at this time.</source>
        <translation>微信支付证书 %1 当前不在有效期内。</translation>
    </message>
    <message>
        <source>No WeChat Pay certificate or public key with serial %1 is known.</source>
        <translation>未找到序列号为 %1 的微信支付证书或公钥。</translation>
    </message>
    <message>
        <source>Wechatpay-Signature is not valid Base64.</source>
        <translation>Wechatpay-Signature 不是有效的 Base64。</translation>
    </message>
    <message>
        <source>The WeChat Pay signature does not match the message (signed with key %1).</source>
        <translation>微信支付签名与消息不匹配（签名密钥为 %1）。</translation>
    </message>
    <message>
        <source>No WeChat Pay public key or valid platform certificate is available to encrypt a sensitive field; refresh the certificates first.</source>
        <translation>没有可用于加密敏感字段的微信支付公钥或有效平台证书；请先刷新证书。</translation>
    </message>
    <message>
        <source>Cannot read the merchant configuration %1: %2.</source>
        <translation>无法读取商户配置 %1：%2。</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not a valid section header.</source>
        <translation>%2 的第 %1 行不是有效的节标题。</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not a “key=value” line.</source>
        <translation>%2 的第 %1 行不是“key=value”格式。</translation>
    </message>
    <message>
        <source>The APIv3 key from %1 is %2 bytes long; it must be exactly 32 characters.</source>
        <translation>来自 %1 的 APIv3 密钥长度为 %2 字节；必须恰好为 32 个字符。</translation>
    </message>
    <message>
        <source>The APIv3 key from %1 contains characters other than ASCII letters, digits and punctuation.</source>
        <translation>来自 %1 的 APIv3 密钥包含 ASCII 字母、数字和标点以外的字符。</translation>
    </message>
    <message>
        <source>The %1 %2 is readable by other users; restrict it to its owner (chmod 600).</source>
        <translation>%1 %2 可被其他用户读取；请限制为仅所有者可读（chmod 600）。</translation>
    </message>
    <message>
        <source>The setting [%1] %2 in %3 is not known and is ignored.</source>
        <translation>%3 中的设置 [%1] %2 无法识别，已忽略。</translation>
    </message>
    <message>
        <source>The merchant id ([merchant] mchid) is missing in %1.</source>
        <translation>%1 中缺少商户号（[merchant] mchid）。</translation>
    </message>
    <message>
        <source>The merchant id “%1” from %2 must be digits only.</source>
        <translation>来自 %2 的商户号“%1”只能包含数字。</translation>
    </message>
    <message>
        <source>The merchant certificate serial ([merchant] serial_no) is missing in %1.</source>
        <translation>%1 中缺少商户证书序列号（[merchant] serial_no）。</translation>
    </message>
    <message>
        <source>The merchant certificate serial from %1 must be hexadecimal.</source>
        <translation>来自 %1 的商户证书序列号必须为十六进制。</translation>
    </message>
    <message>
        <source>The merchant private key file ([merchant] private_key_file) is missing in %1.</source>
        <translation>%1 中缺少商户私钥文件（[merchant] private_key_file）。</translation>
    </message>
    <message>
        <source>The merchant private key file %1 (from %2) does not exist.</source>
        <translation>商户私钥文件 %1（来自 %2）不存在。</translation>
    </message>
    <message>
        <source>private key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <source>Cannot read the APIv3 key file %1 (from %2): %3.</source>
        <translation>无法读取 APIv3 密钥文件 %1（来自 %2）：%3。</translation>
    </message>
    <message>
        <source>APIv3 key file</source>
        <translation>APIv3 密钥文件</translation>
    </message>
    <message>
        <source>The API address “%1” from %2 is not a valid base URL.</source>
        <translation>来自 %2 的 API 地址“%1”不是有效的基础地址。</translation>
    </message>
    <message>
        <source>The API address %1 uses plain HTTP; only a local stand-in should be reached without HTTPS.</source>
        <translation>API 地址 %1 使用明文 HTTP；仅本地模拟服务可不使用 HTTPS 访问。</translation>
    </message>
    <message>
        <source>The API address %1 must start with https://.</source>
        <translation>API 地址 %1 必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>A public key id is set but no public key file ([wechatpay] public_key_file) in %1.</source>
        <translation>%1 中设置了公钥 ID，但未设置公钥文件（[wechatpay] public_key_file）。</translation>
    </message>
    <message>
        <source>A public key file is set but no public key id ([wechatpay] public_key_id) in %1.</source>
        <translation>%1 中设置了公钥文件，但未设置公钥 ID（[wechatpay] public_key_id）。</translation>
    </message>
    <message>
        <source>The WeChat Pay public key file %1 (from %2) does not exist.</source>
        <translation>微信支付公钥文件 %1（来自 %2）不存在。</translation>
    </message>
    <message>
        <source>The public key id “%1” does not start with PUB_KEY_ID_; check that it is the id shown next to the key on the merchant platform.</source>
        <translation>公钥 ID“%1”不以 PUB_KEY_ID_ 开头；请确认它是商户平台上该公钥旁显示的 ID。</translation>
    </message>
    <message>
        <source>The key mode “%1” from %2 needs public_key_id and public_key_file.</source>
        <translation>来自 %2 的密钥模式“%1”需要 public_key_id 和 public_key_file。</translation>
    </message>
    <message>
        <source>The key mode “%1” from %2 is not one of cert, pubkey, both.</source>
        <translation>来自 %2 的密钥模式“%1”不是 cert、pubkey、both 之一。</translation>
    </message>
    <message>
        <source>The setting [client] %1 = “%2” in %3 must be a number from %4 to %5.</source>
        <translation>%3 中的设置 [client] %1 = “%2” 必须是 %4 到 %5 之间的数字。</translation>
    </message>
    <message>
        <source>No APIv3 key is configured (apiv3_key_file or apiv3_key in %1, or WXRECON_APIV3_KEY_FILE).</source>
        <translation>未配置 APIv3 密钥（%1 中的 apiv3_key_file 或 apiv3_key，或 WXRECON_APIV3_KEY_FILE）。</translation>
    </message>
    <message>
        <source>the merchant settings</source>
        <translation>商户设置</translation>
    </message>
    <message>
        <source>the settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>No merchant private key file is configured.</source>
        <translation>未配置商户私钥文件。</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP 状态码 %1</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1（HTTP %2）</translation>
    </message>
    <message>
        <source>WeChat Pay refused %1: %2.</source>
        <translation>微信支付拒绝了%1：%2。</translation>
    </message>
    <message>
        <source>WeChat Pay refused %1: %2, “%3”.</source>
        <translation>微信支付拒绝了%1：%2，“%3”。</translation>
    </message>
    <message>
        <source>The answer of WeChat Pay to %1 is not a JSON object.</source>
        <translation>微信支付对 %1 的应答不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The answer of WeChat Pay to %1 cannot be read: %2</source>
        <translation>无法读取微信支付对 %1 的应答：%2</translation>
    </message>
    <message>
        <source>it describes order %1 instead.</source>
        <translation>它描述的却是订单 %1。</translation>
    </message>
    <message>
        <source>it describes refund %1 instead.</source>
        <translation>它描述的却是退款 %1。</translation>
    </message>
    <message>
        <source>No merchant private key is configured for signing requests.</source>
        <translation>未配置用于请求签名的商户私钥。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>missing header</source>
        <translation>缺少头部</translation>
    </message>
    <message>
        <source>bad timestamp</source>
        <translation>时间戳无效</translation>
    </message>
    <message>
        <source>stale timestamp</source>
        <translation>时间戳过期</translation>
    </message>
    <message>
        <source>unknown serial</source>
        <translation>未知序列号</translation>
    </message>
    <message>
        <source>bad signature</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>unsupported signature type</source>
        <translation>不支持的签名类型</translation>
    </message>
    <message>
        <source>decryption failure</source>
        <translation>解密失败</translation>
    </message>
    <message>
        <source>malformed</source>
        <translation>格式错误</translation>
    </message>
    <message>
        <source>misrouted</source>
        <translation>投递错误</translation>
    </message>
    <message>
        <source>database error</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>An accepted callback carries no payload.</source>
        <translation>已接受的回调没有携带数据。</translation>
    </message>
    <message>
        <source>The %1 is not valid JSON: %2.</source>
        <translation>%1 不是有效的 JSON：%2。</translation>
    </message>
    <message>
        <source>The %1 is not a JSON object.</source>
        <translation>%1 不是 JSON 对象。</translation>
    </message>
    <message>
        <source>Field “%1” of the %2 is not a string.</source>
        <translation>%2 的字段“%1”不是字符串。</translation>
    </message>
    <message>
        <source>Field “%1” of the %2 is missing or empty.</source>
        <translation>%2 的字段“%1”缺失或为空。</translation>
    </message>
    <message>
        <source>Field “%1” of the %2 is longer than %3 characters.</source>
        <translation>%2 的字段“%1”超过 %3 个字符。</translation>
    </message>
    <message>
        <source>Field “amount.%1” of the %2 is not a whole number of fen.</source>
        <translation>%2 的字段“amount.%1”不是以分为单位的整数。</translation>
    </message>
    <message>
        <source>Field “amount” of the %1 is not an object.</source>
        <translation>%1 的字段“amount”不是对象。</translation>
    </message>
    <message>
        <source>Field “success_time” of the %1 is not an RFC 3339 time: “%2”.</source>
        <translation>%1 的字段“success_time”不是 RFC 3339 时间：“%2”。</translation>
    </message>
    <message>
        <source>callback body</source>
        <translation>回调报文</translation>
    </message>
    <message>
        <source>The callback body has no “resource” object.</source>
        <translation>回调报文缺少“resource”对象。</translation>
    </message>
    <message>
        <source>callback resource</source>
        <translation>回调资源</translation>
    </message>
    <message>
        <source>The callback resource uses algorithm “%1”; only AEAD_AES_256_GCM is supported.</source>
        <translation>回调资源使用的算法为“%1”；仅支持 AEAD_AES_256_GCM。</translation>
    </message>
    <message>
        <source>The ciphertext of callback %1 is not valid Base64.</source>
        <translation>回调 %1 的密文不是有效的 Base64。</translation>
    </message>
    <message>
        <source>The ciphertext of callback %1 is shorter than its tag.</source>
        <translation>回调 %1 的密文短于其认证标签。</translation>
    </message>
    <message>
        <source>Callback %1 could not be decrypted: the APIv3 key is wrong or was changed in the merchant platform.</source>
        <translation>回调 %1 解密失败：APIv3 密钥错误，或已在商户平台中更改。</translation>
    </message>
    <message>
        <source>payment notice</source>
        <translation>支付通知</translation>
    </message>
    <message>
        <source>refund notice</source>
        <translation>退款通知</translation>
    </message>
    <message>
        <source>The refund notice has no refund_status.</source>
        <translation>退款通知缺少 refund_status。</translation>
    </message>
    <message>
        <source>%1, line %2: field “%3” %4</source>
        <translation>%1，第 %2 行：字段“%3”%4</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation>必须是字符串。</translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation>必须是整数。</translation>
    </message>
    <message>
        <source>must be a whole number of at least 0.</source>
        <translation>必须是不小于 0 的整数。</translation>
    </message>
    <message>
        <source>%1, line %2: not a JSON object (%3).</source>
        <translation>%1，第 %2 行：不是 JSON 对象（%3）。</translation>
    </message>
    <message>
        <source>another JSON value</source>
        <translation>其他 JSON 值</translation>
    </message>
    <message>
        <source>is required.</source>
        <translation>为必填项。</translation>
    </message>
    <message>
        <source>is not an RFC 3339 time with an offset: “%1”.</source>
        <translation>不是带时区偏移的 RFC 3339 时间：“%1”。</translation>
    </message>
    <message>
        <source>must be RFC 3339 text or Unix milliseconds.</source>
        <translation>必须是 RFC 3339 文本或 Unix 毫秒数。</translation>
    </message>
    <message>
        <source>must be an HTTP status between 100 and 599.</source>
        <translation>必须是 100 到 599 之间的 HTTP 状态码。</translation>
    </message>
    <message>
        <source>is “%1”; expected applied, duplicate, ignored, rejected or error.</source>
        <translation>为“%1”；应为 applied、duplicate、ignored、rejected 或 error。</translation>
    </message>
    <message>
        <source>outcome “%1” contradicts HTTP status %2.</source>
        <translation>处理结果“%1”与 HTTP 状态码 %2 矛盾。</translation>
    </message>
    <message>
        <source>is “%1”, not a known cause.</source>
        <translation>为“%1”，不是已知原因。</translation>
    </message>
    <message>
        <source>cause “%1” is given for an acknowledged callback.</source>
        <translation>已确认的回调给出了原因“%1”。</translation>
    </message>
    <message>
        <source>The callback log “%1” cannot be read: %2</source>
        <translation>无法读取回调日志“%1”：%2</translation>
    </message>
    <message>
        <source>The callback import was cancelled.</source>
        <translation>回调导入已取消。</translation>
    </message>
    <message>
        <source>%1 lines, %2 already imported, %3 invalid skipped</source>
        <translation>共 %1 行，%2 行已导入过，跳过 %3 行无效数据</translation>
    </message>
    <message>
        <source>The callback receiver is already running.</source>
        <translation>回调接收器已在运行。</translation>
    </message>
    <message>
        <source>The callback receiver cannot listen on %1 port %2: %3.</source>
        <translation>回调接收器无法在 %1 的端口 %2 上监听：%3。</translation>
    </message>
    <message>
        <source>The receiver stopped before the callback was recorded.</source>
        <translation>回调接收器在回调记录完成前已停止。</translation>
    </message>
    <message>
        <source>The ledger did not commit the callback within %1 ms.</source>
        <translation>台账未能在 %1 毫秒内提交该回调。</translation>
    </message>
    <message>
        <source>The request used method %1; callbacks are POST requests.</source>
        <translation>请求使用了 %1 方法；回调应为 POST 请求。</translation>
    </message>
    <message>
        <source>The request body has %1 bytes, more than the %2 a callback may have.</source>
        <translation>请求体为 %1 字节，超过回调允许的 %2 字节。</translation>
    </message>
    <message>
        <source>The request is not JSON (Content-Type “%1”).</source>
        <translation>请求不是 JSON（Content-Type 为“%1”）。</translation>
    </message>
    <message>
        <source>Callback %1 is for merchant %2, not %3.</source>
        <translation>回调 %1 属于商户 %2，而不是 %3。</translation>
    </message>
    <message>
        <source>The callback was not recorded.</source>
        <translation>回调未被记录。</translation>
    </message>
    <message>
        <source>the bill could not be compressed for the archive</source>
        <translation>无法压缩账单以归档</translation>
    </message>
    <message>
        <source>reading the bill was cancelled</source>
        <translation>账单读取已取消</translation>
    </message>
    <message>
        <source>the bill could not be read: %1</source>
        <translation>无法读取账单：%1</translation>
    </message>
    <message>
        <source>the SHA-1 digest of the bill could not be computed</source>
        <translation>无法计算账单的 SHA-1 摘要</translation>
    </message>
    <message>
        <source>the gzip data is corrupt (%1)</source>
        <translation>gzip 数据已损坏（%1）</translation>
    </message>
    <message>
        <source>the gzip data is empty</source>
        <translation>gzip 数据为空</translation>
    </message>
    <message>
        <source>the gzip data ends early; the file is truncated</source>
        <translation>gzip 数据提前结束；文件已被截断</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>line %1, column “%2”: %3</source>
        <translation>第 %1 行，“%2”列：%3</translation>
    </message>
    <message>
        <source>the line is longer than %1 bytes</source>
        <translation>该行超过 %1 字节</translation>
    </message>
    <message>
        <source>unexpected text after the summary line</source>
        <translation>汇总行之后有多余文本</translation>
    </message>
    <message>
        <source>the header names this column twice</source>
        <translation>表头中该列出现了两次</translation>
    </message>
    <message>
        <source>unknown bill layout: refund columns are incomplete in the header “%1”</source>
        <translation>未知的账单格式：表头“%1”中的退款列不完整</translation>
    </message>
    <message>
        <source>unknown bill layout; the header is “%1”</source>
        <translation>未知的账单格式；表头为“%1”</translation>
    </message>
    <message>
        <source>the row has %1 fields but the header has %2</source>
        <translation>该行有 %1 个字段，但表头有 %2 个</translation>
    </message>
    <message>
        <source>“%1” is not an exact amount in yuan</source>
        <translation>“%1”不是精确的元金额</translation>
    </message>
    <message>
        <source>“%1” is not a time in the form yyyy-MM-dd HH:mm:ss</source>
        <translation>“%1”不是 yyyy-MM-dd HH:mm:ss 格式的时间</translation>
    </message>
    <message>
        <source>the merchant order number is empty</source>
        <translation>商户订单号为空</translation>
    </message>
    <message>
        <source>the trade state is empty</source>
        <translation>交易状态为空</translation>
    </message>
    <message>
        <source>a refund row has no merchant refund number</source>
        <translation>某退款行缺少商户退款单号</translation>
    </message>
    <message>
        <source>the column totals exceed the range of an amount</source>
        <translation>列合计超出金额范围</translation>
    </message>
    <message>
        <source>“%1” is neither 收入 nor 支出</source>
        <translation>“%1”既不是收入也不是支出</translation>
    </message>
    <message>
        <source>the summary header names this column twice</source>
        <translation>汇总表头中该列出现了两次</translation>
    </message>
    <message>
        <source>expected a detail row or the summary header, found “%1”</source>
        <translation>应为明细行或汇总表头，实际为“%1”</translation>
    </message>
    <message>
        <source>the summary line does not start with a backtick</source>
        <translation>汇总行不以反引号开头</translation>
    </message>
    <message>
        <source>the summary line has %1 fields but its header has %2</source>
        <translation>汇总行有 %1 个字段，但其表头有 %2 个</translation>
    </message>
    <message>
        <source>“%1” is not a count</source>
        <translation>“%1”不是计数值</translation>
    </message>
    <message>
        <source>the summary says “%1” is %2 but the file has %3 detail rows; the file may be truncated</source>
        <translation>汇总显示“%1”为 %2，但文件有 %3 条明细行；文件可能已被截断</translation>
    </message>
    <message>
        <source>the summary says “%1” is %2 yuan but the rows add up to %3 yuan</source>
        <translation>汇总显示“%1”为 %2 元，但明细行合计为 %3 元</translation>
    </message>
    <message>
        <source>the summary says “%1” is %2 yuan but the row fees add up to %3 yuan</source>
        <translation>汇总显示“%1”为 %2 元，但明细行手续费合计为 %3 元</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the bill ends without its summary lines; the file is truncated</source>
        <translation>账单缺少结尾的汇总行；文件已被截断</translation>
    </message>
    <message>
        <source>The report %1 could not be written: %2</source>
        <translation>无法写入报表 %1：%2</translation>
    </message>
    <message>
        <source>the workbook could not be created</source>
        <translation>无法创建工作簿</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>WeChat Pay reconciliation, %1</source>
        <translation>微信支付对账，%1</translation>
    </message>
    <message>
        <source>Bill date</source>
        <translation>账单日期</translation>
    </message>
    <message>
        <source>Ledger payments</source>
        <translation>台账支付笔数</translation>
    </message>
    <message>
        <source>Ledger amount (yuan)</source>
        <translation>台账金额（元）</translation>
    </message>
    <message>
        <source>Bill payments</source>
        <translation>账单支付笔数</translation>
    </message>
    <message>
        <source>Bill amount (yuan)</source>
        <translation>账单金额（元）</translation>
    </message>
    <message>
        <source>Ledger refunds</source>
        <translation>台账退款笔数</translation>
    </message>
    <message>
        <source>Ledger refunds (yuan)</source>
        <translation>台账退款金额（元）</translation>
    </message>
    <message>
        <source>Bill refunds</source>
        <translation>账单退款笔数</translation>
    </message>
    <message>
        <source>Bill refunds (yuan)</source>
        <translation>账单退款金额（元）</translation>
    </message>
    <message>
        <source>Fees (yuan)</source>
        <translation>手续费（元）</translation>
    </message>
    <message>
        <source>not reconciled</source>
        <translation>未对账</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Ledger (yuan)</source>
        <translation>台账（元）</translation>
    </message>
    <message>
        <source>Bill (yuan)</source>
        <translation>账单（元）</translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation>报表已取消。</translation>
    </message>
    <message>
        <source>more than %1 rows do not fit in one sheet</source>
        <translation>超过 %1 行，无法放入同一工作表</translation>
    </message>
    <message>
        <source>it could not be moved into place</source>
        <translation>无法将其移动到目标位置</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>无法写入报表：%1</translation>
    </message>
    <message>
        <source>Missing in ledger</source>
        <translation>台账缺失（长款）</translation>
    </message>
    <message>
        <source>Missing in bill</source>
        <translation>账单缺失（短款）</translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>Status mismatch</source>
        <translation>状态不符</translation>
    </message>
    <message>
        <source>Refund mismatch</source>
        <translation>退款不符</translation>
    </message>
    <message>
        <source>Duplicate in bill</source>
        <translation>账单重复</translation>
    </message>
    <message>
        <source>Cross-day pending</source>
        <translation>跨日待定</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>WeChat Pay order no.</source>
        <translation>微信支付订单号</translation>
    </message>
    <message>
        <source>Ledger status</source>
        <translation>台账状态</translation>
    </message>
    <message>
        <source>Bill status</source>
        <translation>账单状态</translation>
    </message>
    <message>
        <source>Merchant refund no.</source>
        <translation>商户退款单号</translation>
    </message>
    <message>
        <source>Ledger refund (yuan)</source>
        <translation>台账退款（元）</translation>
    </message>
    <message>
        <source>Bill refund (yuan)</source>
        <translation>账单退款（元）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>处理状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>“%1” is not a date or a range such as 2026-11-01..2026-11-30</source>
        <translation>“%1”不是日期或日期范围（如 2026-11-01..2026-11-30）</translation>
    </message>
    <message>
        <source>The range “%1” ends before it starts.</source>
        <translation>范围“%1”的结束早于开始。</translation>
    </message>
    <message>
        <source>“%1” is not an RFC 3339 time with an offset, such as 2026-11-26T10:12:00+08:00</source>
        <translation>“%1”不是带时区偏移的 RFC 3339 时间，如 2026-11-26T10:12:00+08:00</translation>
    </message>
    <message>
        <source>“%1” is not a date in the form YYYY-MM-DD</source>
        <translation>“%1”不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>%1 is not a PEM certificate.</source>
        <translation>%1 不是 PEM 证书。</translation>
    </message>
    <message>
        <source>%1 contains a damaged certificate.</source>
        <translation>%1 包含已损坏的证书。</translation>
    </message>
    <message>
        <source>The certificate in %1 does not carry an RSA key.</source>
        <translation>%1 中的证书不含 RSA 密钥。</translation>
    </message>
    <message>
        <source>No private key is loaded for signing.</source>
        <translation>未加载用于签名的私钥。</translation>
    </message>
    <message>
        <source>The certificate serial “%1” is not hexadecimal.</source>
        <translation>证书序列号“%1”不是十六进制。</translation>
    </message>
    <message>
        <source>Creating a self-signed certificate failed.</source>
        <translation>创建自签名证书失败。</translation>
    </message>
    <message>
        <source>The APIv3 key is %1 bytes long; AEAD_AES_256_GCM needs exactly 32 bytes.</source>
        <translation>APIv3 密钥长度为 %1 字节；AEAD_AES_256_GCM 需要恰好 32 字节。</translation>
    </message>
    <message>
        <source>The AEAD nonce is empty.</source>
        <translation>AEAD 随机串为空。</translation>
    </message>
    <message>
        <source>The AEAD ciphertext is %1 bytes long, shorter than its 16-byte authentication tag.</source>
        <translation>AEAD 密文长度为 %1 字节，短于其 16 字节的认证标签。</translation>
    </message>
    <message>
        <source>AEAD_AES_256_GCM decryption failed.</source>
        <translation>AEAD_AES_256_GCM 解密失败。</translation>
    </message>
    <message>
        <source>The AEAD authentication tag does not match: the APIv3 key is wrong or was changed, or the data was altered.</source>
        <translation>AEAD 认证标签不匹配：APIv3 密钥错误或已更改，或数据已被篡改。</translation>
    </message>
    <message>
        <source>AEAD_AES_256_GCM encryption failed.</source>
        <translation>AEAD_AES_256_GCM 加密失败。</translation>
    </message>
    <message>
        <source>%1 holds a certificate, not a public key.</source>
        <translation>%1 包含的是证书，而不是公钥。</translation>
    </message>
    <message>
        <source>%1 holds a private key, not a public key.</source>
        <translation>%1 包含的是私钥，而不是公钥。</translation>
    </message>
    <message>
        <source>%1 is not a PEM public key.</source>
        <translation>%1 不是 PEM 公钥。</translation>
    </message>
    <message>
        <source>%1 contains a damaged public key.</source>
        <translation>%1 包含已损坏的公钥。</translation>
    </message>
    <message>
        <source>%1 holds a %2 key; WeChat Pay uses RSA keys.</source>
        <translation>%1 包含的是 %2 密钥；微信支付使用 RSA 密钥。</translation>
    </message>
    <message>
        <source>%1 holds a %2-bit RSA key; at least 2048 bits are required.</source>
        <translation>%1 包含的是 %2 位 RSA 密钥；至少需要 2048 位。</translation>
    </message>
    <message>
        <source>Cannot read the public key file %1: %2.</source>
        <translation>无法读取公钥文件 %1：%2。</translation>
    </message>
    <message>
        <source>No public key is loaded for encryption.</source>
        <translation>未加载用于加密的公钥。</translation>
    </message>
    <message>
        <source>RSA-OAEP encryption could not be set up.</source>
        <translation>无法初始化 RSA-OAEP 加密。</translation>
    </message>
    <message>
        <source>RSA-OAEP encryption failed; the text is %1 bytes long, more than one RSA block holds.</source>
        <translation>RSA-OAEP 加密失败；文本长度为 %1 字节，超出单个 RSA 块的容量。</translation>
    </message>
    <message>
        <source>The private key %1 is protected by a passphrase; wxrecon needs it unencrypted (convert it with “openssl pkey”).</source>
        <translation>私钥 %1 受密码保护；wxrecon 需要未加密的私钥（请使用“openssl pkey”转换）。</translation>
    </message>
    <message>
        <source>%1 holds a certificate, not the merchant private key.</source>
        <translation>%1 包含的是证书，而不是商户私钥。</translation>
    </message>
    <message>
        <source>%1 holds a public key, not the merchant private key.</source>
        <translation>%1 包含的是公钥，而不是商户私钥。</translation>
    </message>
    <message>
        <source>%1 is not a PEM private key.</source>
        <translation>%1 不是 PEM 私钥。</translation>
    </message>
    <message>
        <source>%1 contains a damaged private key.</source>
        <translation>%1 包含已损坏的私钥。</translation>
    </message>
    <message>
        <source>%1 holds a %2 key; the merchant API key must be RSA.</source>
        <translation>%1 包含的是 %2 密钥；商户 API 密钥必须为 RSA。</translation>
    </message>
    <message>
        <source>Cannot read the private key file %1: %2.</source>
        <translation>无法读取私钥文件 %1：%2。</translation>
    </message>
    <message>
        <source>Generating a %1-bit RSA key failed.</source>
        <translation>生成 %1 位 RSA 密钥失败。</translation>
    </message>
    <message>
        <source>RSA-SHA256 signing could not be set up.</source>
        <translation>无法初始化 RSA-SHA256 签名。</translation>
    </message>
    <message>
        <source>RSA-SHA256 signing failed.</source>
        <translation>RSA-SHA256 签名失败。</translation>
    </message>
    <message>
        <source>No private key is loaded for decryption.</source>
        <translation>未加载用于解密的私钥。</translation>
    </message>
    <message>
        <source>RSA-OAEP decryption could not be set up.</source>
        <translation>无法初始化 RSA-OAEP 解密。</translation>
    </message>
    <message>
        <source>RSA-OAEP decryption failed: the data was not encrypted for this key or is damaged.</source>
        <translation>RSA-OAEP 解密失败：数据并非用此密钥加密，或已损坏。</translation>
    </message>
    <message>
        <source>without Request-ID</source>
        <translation>无 Request-ID</translation>
    </message>
    <message>
        <source>Request-ID %1</source>
        <translation>Request-ID %1</translation>
    </message>
    <message>
        <source>The re-query of %1 vanished while it was recorded.</source>
        <translation>记录 %1 的补查时，该补查记录丢失。</translation>
    </message>
    <message>
        <source>The query was cancelled before it was sent.</source>
        <translation>查询在发送前已取消。</translation>
    </message>
    <message>
        <source>This answer (%1) was applied before; nothing changed.</source>
        <translation>此应答（%1）此前已应用；未做任何更改。</translation>
    </message>
    <message>
        <source>query %1 by %2</source>
        <translation>按 %2 查询 %1</translation>
    </message>
    <message>
        <source>%1; %2 ms%3</source>
        <translation>%1；%2 毫秒%3</translation>
    </message>
    <message>
        <source>The order %1 vanished while it was updated.</source>
        <translation>更新订单 %1 时，该订单已不存在。</translation>
    </message>
    <message>
        <source>paid after close: WeChat Pay reports %1 after the close request (%2)</source>
        <translation>关单后支付：关单请求（%2）之后微信支付返回 %1</translation>
    </message>
    <message>
        <source>paid after the order was closed</source>
        <translation>订单关闭后仍被支付</translation>
    </message>
    <message>
        <source>WeChat Pay reports %1 but the ledger keeps %2</source>
        <translation>微信支付返回 %1，但台账仍为 %2</translation>
    </message>
    <message>
        <source>Explained by the order query of %1 at %2 (%3)</source>
        <translation>已由 %2 对 %1 的订单查询查明（%3）</translation>
    </message>
    <message>
        <source>%1: WeChat Pay booked the payment at %2, on the bill of %3.</source>
        <translation>%1：微信支付于 %2 记入该笔支付，计入 %3 的账单。</translation>
    </message>
    <message>
        <source>%1: WeChat Pay reports %2; the ledger now agrees with the bill.</source>
        <translation>%1：微信支付返回 %2；台账现已与账单一致。</translation>
    </message>
    <message>
        <source>the refund is ABNORMAL at WeChat Pay and needs manual handling there</source>
        <translation>该退款在微信支付处状态为 ABNORMAL，需在微信支付侧人工处理</translation>
    </message>
    <message>
        <source>settled: %1</source>
        <translation>已了结：%1</translation>
    </message>
    <message>
        <source>unknown to WeChat Pay and to the ledger</source>
        <translation>微信支付和台账均无此记录</translation>
    </message>
    <message>
        <source>to be closed at %1</source>
        <translation>将于 %1 关闭</translation>
    </message>
    <message>
        <source>still %1 after %2 attempts</source>
        <translation>尝试 %2 次后仍为 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n discrepancy(s) resolved</source>
        <translation>
            <numerusform>已解决 %n 条差异</numerusform>
        </translation>
    </message>
    <message>
        <source>The merchant order number “%1” must be 1 to 32 letters, digits, “_”, “-” or “*”.</source>
        <translation>商户订单号“%1”须为 1 至 32 位字母、数字、“_”、“-”或“*”。</translation>
    </message>
    <message>
        <source>closing order %1</source>
        <translation>关闭订单 %1</translation>
    </message>
    <message>
        <source>The merchant refund number “%1” must be 1 to 64 letters, digits, “_”, “-”, “|”, “*” or “@”.</source>
        <translation>商户退款单号“%1”须为 1 至 64 位字母、数字、“_”、“-”、“|”、“*”或“@”。</translation>
    </message>
    <message>
        <source>the query of order %1</source>
        <translation>订单 %1 的查询</translation>
    </message>
    <message>
        <source>the query of refund %1</source>
        <translation>退款 %1 的查询</translation>
    </message>
    <message>
        <source>it is not a JSON object.</source>
        <translation>它不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The ledger “%1” could not %2: %3</source>
        <translation>台账“%1”无法%2：%3</translation>
    </message>
    <message>
        <source>read the query history</source>
        <translation>读取查询历史</translation>
    </message>
    <message>
        <source>record the query of %1</source>
        <translation>记录 %1 的查询</translation>
    </message>
    <message>
        <source>read the query history of %1</source>
        <translation>读取 %1 的查询历史</translation>
    </message>
    <message>
        <source>count the query history</source>
        <translation>统计查询历史</translation>
    </message>
    <message>
        <source>The merchant configuration “%1” cannot be read: %2.</source>
        <translation>无法读取商户配置“%1”：%2。</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not a known [requery] setting: “%3”.</source>
        <translation>%2 的第 %1 行不是已知的 [requery] 设置：“%3”。</translation>
    </message>
    <message>
        <source>The setting [requery] %1 = “%2” in %3 is not valid.</source>
        <translation>%3 中的设置 [requery] %1 = “%2” 无效。</translation>
    </message>
    <message>
        <source>The re-query setting %1 must be %2.</source>
        <translation>补查设置 %1 必须%2。</translation>
    </message>
    <message>
        <source>zero or more</source>
        <translation>不小于 0</translation>
    </message>
    <message>
        <source>more than zero</source>
        <translation>大于 0</translation>
    </message>
    <message>
        <source>at least 1</source>
        <translation>不小于 1</translation>
    </message>
    <message>
        <source>from 1 to 100</source>
        <translation>在 1 到 100 之间</translation>
    </message>
    <message>
        <source>at least 1 ms and not more than backoff_cap</source>
        <translation>不小于 1 ms 且不大于 backoff_cap</translation>
    </message>
    <message>
        <source>zero or more and not more than backoff_cap</source>
        <translation>不小于 0 且不大于 backoff_cap</translation>
    </message>
    <message>
        <source>from 0.1 to 1000</source>
        <translation>在 0.1 到 1000 之间</translation>
    </message>
    <message>
        <source>from 1 to 64</source>
        <translation>在 1 到 64 之间</translation>
    </message>
    <message>
        <source>zero or more and not more than cooldown_cap</source>
        <translation>不小于 0 且不大于 cooldown_cap</translation>
    </message>
    <message>
        <source>at least 100 ms</source>
        <translation>不小于 100 ms</translation>
    </message>
    <message>
        <source>There is no order or refund number to query.</source>
        <translation>没有要查询的订单号或退款单号。</translation>
    </message>
    <message>
        <source>The re-query was cancelled after %1 of %2 orders and refunds.</source>
        <translation>补查已在处理完 %2 笔订单和退款中的 %1 笔后取消。</translation>
    </message>
    <message>
        <source>A re-query needs an order or refund number.</source>
        <translation>补查需要提供订单号或退款单号。</translation>
    </message>
    <message>
        <source>queue a re-query of %1</source>
        <translation>将 %1 加入补查队列</translation>
    </message>
    <message>
        <source>read the re-query of %1</source>
        <translation>读取 %1 的补查</translation>
    </message>
    <message>
        <source>read re-query %1</source>
        <translation>读取补查 %1</translation>
    </message>
    <message>
        <source>read the due re-queries</source>
        <translation>读取到期的补查</translation>
    </message>
    <message>
        <source>read the re-query queue</source>
        <translation>读取补查队列</translation>
    </message>
    <message>
        <source>update the re-query of %1</source>
        <translation>更新 %1 的补查</translation>
    </message>
    <message>
        <source>The re-query queue has no entry %1.</source>
        <translation>补查队列中没有条目 %1。</translation>
    </message>
    <message>
        <source>re-arm re-query %1</source>
        <translation>重新启用补查 %1</translation>
    </message>
    <message>
        <source>count the re-query queue</source>
        <translation>统计补查队列</translation>
    </message>
    <message>
        <source>start a transaction</source>
        <translation>开始事务</translation>
    </message>
    <message>
        <source>no transaction is active</source>
        <translation>没有活动的事务</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>read refund %1</source>
        <translation>读取退款 %1</translation>
    </message>
    <message>
        <source>list the refunds of order %1</source>
        <translation>列出订单 %1 的退款</translation>
    </message>
    <message>
        <source>A refund state needs a refund number and a state.</source>
        <translation>退款状态需要提供退款单号和状态。</translation>
    </message>
    <message>
        <source>The ledger has no refund %1.</source>
        <translation>台账中没有退款 %1。</translation>
    </message>
    <message>
        <source>Refund %1 is unknown to the ledger and the event does not name its order.</source>
        <translation>台账中没有退款 %1，且该事件未指明其所属订单。</translation>
    </message>
    <message>
        <source>unknown to the ledger until this %1</source>
        <translation>此次%1之前台账中无此记录</translation>
    </message>
    <message>
        <source>create refund %1</source>
        <translation>创建退款 %1</translation>
    </message>
    <message>
        <source>amount %1 fen differs from the ledger&apos;s %2 fen</source>
        <translation>金额 %1 分与台账中的 %2 分不一致</translation>
    </message>
    <message>
        <source>update refund %1</source>
        <translation>更新退款 %1</translation>
    </message>
    <message>
        <source>list refunds</source>
        <translation>列出退款</translation>
    </message>
    <message>
        <source>count refunds</source>
        <translation>统计退款</translation>
    </message>
    <message>
        <source>The import of %1 was cancelled; nothing was imported.</source>
        <translation>%1 的导入已取消，未导入任何内容。</translation>
    </message>
    <message>
        <source>%1: %2; nothing was imported.</source>
        <translation>%1：%2；未导入任何内容。</translation>
    </message>
    <message>
        <source>no bill date was given</source>
        <translation>未指定账单日期</translation>
    </message>
    <message>
        <source>line %1: the row is dated %2, not on the bill date %3</source>
        <translation>第 %1 行：该行日期为 %2，不是账单日期 %3</translation>
    </message>
    <message>
        <source>its SHA-1 is %1 but WeChat Pay&apos;s hash_value is %2</source>
        <translation>其 SHA-1 为 %1，但微信支付的 hash_value 为 %2</translation>
    </message>
    <message>
        <source>list the bills of %1</source>
        <translation>列出 %1 的账单</translation>
    </message>
    <message>
        <source>read bill %1</source>
        <translation>读取账单 %1</translation>
    </message>
    <message>
        <source>The ledger has no bill %1.</source>
        <translation>台账中没有账单 %1。</translation>
    </message>
    <message>
        <source>count discrepancies</source>
        <translation>统计差异</translation>
    </message>
    <message>
        <source>list discrepancies</source>
        <translation>列出差异</translation>
    </message>
    <message>
        <source>read discrepancy %1</source>
        <translation>读取差异 %1</translation>
    </message>
    <message>
        <source>The ledger has no discrepancy %1.</source>
        <translation>台账中没有差异 %1。</translation>
    </message>
    <message>
        <source>update discrepancy %1</source>
        <translation>更新差异 %1</translation>
    </message>
    <message>
        <source>read the calendar</source>
        <translation>读取日历</translation>
    </message>
    <message>
        <source>Order created: %1 yuan</source>
        <translation>订单创建：%1 元</translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Paid (ledger time)</source>
        <translation>已支付（台账时间）</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>已标记待复核</translation>
    </message>
    <message>
        <source>Refund %1 initiated: %2 yuan</source>
        <translation>退款 %1 发起：%2 元</translation>
    </message>
    <message>
        <source>Refund %1 succeeded</source>
        <translation>退款 %1 成功</translation>
    </message>
    <message>
        <source>Bill row: refund %1 of %2 yuan</source>
        <translation>账单行：退款 %1，%2 元</translation>
    </message>
    <message>
        <source>Bill row: %1, %2 yuan</source>
        <translation>账单行：%1，%2 元</translation>
    </message>
    <message>
        <source>read the history of order %1</source>
        <translation>读取订单 %1 的历史记录</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>%1 %2: %3 → %4</source>
        <translation>%1 %2：%3 → %4</translation>
    </message>
    <message>
        <source>The reconciliation was cancelled.</source>
        <translation>对账已取消。</translation>
    </message>
    <message>
        <source>the ledger is not open</source>
        <translation>台账未打开</translation>
    </message>
    <message>
        <source>prepare a statement</source>
        <translation>准备语句</translation>
    </message>
    <message>
        <source>run a statement</source>
        <translation>执行语句</translation>
    </message>
    <message>
        <source>read order %1</source>
        <translation>读取订单 %1</translation>
    </message>
    <message>
        <source>An order state needs an order number and a state.</source>
        <translation>订单状态需要提供订单号和状态。</translation>
    </message>
    <message>
        <source>The ledger has no order %1.</source>
        <translation>台账中没有订单 %1。</translation>
    </message>
    <message>
        <source>create order %1</source>
        <translation>创建订单 %1</translation>
    </message>
    <message>
        <source>update order %1</source>
        <translation>更新订单 %1</translation>
    </message>
    <message>
        <source>list orders</source>
        <translation>列出订单</translation>
    </message>
    <message>
        <source>count orders</source>
        <translation>统计订单</translation>
    </message>
    <message>
        <source>The ledger “%1” could not be created: %2</source>
        <translation>无法创建台账“%1”：%2</translation>
    </message>
    <message>
        <source>No ledger file was given.</source>
        <translation>未指定台账文件。</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available.</source>
        <translation>Qt SQLite 驱动（QSQLITE）不可用。</translation>
    </message>
    <message>
        <source>The ledger “%1” could not be opened: %2</source>
        <translation>无法打开台账“%1”：%2</translation>
    </message>
    <message>
        <source>The Qt SQLite driver does not expose its SQLite handle.</source>
        <translation>Qt SQLite 驱动未提供其 SQLite 句柄。</translation>
    </message>
    <message>
        <source>it does not support WAL mode</source>
        <translation>它不支持 WAL 模式</translation>
    </message>
    <message>
        <source>The ledger “%1” reported an error: %2</source>
        <translation>台账“%1”报告错误：%2</translation>
    </message>
    <message>
        <source>The ledger “%1” is busy (another program is writing to it); could not %2.</source>
        <translation>台账“%1”正忙（另一个程序正在写入）；无法%2。</translation>
    </message>
    <message>
        <source>The ledger “%1” was written by a newer wxrecon (schema “%2” version %3; this program knows up to %4).</source>
        <translation>台账“%1”由更新版本的 wxrecon 写入（结构“%2”版本 %3；本程序最高支持 %4）。</translation>
    </message>
    <message>
        <source>The ledger “%1” could not be upgraded to schema “%2” version %3: %4</source>
        <translation>无法将台账“%1”升级到结构“%2”版本 %3：%4</translation>
    </message>
    <message>
        <source>The ledger “%1” could not record the change in its audit log: %2</source>
        <translation>台账“%1”无法在审计日志中记录此变更：%2</translation>
    </message>
    <message>
        <source>The ledger “%1” could not read its audit log: %2</source>
        <translation>台账“%1”无法读取其审计日志：%2</translation>
    </message>
    <message>
        <source>%1: the file is empty; a header row is required</source>
        <translation>%1：文件为空；需要表头行</translation>
    </message>
    <message>
        <source>%1: line %2: the header names column “%3” twice</source>
        <translation>%1：第 %2 行：表头中列“%3”出现了两次</translation>
    </message>
    <message>
        <source>%1: line %2: the header lacks column “%3” (expected %4)</source>
        <translation>%1：第 %2 行：表头缺少列“%3”（应为 %4）</translation>
    </message>
    <message>
        <source>%1: line %2: the row has %3 fields but the header has %4</source>
        <translation>%1：第 %2 行：该行有 %3 个字段，而表头有 %4 个</translation>
    </message>
    <message>
        <source>%1: line %2, column “%3”: %4</source>
        <translation>%1：第 %2 行，列“%3”：%4</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>“%1” is not a merchant order number (1–32 letters, digits, _ - *)</source>
        <translation>“%1”不是有效的商户订单号（1–32 位字母、数字、_ - *）</translation>
    </message>
    <message>
        <source>“%1” is not a WeChat Pay order number</source>
        <translation>“%1”不是有效的微信支付订单号</translation>
    </message>
    <message>
        <source>“%1” is not a whole, non-negative number of fen</source>
        <translation>“%1”不是以分为单位的非负整数</translation>
    </message>
    <message>
        <source>“%1” is not an order status (SUCCESS, NOTPAY, CLOSED, REFUND, PAYERROR, USERPAYING, REVOKED)</source>
        <translation>“%1”不是有效的订单状态（SUCCESS, NOTPAY, CLOSED, REFUND, PAYERROR, USERPAYING, REVOKED）</translation>
    </message>
    <message>
        <source>the creation time is empty</source>
        <translation>创建时间为空</translation>
    </message>
    <message>
        <source>order %1 vanished during the import</source>
        <translation>订单 %1 在导入过程中消失</translation>
    </message>
    <message>
        <source>“%1” is not a merchant refund number (1–64 letters, digits, _ - | * @)</source>
        <translation>“%1”不是有效的商户退款单号（1–64 位字母、数字、_ - | * @）</translation>
    </message>
    <message>
        <source>“%1” is not a WeChat Pay refund number</source>
        <translation>“%1”不是有效的微信支付退款单号</translation>
    </message>
    <message>
        <source>“%1” is not a refund status (SUCCESS, PROCESSING, CLOSED, ABNORMAL)</source>
        <translation>“%1”不是有效的退款状态（SUCCESS, PROCESSING, CLOSED, ABNORMAL）</translation>
    </message>
    <message>
        <source>refund %1 vanished during the import</source>
        <translation>退款 %1 在导入过程中消失</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何内容。</translation>
    </message>
    <message>
        <source>%1; nothing was imported.</source>
        <translation>%1；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>line %1: the file could not be read: %2</source>
        <translation>第 %1 行：无法读取文件：%2</translation>
    </message>
    <message>
        <source>line %1: the record is longer than %2 bytes</source>
        <translation>第 %1 行：记录长度超过 %2 字节</translation>
    </message>
    <message>
        <source>line %1: a quoted field is not closed before the end of the file</source>
        <translation>第 %1 行：带引号的字段直到文件结尾仍未闭合</translation>
    </message>
    <message>
        <source>text follows a closing quote</source>
        <translation>右引号后还有文本</translation>
    </message>
    <message>
        <source>a quote appears inside an unquoted field</source>
        <translation>未加引号的字段中出现了引号</translation>
    </message>
    <message>
        <source>The metrics range is empty: its end is not after its start.</source>
        <translation>指标时间范围为空：结束时间不晚于开始时间。</translation>
    </message>
    <message>
        <source>The metrics range needs %1 buckets of one %2; choose a shorter range or larger buckets.</source>
        <translation>该指标时间范围需要 %1 个以一%2为单位的分组；请缩短时间范围或增大分组。</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>failures</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>failure rate (%)</source>
        <translation>失败率（%）</translation>
    </message>
    <message>
        <source>lost (inferred)</source>
        <translation>丢失（推断）</translation>
    </message>
    <message>
        <source>p50 delay (s)</source>
        <translation>p50 延迟（秒）</translation>
    </message>
    <message>
        <source>p95 delay (s)</source>
        <translation>p95 延迟（秒）</translation>
    </message>
    <message>
        <source>p99 delay (s)</source>
        <translation>p99 延迟（秒）</translation>
    </message>
    <message>
        <source>p95 processing (ms)</source>
        <translation>p95 处理耗时（毫秒）</translation>
    </message>
    <message>
        <source>The alert webhook address is not an http(s) URL.</source>
        <translation>告警 Webhook 地址不是 http(s) URL。</translation>
    </message>
    <message>
        <source>The alert webhook could not be reached (network error %1).</source>
        <translation>无法连接告警 Webhook（网络错误 %1）。</translation>
    </message>
    <message>
        <source>The alert webhook answered HTTP %1.</source>
        <translation>告警 Webhook 返回 HTTP %1。</translation>
    </message>
    <message>
        <source>The alert webhook refused the message (errcode %1: %2).</source>
        <translation>告警 Webhook 拒绝了该消息（errcode %1：%2）。</translation>
    </message>
    <message>
        <source>The configuration “%1” cannot be read: %2</source>
        <translation>无法读取配置“%1”：%2</translation>
    </message>
    <message>
        <source>%1, line %2: [alerts] %3 must be %4.</source>
        <translation>%1，第 %2 行：[alerts] %3 必须为 %4。</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>an http or https URL</source>
        <translation>http 或 https URL</translation>
    </message>
    <message>
        <source>a percentage from 0 to 100</source>
        <translation>0 到 100 之间的百分比</translation>
    </message>
    <message>
        <source>two CST times like 09:00-22:00</source>
        <translation>09:00-22:00 形式的两个北京时间</translation>
    </message>
    <message>
        <source>%1, line %2: [alerts] has no key “%3”.</source>
        <translation>%1，第 %2 行：[alerts] 中没有键“%3”。</translation>
    </message>
    <message>
        <source>callback failure rate</source>
        <translation>回调失败率</translation>
    </message>
    <message>
        <source>callback delay</source>
        <translation>回调延迟</translation>
    </message>
    <message>
        <source>no callbacks</source>
        <translation>无回调</translation>
    </message>
    <message>
        <source>certificate expiry</source>
        <translation>证书到期</translation>
    </message>
    <message>
        <source>%1 % of callbacks failed in the last %2 minutes (%3 of %4; threshold %5 %).</source>
        <translation>最近 %2 分钟内 %1% 的回调失败（%4 次中 %3 次；阈值 %5%）。</translation>
    </message>
    <message>
        <source>Callbacks arrive late: 95 % within %1 s of payment in the last %2 minutes (threshold %3 s).</source>
        <translation>回调到达延迟：最近 %2 分钟内，95% 的回调在支付后 %1 秒内到达（阈值 %3 秒）。</translation>
    </message>
    <message>
        <source>No callback has arrived for %1 minutes during business hours (threshold %2 minutes).</source>
        <translation>营业时间内已 %1 分钟未收到回调（阈值 %2 分钟）。</translation>
    </message>
    <message>
        <source>Platform certificate %1 expired on %2.</source>
        <translation>平台证书 %1 已于 %2 过期。</translation>
    </message>
    <message>
        <source>Platform certificate %1 expires on %2, in %3 days.</source>
        <translation>平台证书 %1 将于 %2 过期，还剩 %3 天。</translation>
    </message>
    <message>
        <source>%1 resolved: %2 (since %3)</source>
        <translation>%1 已解决：%2（始于 %3）</translation>
    </message>
    <message>
        <source>%1 ALERT %2: %3</source>
        <translation>%1 告警 %2：%3</translation>
    </message>
    <message>
        <source>The reconciliation was cancelled; nothing was stored.</source>
        <translation>对账已取消，未保存任何结果。</translation>
    </message>
    <message>
        <source>No trade bill is imported for %1; import or fetch it first.</source>
        <translation>尚未导入 %1 的交易账单；请先导入或下载。</translation>
    </message>
    <message>
        <source>Fault setting “%1” is not valid: %2.</source>
        <translation>故障设置“%1”无效：%2。</translation>
    </message>
    <message>
        <source>expected TARGET:key=value</source>
        <translation>应为 TARGET:key=value</translation>
    </message>
    <message>
        <source>unknown target “%1”</source>
        <translation>未知目标“%1”</translation>
    </message>
    <message>
        <source>expected key=value in “%1”</source>
        <translation>“%1”中应为 key=value</translation>
    </message>
    <message>
        <source>%1 needs a share between 0 and 1</source>
        <translation>%1 需要 0 到 1 之间的比例</translation>
    </message>
    <message>
        <source>latency needs milliseconds or MIN-MAX</source>
        <translation>latency 需要毫秒数或 MIN-MAX</translation>
    </message>
    <message>
        <source>%1 needs a whole number of requests</source>
        <translation>%1 需要以整数表示的请求数</translation>
    </message>
    <message>
        <source>unknown key “%1”</source>
        <translation>未知键“%1”</translation>
    </message>
    <message>
        <source>%1 needs milliseconds or MIN-MAX</source>
        <translation>%1 需要毫秒数或 MIN-MAX</translation>
    </message>
    <message>
        <source>clock takes skew=SECONDS</source>
        <translation>clock 接受 skew=SECONDS</translation>
    </message>
    <message>
        <source>Cannot create “%1”: %2.</source>
        <translation>无法创建“%1”：%2。</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2.</source>
        <translation>无法写入“%1”：%2。</translation>
    </message>
    <message>
        <source>Cannot create the directory “%1”.</source>
        <translation>无法创建目录“%1”。</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2.</source>
        <translation>无法读取“%1”：%2。</translation>
    </message>
    <message>
        <source>Cannot create the state directory “%1”.</source>
        <translation>无法创建状态目录“%1”。</translation>
    </message>
    <message>
        <source>The state directory “%1” is incomplete; remove it to start afresh.</source>
        <translation>状态目录“%1”不完整；请删除后重新开始。</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1: %2.</source>
        <translation>无法监听 127.0.0.1:%1：%2。</translation>
    </message>
    <message>
        <source>The notify URL “%1” is not an http(s) URL.</source>
        <translation>通知地址“%1”不是 http(s) URL。</translation>
    </message>
    <message>
        <source>The notify URL “%1” must not carry query parameters (spec §4.1).</source>
        <translation>通知地址“%1”不能携带查询参数（规范 §4.1）。</translation>
    </message>
    <message>
        <source>Order %1 does not exist.</source>
        <translation>订单 %1 不存在。</translation>
    </message>
    <message>
        <source>Order %1 is %2 and cannot be paid.</source>
        <translation>订单 %1 状态为 %2，无法支付。</translation>
    </message>
    <message>
        <source>Order %1 is not paid.</source>
        <translation>订单 %1 未支付。</translation>
    </message>
    <message>
        <source>A refund of %1 fen exceeds what is left of order %2.</source>
        <translation>%1 分的退款超过了订单 %2 的剩余可退金额。</translation>
    </message>
    <message>
        <source>Refund %1 does not exist.</source>
        <translation>退款 %1 不存在。</translation>
    </message>
    <message>
        <source>Refund %1 is already final.</source>
        <translation>退款 %1 已处于最终状态。</translation>
    </message>
    <message>
        <source>“to” must be SUCCESS, ABNORMAL or CLOSED.</source>
        <translation>“to”必须为 SUCCESS、ABNORMAL 或 CLOSED。</translation>
    </message>
    <message>
        <source>Rate setting “%1” is not of the form KIND=SHARE.</source>
        <translation>比例设置“%1”不符合 KIND=SHARE 格式。</translation>
    </message>
    <message>
        <source>Rate setting “%1” names an unknown kind.</source>
        <translation>比例设置“%1”指定了未知类型。</translation>
    </message>
    <message>
        <source>Rate setting “%1” needs a share between 0 and 1.</source>
        <translation>比例设置“%1”需要 0 到 1 之间的比例。</translation>
    </message>
    <message>
        <source>The number of orders must be between 1 and %1.</source>
        <translation>订单数必须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>The bill date must be a valid date between 2000 and 2999.</source>
        <translation>账单日期必须是 2000 年到 2999 年之间的有效日期。</translation>
    </message>
    <message>
        <source>Merchant id “%1” must be 8 to 10 digits.</source>
        <translation>商户号“%1”必须为 8 到 10 位数字。</translation>
    </message>
    <message>
        <source>The cross-day window must be between 60 and 3600 seconds.</source>
        <translation>跨日窗口必须在 60 到 3600 秒之间。</translation>
    </message>
    <message>
        <source>The special-case rates add up to more than 80% of the orders; lower some --rate settings.</source>
        <translation>特殊情况比例合计超过订单的 80%；请调低部分 --rate 设置。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>PDF reports need a QGuiApplication (fonts); none is running.</source>
        <translation>PDF 报表需要 QGuiApplication（字体）；当前未运行。</translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation>无法开始生成 PDF</translation>
    </message>
    <message>
        <source>Generated %1 from %2; %3 discrepancies.</source>
        <translation>于 %1 根据 %2 生成；%3 条差异。</translation>
    </message>
    <message>
        <source>No discrepancies.</source>
        <translation>无差异。</translation>
    </message>
    <message>
        <source>… and %1 more discrepancies; the CSV and XLSX reports list them all.</source>
        <translation>……另有 %1 条差异；CSV 和 XLSX 报表列出了全部差异。</translation>
    </message>
    <message>
        <source>the PDF could not be finished</source>
        <translation>无法完成 PDF 生成</translation>
    </message>
    <message>
        <source>Demo merchant</source>
        <translation>演示商户</translation>
    </message>
    <message>
        <source>Preparing the demo ledger</source>
        <translation>正在准备演示台账</translation>
    </message>
    <message>
        <source>The demo ledger was not completed.</source>
        <translation>演示台账未完成。</translation>
    </message>
    <message>
        <source>Preparing the sample day %1</source>
        <translation>正在准备示例日 %1</translation>
    </message>
    <message>
        <source>No temporary folder could be created for the demo.</source>
        <translation>无法为演示创建临时文件夹。</translation>
    </message>
    <message>
        <source>settled without a query: the ledger already has %1</source>
        <translation>无需查询即已了结：台账已是 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>The callback was not verified within %1 ms.</source>
        <translation>该回调未能在 %1 毫秒内完成验证。</translation>
    </message>
    <message>
        <source>The stored rows of bill %1 are damaged; import the bill again.</source>
        <translation>账单 %1 保存的明细行已损坏，请重新导入该账单。</translation>
    </message>
    <message>
        <source>the gzip decoder made no progress</source>
        <translation>gzip 解码器无法继续解码</translation>
    </message>
    <message>
        <source>register a row feed</source>
        <translation>注册批量写入的数据源</translation>
    </message>
    <message>
        <source>the bill could not be read again: %1</source>
        <translation>无法再次读取账单：%1</translation>
    </message>
    <message>
        <source>the stored rows of bill %1 could not be removed (%2 rows, %3 keys removed)</source>
        <translation>无法删除账单 %1 已存储的明细行（共 %2 行，已删除 %3 个键）</translation>
    </message>
    <message>
        <source>The disk holding the ledger “%1” is full (free some space and try again).</source>
        <translation>台账“%1”所在磁盘已满（请释放空间后重试）。</translation>
    </message>
    <message>
        <source>Order recorded</source>
        <translation>订单已记录</translation>
    </message>
    <message>
        <source>Order state</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Order updated</source>
        <translation>订单已更新</translation>
    </message>
    <message>
        <source>Order flagged for review</source>
        <translation>订单标记为待复核</translation>
    </message>
    <message>
        <source>Order queried at WeChat Pay</source>
        <translation>向微信支付查询订单</translation>
    </message>
    <message>
        <source>Order closed at WeChat Pay</source>
        <translation>在微信支付关闭订单</translation>
    </message>
    <message>
        <source>Refund recorded</source>
        <translation>退款已记录</translation>
    </message>
    <message>
        <source>Refund state</source>
        <translation>退款状态</translation>
    </message>
    <message>
        <source>Refund updated</source>
        <translation>退款已更新</translation>
    </message>
    <message>
        <source>Refund queried at WeChat Pay</source>
        <translation>向微信支付查询退款</translation>
    </message>
    <message>
        <source>Discrepancy state</source>
        <translation>差异处理状态</translation>
    </message>
    <message>
        <source>Discrepancy note</source>
        <translation>差异备注</translation>
    </message>
    <message>
        <source>Discrepancy kind</source>
        <translation>差异类型</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>ledger import</source>
        <translation>台账导入</translation>
    </message>
    <message>
        <source>payment callback</source>
        <translation>支付回调</translation>
    </message>
    <message>
        <source>order query</source>
        <translation>订单查询</translation>
    </message>
    <message>
        <source>trade bill</source>
        <translation>交易账单</translation>
    </message>
    <message>
        <source>verification timed out</source>
        <translation>验签超时</translation>
    </message>
    <message>
        <source>Unknown order</source>
        <translation>未知订单</translation>
    </message>
    <message>
        <source>Unknown refund</source>
        <translation>未知退款</translation>
    </message>
    <message>
        <source>Amount differs from the ledger</source>
        <translation>金额与台账不符</translation>
    </message>
    <message>
        <source>Paid after close</source>
        <translation>关单后支付</translation>
    </message>
    <message>
        <source>callback anomaly</source>
        <translation>回调异常</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in the last %2 minutes: %3 (flagged for review).</source>
        <translation>最近 %2 分钟内%1：%3（已标记待复核）。</translation>
    </message>
    <message>
        <source>WeChat Pay has no bill of %1 yet: a day&apos;s bill is ready from 10:00 (China Standard Time) the next day.</source>
        <translation>微信支付尚无 %1 的账单：当天的账单在次日 10:00（北京时间）后才可下载。</translation>
    </message>
    <message>
        <source>WeChat Pay serves the bills of the last three months only; download the bill of %1 from the merchant platform (pay.weixin.qq.com) and import it.</source>
        <translation>微信支付接口只提供最近三个月的账单；请从商户平台（pay.weixin.qq.com）下载 %1 的账单后导入。</translation>
    </message>
    <message>
        <source>read the latest bill</source>
        <translation>读取最新账单</translation>
    </message>
    <message>
        <source>it is a bill of merchant %1, and this ledger holds the bills of merchant %2; keep one ledger per merchant</source>
        <translation>这是商户 %1 的账单，而此台账保存的是商户 %2 的账单；每个商户请使用各自的台账</translation>
    </message>
    <message>
        <source>WeChat Pay&apos;s answer that merchant %1 has no bill for %2 was not recorded: this ledger holds the bills of merchant %3; keep one ledger per merchant.</source>
        <translation>未记录微信支付关于商户 %1 在 %2 无账单的答复：此台账保存的是商户 %3 的账单；每个商户请使用各自的台账。</translation>
    </message>
    <message>
        <source>bill %1</source>
        <translation>账单 %1</translation>
    </message>
    <message>
        <source>%1 bill of %2 (%3)</source>
        <translation>%2 %1 账单（%3）</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1 第 %2 行</translation>
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
    <message>
        <source>no keys</source>
        <translation>无密钥</translation>
    </message>
    <message>
        <source>platform certificates</source>
        <translation>平台证书</translation>
    </message>
    <message>
        <source>WeChat Pay public key</source>
        <translation>微信支付公钥</translation>
    </message>
    <message>
        <source>public key and platform certificates</source>
        <translation>微信支付公钥和平台证书</translation>
    </message>
    <message>
        <source>Key mode: %1</source>
        <translation>密钥模式：%1</translation>
    </message>
    <message>
        <source>Public key: %1</source>
        <translation>公钥：%1</translation>
    </message>
    <message>
        <source>Platform certificates: none</source>
        <translation>平台证书：无</translation>
    </message>
    <message>
        <source>Platform certificates:</source>
        <translation>平台证书：</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>expires soon</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <source>newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>valid from %1 to %2, %3 days left</source>
        <translation>有效期 %1 至 %2，剩余 %3 天</translation>
    </message>
    <message>
        <source>warning:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>the platform certificate %1 has expired.</source>
        <translation>平台证书 %1 已过期。</translation>
    </message>
    <message>
        <source>the platform certificate %1 expires in %2 days.</source>
        <translation>平台证书 %1 将在 %2 天后过期。</translation>
    </message>
    <message>
        <source>“certs list” shows the keys that verify WeChat Pay&apos;s signatures; “certs refresh” downloads the platform certificates and stores them in platform_cert_dir.</source>
        <translation>“certs list”显示用于对微信支付签名进行验签的密钥；“certs refresh”下载平台证书并保存到 platform_cert_dir。</translation>
    </message>
    <message>
        <source>refresh or list</source>
        <translation>refresh 或 list</translation>
    </message>
    <message>
        <source>Merchant configuration (INI).</source>
        <translation>商户配置（INI）。</translation>
    </message>
    <message>
        <source>“wxrecon-cli certs” needs one action: refresh or list.</source>
        <translation>“wxrecon-cli certs”需要一个操作：refresh 或 list。</translation>
    </message>
    <message>
        <source>Public-key mode: there are no platform certificates to refresh.</source>
        <translation>公钥模式：没有需要更新的平台证书。</translation>
    </message>
    <message>
        <source>platform_cert_dir is not set, so the certificates are shown but not kept.</source>
        <translation>未设置 platform_cert_dir，因此证书仅显示而不保存。</translation>
    </message>
    <message>
        <source>WeChat Pay lists no platform certificates for this merchant; the public key verifies its signatures.</source>
        <translation>微信支付未为该商户提供平台证书；其签名由微信支付公钥验签。</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>已移除 %1</translation>
    </message>
    <message>
        <source>Refresh or list WeChat Pay platform certificates</source>
        <translation>更新或列出微信支付平台证书</translation>
    </message>
    <message>
        <source>Importing the bill</source>
        <translation>正在导入账单</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2; nothing was imported.</source>
        <translation>无法打开 %1：%2；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 bill of %2 was already imported (same SHA-1 %3); nothing changed.</source>
        <translation>%2 的 %1 账单已导入过（SHA-1 相同：%3）；未做任何更改。</translation>
    </message>
    <message>
        <source>Imported the %1 fund-flow bill of %2: %3 entries, %4 credits (%5 yuan), %6 debits (%7 yuan).</source>
        <translation>已导入 %2 的 %1 资金账单：%3 条记录，收入 %4 笔（%5 元），支出 %6 笔（%7 元）。</translation>
    </message>
    <message>
        <source>Imported the %1 trade bill of %2: %3 rows (%4 payments, %5 refunds), orders %6 yuan, refunds %7 yuan, fees %8 yuan.</source>
        <translation>已导入 %2 的 %1 交易账单：%3 行（支付 %4 笔，退款 %5 笔），订单 %6 元，退款 %7 元，手续费 %8 元。</translation>
    </message>
    <message>
        <source>It replaces the earlier import of that bill.</source>
        <translation>此次导入将替换该账单之前的导入。</translation>
    </message>
    <message numerus="yes">
        <source>warning: %n row(s) had more fields than the header (a separator inside a merchant field); review lines %1.</source>
        <translation>
            <numerusform>警告：%n 行的字段数多于表头（商户字段中含有分隔符）；请检查第 %1 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>Ledger file (created when missing).</source>
        <translation>台账文件（不存在时自动创建）。</translation>
    </message>
    <message>
        <source>Bill date (China Standard Time).</source>
        <translation>账单日期（北京时间）。</translation>
    </message>
    <message>
        <source>The bill: tradebill.csv or tradebill.csv.gz.</source>
        <translation>账单文件：tradebill.csv 或 tradebill.csv.gz。</translation>
    </message>
    <message>
        <source>WeChat Pay&apos;s hash_value of the bill; the import fails if the file differs.</source>
        <translation>微信支付提供的账单 hash_value；文件不一致时导入失败。</translation>
    </message>
    <message>
        <source>Fund-flow bills: BASIC (default), OPERATION or FEES.</source>
        <translation>资金账单：BASIC（默认）、OPERATION 或 FEES。</translation>
    </message>
    <message>
        <source>refund %1</source>
        <translation>退款 %1</translation>
    </message>
    <message>
        <source>already applied</source>
        <translation>已应用过</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>被限流</translation>
    </message>
    <message>
        <source>bad signature</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>PAID AFTER CLOSE</source>
        <translation>关单后支付</translation>
    </message>
    <message>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>ledger kept</source>
        <translation>保留台账</translation>
    </message>
    <message>
        <source>review: %1</source>
        <translation>复核：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n discrepancy(s) resolved</source>
        <translation>
            <numerusform>已解决 %n 条差异</numerusform>
        </translation>
    </message>
    <message>
        <source>next query at %1</source>
        <translation>下次查询：%1</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>LEDGER BEFORE</source>
        <translation>台账（查询前）</translation>
    </message>
    <message>
        <source>WECHAT PAY</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>LEDGER NOW</source>
        <translation>台账（当前）</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>NOTE</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Queried %1 of %2</source>
        <translation>已查询 %1 / %2</translation>
    </message>
    <message>
        <source>scheduler: %1 pending, %2 due, %3 need attention, next run at %4</source>
        <translation>调度器：%1 个待处理，%2 个已到期，%3 个需要关注，下次运行于 %4</translation>
    </message>
    <message>
        <source>re-query scheduler running on %1; stop it with Ctrl+C or SIGTERM.</source>
        <translation>补查调度器正在 %1 上运行；按 Ctrl+C 或发送 SIGTERM 停止。</translation>
    </message>
    <message>
        <source>scheduler stopped: %1 answers applied, %2 pending, %3 need attention.</source>
        <translation>调度器已停止：已应用 %1 个应答，%2 个待处理，%3 个需要关注。</translation>
    </message>
    <message>
        <source>Queries orders (and refunds) at WeChat Pay and applies the answers to the ledger: the orders named, or every stuck one (unpaid past the first window, in an open status discrepancy, missing from the ledger, refunds still processing). With --daemon the scheduler keeps doing it with back-off until interrupted. See docs/requery.md.</source>
        <translation>向微信支付查询订单（及退款）并将结果应用到台账：查询指定的订单，或所有卡单（超过首个时间窗口仍未支付、存在待处理的状态差异、台账缺失、退款仍在处理中）。使用 --daemon 时，调度器会按退避策略持续执行，直到被中断。参见 docs/requery.md。</translation>
    </message>
    <message>
        <source>Merchant configuration (INI); its optional [requery] section tunes the rules.</source>
        <translation>商户配置（INI）；其中可选的 [requery] 节用于调整规则。</translation>
    </message>
    <message>
        <source>Ledger file.</source>
        <translation>台账文件。</translation>
    </message>
    <message>
        <source>Merchant order number (repeatable).</source>
        <translation>商户订单号（可重复指定）。</translation>
    </message>
    <message>
        <source>Merchant refund number (repeatable).</source>
        <translation>商户退款单号（可重复指定）。</translation>
    </message>
    <message>
        <source>Every stuck order and refund.</source>
        <translation>所有卡单和卡住的退款。</translation>
    </message>
    <message>
        <source>Afterwards keep the scheduler running until interrupted.</source>
        <translation>之后保持调度器运行，直到被中断。</translation>
    </message>
    <message>
        <source>“wxrecon-cli requery” takes no arguments besides its options; “%1” is extra.</source>
        <translation>“wxrecon-cli requery”除选项外不接受参数；“%1”是多余的。</translation>
    </message>
    <message>
        <source>“wxrecon-cli requery” needs either --out-trade-no (or --out-refund-no) or --stuck.</source>
        <translation>“wxrecon-cli requery”需要 --out-trade-no（或 --out-refund-no）或 --stuck。</translation>
    </message>
    <message>
        <source>An order or refund number given to “wxrecon-cli requery” is empty.</source>
        <translation>传给“wxrecon-cli requery”的订单号或退款单号为空。</translation>
    </message>
    <message>
        <source>The ledger “%1” does not exist; import orders into it first (wxrecon-cli ledger import).</source>
        <translation>台账“%1”不存在；请先向其中导入订单（wxrecon-cli ledger import）。</translation>
    </message>
    <message>
        <source>Nothing is stuck: no order or refund needs a query.</source>
        <translation>没有卡单：无订单或退款需要查询。</translation>
    </message>
    <message>
        <source>%1 queried: %2 updated, %3 unchanged, %4 failed; %5 discrepancies resolved; %6 flagged for review.</source>
        <translation>已查询 %1 个：%2 个已更新，%3 个未变化，%4 个失败；已解决 %5 条差异；%6 个已标记待复核。</translation>
    </message>
    <message numerus="yes">
        <source>%n query(s) got no usable answer from WeChat Pay; they stay queued and are tried again later.</source>
        <translation>
            <numerusform>%n 次查询未从微信支付获得可用应答；它们将保留在队列中，稍后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Query stuck orders at WeChat Pay and fix the ledger</source>
        <translation>向微信支付补查卡单并修正台账</translation>
    </message>
    <message>
        <source>Imports a callback log written by the merchant&apos;s backend (JSON Lines, one delivery per line; docs/callbacks.md) so that wxrecon&apos;s callback metrics and alerts cover it. Importing the same deliveries again changes nothing. A bad line fails the whole import unless --skip-invalid is given.</source>
        <translation>导入商户后端写入的回调日志（JSON Lines，每行一次投递；见 docs/callbacks.md），使 wxrecon 的回调指标和告警覆盖这些回调。重复导入相同的投递不会产生任何变化。除非指定 --skip-invalid，否则任何一行无效都会导致整个导入失败。</translation>
    </message>
    <message>
        <source>The callback log (.jsonl).</source>
        <translation>回调日志（.jsonl）。</translation>
    </message>
    <message>
        <source>Skip lines that are not valid and count them.</source>
        <translation>跳过无效行并计数。</translation>
    </message>
    <message>
        <source>“wxrecon-cli callbacks” needs the action “import”.</source>
        <translation>“wxrecon-cli callbacks”需要操作“import”。</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Callbacks: %1 lines, %2 imported, %3 already imported.</source>
        <translation>回调：共 %1 行，导入 %2 条，%3 条已导入过。</translation>
    </message>
    <message>
        <source>%1 invalid lines were skipped; the first: %2</source>
        <translation>已跳过 %1 个无效行；第一个：%2</translation>
    </message>
    <message>
        <source>Import a callback log of the merchant&apos;s backend (JSON Lines)</source>
        <translation>导入商户后端的回调日志（JSON Lines）</translation>
    </message>
    <message>
        <source>Cannot read the %1 %2: %3.</source>
        <translation>无法读取%1 %2：%3。</translation>
    </message>
    <message>
        <source>Shows the exact string that is signed for a request and the resulting Authorization header, to compare with what another client or WeChat Pay sees.</source>
        <translation>显示请求的精确待签名串及生成的 Authorization 头，以便与其他客户端或微信支付看到的内容进行对比。</translation>
    </message>
    <message>
        <source>HTTP method: GET, POST, PUT, PATCH or DELETE.</source>
        <translation>HTTP 方法：GET、POST、PUT、PATCH 或 DELETE。</translation>
    </message>
    <message>
        <source>Path and query exactly as sent (/v3/...?...), or a full URL.</source>
        <translation>与实际发送完全一致的路径和查询串（/v3/...?...），或完整 URL。</translation>
    </message>
    <message>
        <source>File holding the exact request body bytes.</source>
        <translation>包含精确请求体字节的文件。</translation>
    </message>
    <message>
        <source>Unix seconds to sign with (default: now).</source>
        <translation>用于签名的 Unix 时间戳（秒；默认：当前时间）。</translation>
    </message>
    <message>
        <source>Nonce to sign with (default: a fresh random one).</source>
        <translation>用于签名的随机串（默认：新生成的随机串）。</translation>
    </message>
    <message>
        <source>--method “%1” is not one of GET, POST, PUT, PATCH, DELETE.</source>
        <translation>--method “%1”不是 GET、POST、PUT、PATCH、DELETE 之一。</translation>
    </message>
    <message>
        <source>--url “%1” is not a valid URL.</source>
        <translation>--url “%1”不是有效的 URL。</translation>
    </message>
    <message>
        <source>--url must be a path starting with “/” or a full https:// URL, not “%1”.</source>
        <translation>--url 必须是以“/”开头的路径或完整的 https:// URL，而不是“%1”。</translation>
    </message>
    <message>
        <source>--timestamp “%1” is not Unix seconds.</source>
        <translation>--timestamp “%1”不是 Unix 时间戳（秒）。</translation>
    </message>
    <message>
        <source>--nonce must not be empty.</source>
        <translation>--nonce 不能为空。</translation>
    </message>
    <message>
        <source>body file</source>
        <translation>请求体文件</translation>
    </message>
    <message>
        <source>a %1 request normally has no body; its body line is then empty.</source>
        <translation>%1 请求通常没有请求体；此时请求体行为空。</translation>
    </message>
    <message>
        <source>String to sign (%1 bytes; each line ends in \n, including the last):</source>
        <translation>待签名串（%1 字节；每行以 \n 结尾，包括最后一行）：</translation>
    </message>
    <message>
        <source>Signature (Base64):</source>
        <translation>签名（Base64）：</translation>
    </message>
    <message>
        <source>Verifies a saved WeChat Pay callback (headers and raw body) like the receiver does, then prints the decrypted resource JSON. Exit status 1 names the exact failure.</source>
        <translation>像回调接收器一样对保存的微信支付回调（请求头和原始请求体）进行验签，然后输出解密后的 resource JSON。退出状态为 1 时会指明具体的失败原因。</translation>
    </message>
    <message>
        <source>File of “Name: value” header lines.</source>
        <translation>包含“Name: value”格式请求头行的文件。</translation>
    </message>
    <message>
        <source>The raw callback body, byte for byte.</source>
        <translation>原始回调请求体，需逐字节保存。</translation>
    </message>
    <message>
        <source>Check the timestamp against these Unix seconds instead of the clock (to re-check an old callback).</source>
        <translation>用此 Unix 时间戳（秒）而非系统时钟校验时间戳（用于重新校验旧回调）。</translation>
    </message>
    <message>
        <source>--now “%1” is not Unix seconds.</source>
        <translation>--now “%1”不是 Unix 时间戳（秒）。</translation>
    </message>
    <message>
        <source>headers file</source>
        <translation>请求头文件</translation>
    </message>
    <message>
        <source>The callback is signed with a WeChat Pay public key: set public_key_id and public_key_file in %1 to that key.</source>
        <translation>该回调使用微信支付公钥签名：请在 %1 中将 public_key_id 和 public_key_file 设置为该公钥。</translation>
    </message>
    <message>
        <source>Run “wxrecon-cli certs refresh --config %1” and try again.</source>
        <translation>请运行“wxrecon-cli certs refresh --config %1”后重试。</translation>
    </message>
    <message>
        <source>The body file ends with a line break that was not part of the callback (an editor added it); save the body exactly as received.</source>
        <translation>请求体文件末尾有一个不属于回调的换行符（由编辑器添加）；请按接收时的原样保存请求体。</translation>
    </message>
    <message>
        <source>For a callback saved earlier, pass the time it arrived with --now.</source>
        <translation>对于之前保存的回调，请用 --now 传入其到达时间。</translation>
    </message>
    <message>
        <source>The callback does not verify (%1): %2</source>
        <translation>回调验签失败（%1）：%2</translation>
    </message>
    <message>
        <source>%1 verifies but is not a callback envelope with a “resource” object.</source>
        <translation>%1 验签通过，但不是包含“resource”对象的回调通知结构。</translation>
    </message>
    <message>
        <source>Verify and decrypt a saved WeChat Pay callback</source>
        <translation>验签并解密已保存的微信支付回调</translation>
    </message>
    <message>
        <source>Show the exact string to sign and the Authorization header</source>
        <translation>显示精确的待签名串和 Authorization 头</translation>
    </message>
    <message>
        <source>Writes the discrepancy report of a bill date or range: CSV (Excel-friendly, the contract&apos;s columns), XLSX (discrepancies and a summary sheet) or PDF (summary and list).</source>
        <translation>生成某个账单日期或日期范围的差异报表：CSV（兼容 Excel，采用约定的列）、XLSX（差异表和汇总表）或 PDF（汇总和列表）。</translation>
    </message>
    <message>
        <source>Bill date or inclusive range.</source>
        <translation>账单日期或日期范围（含首尾）。</translation>
    </message>
    <message>
        <source>csv, xlsx or pdf.</source>
        <translation>csv、xlsx 或 pdf。</translation>
    </message>
    <message>
        <source>Report file to write.</source>
        <translation>要写入的报表文件。</translation>
    </message>
    <message>
        <source>--format must be csv, xlsx or pdf.</source>
        <translation>--format 必须为 csv、xlsx 或 pdf。</translation>
    </message>
    <message>
        <source>This wxrecon-cli was built without PDF support (QtGui).</source>
        <translation>此 wxrecon-cli 构建时未包含 PDF 支持（QtGui）。</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>正在生成报表</translation>
    </message>
    <message>
        <source>Write the discrepancy report (CSV, XLSX or PDF)</source>
        <translation>生成差异报表（CSV、XLSX 或 PDF）</translation>
    </message>
    <message>
        <source>Receives WeChat Pay payment and refund callbacks: verifies, decrypts and records each one, applies it to the ledger, and answers 200/204 only after the commit. Runs until interrupted (SIGINT/SIGTERM). Put it behind a TLS reverse proxy (docs/callbacks.md).</source>
        <translation>接收微信支付的支付和退款回调：对每个回调进行验签、解密并记录，应用到台账，且仅在提交后才应答 200/204。持续运行，直到被中断（SIGINT/SIGTERM）。请将其部署在 TLS 反向代理之后（docs/callbacks.md）。</translation>
    </message>
    <message>
        <source>Address and port, e.g. 127.0.0.1:8443 or [::1]:8443; port 0 picks a free one.</source>
        <translation>地址和端口，例如 127.0.0.1:8443 或 [::1]:8443；端口为 0 时自动选择空闲端口。</translation>
    </message>
    <message>
        <source>URL path of the callbacks (default /wxpay/notify).</source>
        <translation>回调的 URL 路径（默认 /wxpay/notify）。</translation>
    </message>
    <message>
        <source>“wxrecon-cli serve-notify” takes no argument “%1”.</source>
        <translation>“wxrecon-cli serve-notify”不接受参数“%1”。</translation>
    </message>
    <message>
        <source>--listen “%1” is not HOST:PORT (e.g. 127.0.0.1:8443).</source>
        <translation>--listen “%1”不是 HOST:PORT 格式（例如 127.0.0.1:8443）。</translation>
    </message>
    <message>
        <source>--path “%1” must start with “/”.</source>
        <translation>--path “%1”必须以“/”开头。</translation>
    </message>
    <message>
        <source>platform certificate %1 added.</source>
        <translation>已添加平台证书 %1。</translation>
    </message>
    <message>
        <source>platform certificate %1 removed.</source>
        <translation>已移除平台证书 %1。</translation>
    </message>
    <message>
        <source>no WeChat Pay key is loaded yet; callbacks are refused until the platform certificates are downloaded.</source>
        <translation>尚未加载微信支付密钥；在下载平台证书之前将拒绝回调。</translation>
    </message>
    <message>
        <source>callback refused (%1, HTTP %2): %3</source>
        <translation>已拒绝回调（%1，HTTP %2）：%3</translation>
    </message>
    <message>
        <source>%1 callbacks: %2 applied, %3 duplicates, %4 ignored, %5 refused, %6 not recorded (503); %7 commits, largest %8.</source>
        <translation>%1 个回调：%2 个已应用，%3 个重复，%4 个已忽略，%5 个已拒绝，%6 个未记录（503）；%7 次提交，最大 %8。</translation>
    </message>
    <message>
        <source>Receive WeChat Pay callbacks into the ledger (a server)</source>
        <translation>接收微信支付回调并写入台账（服务端）</translation>
    </message>
    <message>
        <source>Prints callback metrics for a time range (the last hour by default): deliveries, duplicates, failures by cause, lost callbacks (paid per the bill or a query, no callback recorded), and p50/p95/p99 of the delay between payment and callback. Times without an offset are China Standard Time.</source>
        <translation>输出某个时间范围（默认最近一小时）的回调指标：投递数、重复数、按原因分类的失败数、丢失的回调（账单或查询显示已支付但未记录回调），以及支付到回调之间延迟的 p50/p95/p99。未带时区偏移的时间按北京时间处理。</translation>
    </message>
    <message>
        <source>Start of the range (ISO 8601; default: an hour ago).</source>
        <translation>范围起点（ISO 8601；默认：一小时前）。</translation>
    </message>
    <message>
        <source>End of the range, exclusive (ISO 8601; default: now).</source>
        <translation>范围终点，不含该时刻（ISO 8601；默认：当前时间）。</translation>
    </message>
    <message>
        <source>Rows per minute, hour or day (default: chosen from the range).</source>
        <translation>按分钟、小时或天分行（默认：根据范围自动选择）。</translation>
    </message>
    <message>
        <source>Minutes after payment without a callback that make it lost (default 10).</source>
        <translation>支付后超过多少分钟仍无回调即视为丢失（默认 10）。</translation>
    </message>
    <message>
        <source>“wxrecon-cli metrics” takes no argument “%1”.</source>
        <translation>“wxrecon-cli metrics”不接受参数“%1”。</translation>
    </message>
    <message>
        <source>--until “%1” is not an ISO 8601 time.</source>
        <translation>--until “%1”不是 ISO 8601 时间。</translation>
    </message>
    <message>
        <source>--since “%1” is not an ISO 8601 time.</source>
        <translation>--since “%1”不是 ISO 8601 时间。</translation>
    </message>
    <message>
        <source>--until must be later than --since.</source>
        <translation>--until 必须晚于 --since。</translation>
    </message>
    <message>
        <source>--bucket must be minute, hour or day.</source>
        <translation>--bucket 必须为 minute、hour 或 day。</translation>
    </message>
    <message>
        <source>--lost-after must be minutes from 1 to 1440.</source>
        <translation>--lost-after 必须为 1 到 1440 之间的分钟数。</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>正在读取</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>每分钟</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>每小时</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Callbacks from %1 to %2 (CST), %3.</source>
        <translation>%1 至 %2（北京时间）的回调，%3。</translation>
    </message>
    <message>
        <source>No callbacks were recorded in this range.</source>
        <translation>此范围内未记录任何回调。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>Dup.</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>p50 s</source>
        <translation>p50 秒</translation>
    </message>
    <message>
        <source>p95 s</source>
        <translation>p95 秒</translation>
    </message>
    <message>
        <source>p99 s</source>
        <translation>p99 秒</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>(%1 rows without callbacks are not shown.)</source>
        <translation>（未显示 %1 个无回调的行。）</translation>
    </message>
    <message>
        <source>Failure rate: %1 % (WeChat&apos;s probes not counted); retries seen: %2.</source>
        <translation>失败率：%1%（不计微信支付的探测）；观察到的重试：%2 次。</translation>
    </message>
    <message>
        <source>Processing time (receipt to commit): p95 %1 ms.</source>
        <translation>处理耗时（接收至提交）：p95 %1 ms。</translation>
    </message>
    <message>
        <source>Failures by cause:</source>
        <translation>按原因分类的失败：</translation>
    </message>
    <message>
        <source>Alerts:</source>
        <translation>告警：</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>since %1, open</source>
        <translation>自 %1 起，未解决</translation>
    </message>
    <message>
        <source>Print callback delays, failures and alerts of a time range</source>
        <translation>输出某个时间范围内的回调延迟、失败和告警</translation>
    </message>
    <message>
        <source>Imports the merchant&apos;s orders (and refunds) into the ledger, or exports them.
  import: upserts by order and refund number; a bad row fails the whole import and nothing is imported.
  export: writes the same CSV schema.</source>
        <translation>将商户的订单（及退款）导入台账，或将其导出。
  import：按订单号和退款单号插入或更新；任何一行有误都会导致整个导入失败，不导入任何内容。
  export：按相同的 CSV 结构写出。</translation>
    </message>
    <message>
        <source>import or export</source>
        <translation>import 或 export</translation>
    </message>
    <message>
        <source>orders.csv to read or write.</source>
        <translation>要读取或写入的 orders.csv。</translation>
    </message>
    <message>
        <source>refunds.csv to read or write (optional).</source>
        <translation>要读取或写入的 refunds.csv（可选）。</translation>
    </message>
    <message>
        <source>“wxrecon-cli ledger” needs “import” or “export”.</source>
        <translation>“wxrecon-cli ledger”需要“import”或“export”。</translation>
    </message>
    <message>
        <source>Orders: %1 read, %2 new, %3 updated, %4 unchanged, %5 states kept by the state rules.</source>
        <translation>订单：读取 %1 笔，新增 %2 笔，更新 %3 笔，未变化 %4 笔，%5 笔按状态规则保留原状态。</translation>
    </message>
    <message>
        <source>Refunds: %1 read, %2 new, %3 updated, %4 unchanged, %5 states kept by the state rules.</source>
        <translation>退款：读取 %1 笔，新增 %2 笔，更新 %3 笔，未变化 %4 笔，%5 笔按状态规则保留原状态。</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Exported %1 orders and %2 refunds.</source>
        <translation>已导出 %1 笔订单和 %2 笔退款。</translation>
    </message>
    <message>
        <source>Import or export the ledger&apos;s orders and refunds (CSV)</source>
        <translation>导入或导出台账中的订单和退款（CSV）</translation>
    </message>
    <message>
        <source>Reconciliation of %1 (run %2)</source>
        <translation>%1 的对账（运行 %2）</translation>
    </message>
    <message>
        <source>ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>settlement</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>count</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>%1 discrepancies: %2 new, %3 no longer found and resolved.</source>
        <translation>%1 条差异：%2 条新增，%3 条已不存在并已解决。</translation>
    </message>
    <message>
        <source>Previous day&apos;s cross-day pending orders: %1 found in this bill, %2 now missing in bill.</source>
        <translation>前一日的跨日待定订单：%1 笔在本账单中找到，%2 笔现为账单缺失（短款）。</translation>
    </message>
    <message>
        <source>Reconciles one bill date: matches the imported trade bill against the ledger, stores the discrepancies (keeping the states and notes of known ones) and prints the totals per kind.</source>
        <translation>对一个账单日期进行对账：将已导入的交易账单与台账进行匹配，保存差异（保留已知差异的状态和备注），并按类型输出合计。</translation>
    </message>
    <message>
        <source>Cross-day window in seconds before midnight (default 300).</source>
        <translation>零点前的跨日窗口，单位为秒（默认 300）。</translation>
    </message>
    <message>
        <source>--window must be a number of seconds from 0 to 86400.</source>
        <translation>--window 必须为 0 到 86400 之间的秒数。</translation>
    </message>
    <message>
        <source>Reconciling</source>
        <translation>正在对账</translation>
    </message>
    <message>
        <source>Reconcile one bill date against the ledger</source>
        <translation>将某个账单日期与台账对账</translation>
    </message>
    <message>
        <source>--type must be ALL, SUCCESS or REFUND.</source>
        <translation>--type 必须为 ALL、SUCCESS 或 REFUND。</translation>
    </message>
    <message>
        <source>The %1 bill of %2 is still being generated (STATEMENT_CREATING); try again after 10:00 China time.</source>
        <translation>%2 的 %1 账单仍在生成中（STATEMENT_CREATING）；请在北京时间 10:00 后重试。</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>正在记录</translation>
    </message>
    <message>
        <source>WeChat Pay has no %1 bill for %2 (NO_STATEMENT_EXIST: no trade that day); recorded as an empty day.</source>
        <translation>微信支付没有 %2 的 %1 账单（NO_STATEMENT_EXIST：当天无交易）；已记录为空账单日。</translation>
    </message>
    <message>
        <source>Imports a WeChat Pay bill into the ledger.
  import: a trade bill (ALL, SUCCESS or REFUND) or fund-flow bill, plain or gzip; its summary is checked and nothing is imported if it does not add up.
  fetch: downloads the trade bill of a date from WeChat Pay (SHA-1 checked) and imports it.</source>
        <translation>将微信支付账单导入台账。
  import：导入交易账单（ALL、SUCCESS 或 REFUND）或资金账单，明文或 gzip；会核对汇总，汇总不符则不导入任何数据。
  fetch：从微信支付下载某日的交易账单（校验 SHA-1）并导入。</translation>
    </message>
    <message>
        <source>import or fetch</source>
        <translation>import 或 fetch</translation>
    </message>
    <message>
        <source>fetch: merchant configuration (INI).</source>
        <translation>fetch：商户配置（INI）。</translation>
    </message>
    <message>
        <source>fetch: ALL (default), SUCCESS or REFUND.</source>
        <translation>fetch：ALL（默认）、SUCCESS 或 REFUND。</translation>
    </message>
    <message>
        <source>“wxrecon-cli bill” needs “import” or “fetch”.</source>
        <translation>“wxrecon-cli bill”需要“import”或“fetch”。</translation>
    </message>
    <message>
        <source>Import or fetch a WeChat Pay bill into the ledger</source>
        <translation>将微信支付账单导入或下载到台账</translation>
    </message>
    <message>
        <source>stopped after %1 callbacks (%2 applied, %3 duplicates, %4 refused, %5 not recorded) in %6 commits, largest %7.</source>
        <translation>已停止，共 %1 条回调（应用 %2，重复 %3，拒绝 %4，未记录 %5），共 %6 次提交，最大批次 %7。</translation>
    </message>
    <message>
        <source>The PDF report needs wxrecon-cli-pdf, which is not installed next to wxrecon-cli (looked in %1).</source>
        <translation>PDF 报表需要 wxrecon-cli-pdf，但它没有与 wxrecon-cli 一同安装（已查找 %1）。</translation>
    </message>
    <message>
        <source>wxrecon-cli-pdf could not be started: %1</source>
        <translation>无法启动 wxrecon-cli-pdf：%1</translation>
    </message>
    <message>
        <source>Reading the ledger</source>
        <translation>正在读取账本</translation>
    </message>
    <message>
        <source>The %1 bill of %2 is unchanged: the ledger holds it already (SHA-1 %3, imported %4); nothing was downloaded.</source>
        <translation>%2 的 %1 账单没有变化：账本中已有该账单（SHA-1 %3，导入于 %4），未重新下载。</translation>
    </message>
    <message>
        <source>Callbacks of this date the ledger did not expect (flagged for review):</source>
        <translation>该日的回调异常（台账未预料到的回调，已标记待核查）：</translation>
    </message>
    <message>
        <source>WeChat Pay has no bill for this date (no payment or refund); the ledger&apos;s payments of the date are missing in the bill.</source>
        <translation>微信支付该日无账单（无支付或退款）；台账中该日的支付均视为账单缺失。</translation>
    </message>
</context>
<context>
    <name>wxrecon_sim</name>
    <message>
        <source>Run “wxrecon-sim --help” for the list of commands.</source>
        <translation>运行“wxrecon-sim --help”查看命令列表。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>“wxrecon-sim %1” takes no argument “%2”.</source>
        <translation>“wxrecon-sim %1”不接受参数“%2”。</translation>
    </message>
    <message>
        <source>Orders created on the day.</source>
        <translation>当天创建的订单数。</translation>
    </message>
    <message>
        <source>Bill date, YYYY-MM-DD (CST).</source>
        <translation>账单日期，YYYY-MM-DD（北京时间）。</translation>
    </message>
    <message>
        <source>Random seed (same seed, same day).</source>
        <translation>随机种子（种子相同，生成的当日数据相同）。</translation>
    </message>
    <message>
        <source>Merchant id (default 1900000001).</source>
        <translation>商户号（默认 1900000001）。</translation>
    </message>
    <message>
        <source>Share of orders for one kind of case, e.g. MISSING_IN_BILL=0.01 (repeatable; see docs/simulator.md).</source>
        <translation>某类情况所占的订单比例，例如 MISSING_IN_BILL=0.01（可重复指定；见 docs/simulator.md）。</translation>
    </message>
    <message>
        <source>Bills without a UTF-8 BOM.</source>
        <translation>生成不带 UTF-8 BOM 的账单。</translation>
    </message>
    <message>
        <source>Bills with LF line ends (default CRLF).</source>
        <translation>账单使用 LF 换行（默认 CRLF）。</translation>
    </message>
    <message>
        <source>Fee total as the exact 5-decimal sum (exact, default) or rounded to fen (fen).</source>
        <translation>手续费合计取精确的 5 位小数之和（exact，默认）或四舍五入到分（fen）。</translation>
    </message>
    <message>
        <source>Summary counts printed as “45.0”.</source>
        <translation>汇总中的笔数输出为“45.0”形式。</translation>
    </message>
    <message>
        <source>Cross-day window before midnight in seconds (default 300).</source>
        <translation>零点前的跨日窗口，单位为秒（默认 300）。</translation>
    </message>
    <message>
        <source>--orders needs a whole number, not “%1”.</source>
        <translation>--orders 需要整数，而不是“%1”。</translation>
    </message>
    <message>
        <source>This command needs --date.</source>
        <translation>此命令需要 --date。</translation>
    </message>
    <message>
        <source>--seed needs a whole number, not “%1”.</source>
        <translation>--seed 需要整数，而不是“%1”。</translation>
    </message>
    <message>
        <source>--fee-total takes “exact” or “fen”, not “%1”.</source>
        <translation>--fee-total 接受“exact”或“fen”，而不是“%1”。</translation>
    </message>
    <message>
        <source>--window needs a whole number of seconds.</source>
        <translation>--window 需要整数秒数。</translation>
    </message>
    <message>
        <source>Write a generated bill day: trade bills (ALL, SUCCESS, REFUND, ALL gzip), the fund-flow bill, the ledger (orders.csv, refunds.csv) and truth.csv, the discrepancy report reconciling them must produce.</source>
        <translation>写出生成的一天账单数据：交易账单（ALL、SUCCESS、REFUND、ALL gzip）、资金账单、台账（orders.csv、refunds.csv）以及 truth.csv，即对它们对账时应得出的差异报表。</translation>
    </message>
    <message>
        <source>Output directory.</source>
        <translation>输出目录。</translation>
    </message>
    <message>
        <source>Skip the .csv.gz copy.</source>
        <translation>不生成 .csv.gz 副本。</translation>
    </message>
    <message>
        <source>“wxrecon-sim gen-day” needs --orders, --date, --seed and --out.</source>
        <translation>“wxrecon-sim gen-day”需要 --orders、--date、--seed 和 --out。</translation>
    </message>
    <message>
        <source>Run the local WeChat Pay v3 stand-in on 127.0.0.1: signed API, bills, callbacks, faults and the /_sim/ control API (docs/simulator.md).</source>
        <translation>在 127.0.0.1 上运行本地微信支付 v3 模拟服务：带签名的 API、账单、回调、故障注入及 /_sim/ 控制 API（docs/simulator.md）。</translation>
    </message>
    <message>
        <source>Port (0 = any free port).</source>
        <translation>端口（0 = 任意空闲端口）。</translation>
    </message>
    <message>
        <source>Directory for keys and merchant.ini (reused).</source>
        <translation>存放密钥和 merchant.ini 的目录（可复用）。</translation>
    </message>
    <message>
        <source>Signing keys: cert, pubkey or both (default cert).</source>
        <translation>签名密钥：cert、pubkey 或 both（默认 cert）。</translation>
    </message>
    <message>
        <source>Where callbacks are sent.</source>
        <translation>回调发送地址。</translation>
    </message>
    <message>
        <source>Divide the callback retry schedule by K.</source>
        <translation>将回调重试间隔除以 K。</translation>
    </message>
    <message>
        <source>Fault settings, e.g. query:error500=0.1;notify:lost=0.05.</source>
        <translation>故障设置，例如 query:error500=0.1;notify:lost=0.05。</translation>
    </message>
    <message>
        <source>download_url lifetime in seconds (default 30).</source>
        <translation>download_url 的有效期，单位为秒（默认 30）。</translation>
    </message>
    <message>
        <source>Accepted request timestamp distance in seconds (default 300).</source>
        <translation>允许的请求时间戳偏差，单位为秒（默认 300）。</translation>
    </message>
    <message>
        <source>Bills answer STATEMENT_CREATING for this many seconds.</source>
        <translation>在此秒数内，账单接口返回 STATEMENT_CREATING。</translation>
    </message>
    <message>
        <source>Share of NOTPAY orders paid while running.</source>
        <translation>运行期间被支付的 NOTPAY 订单比例。</translation>
    </message>
    <message>
        <source>Seconds until those orders are paid (default 30).</source>
        <translation>这些订单被支付前的秒数（默认 30）。</translation>
    </message>
    <message>
        <source>/v3/certificates answer in pubkey mode: empty, resource_not_exists or not_found.</source>
        <translation>pubkey 模式下 /v3/certificates 的应答：empty、resource_not_exists 或 not_found。</translation>
    </message>
    <message>
        <source>“wxrecon-sim serve” needs --port and --state-dir.</source>
        <translation>“wxrecon-sim serve”需要 --port 和 --state-dir。</translation>
    </message>
    <message>
        <source>--%1 needs a number between %2 and %3.</source>
        <translation>--%1 需要 %2 到 %3 之间的数字。</translation>
    </message>
    <message>
        <source>--key-mode takes cert, pubkey or both.</source>
        <translation>--key-mode 接受 cert、pubkey 或 both。</translation>
    </message>
    <message>
        <source>--no-certificates takes empty, resource_not_exists or not_found.</source>
        <translation>--no-certificates 接受 empty、resource_not_exists 或 not_found。</translation>
    </message>
    <message>
        <source>Usage: wxrecon-sim &lt;command&gt; [options]</source>
        <translation>用法：wxrecon-sim &lt;command&gt; [options]</translation>
    </message>
    <message>
        <source>Local WeChat Pay v3 stand-in for tests and demos.</source>
        <translation>用于测试和演示的本地微信支付 v3 模拟服务。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Write a generated day&apos;s bills, ledger and truth.csv</source>
        <translation>写出生成的一天的账单、台账和 truth.csv</translation>
    </message>
    <message>
        <source>Run the signed HTTP stand-in on 127.0.0.1</source>
        <translation>在 127.0.0.1 上运行带签名的 HTTP 模拟服务</translation>
    </message>
    <message>
        <source>Run “wxrecon-sim &lt;command&gt; --help” for the options of one command.</source>
        <translation>运行“wxrecon-sim &lt;command&gt; --help”查看某个命令的选项。</translation>
    </message>
    <message>
        <source>Unknown command “%1”.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>Seconds until a refund made through the control API succeeds (default 5).</source>
        <translation>通过控制 API 发起的退款在多少秒后成功（默认 5）。</translation>
    </message>
    <message>
        <source>Wrote %1 orders (%2 of them in orders.csv), %3 refunds (%4 in refunds.csv), %5 bill rows and %6 discrepancies to %7 in %8 ms.</source>
        <translation>已在 %8 ms 内将 %1 笔订单（其中 %2 笔在 orders.csv 中）、%3 笔退款（%4 笔在 refunds.csv 中）、%5 行账单和 %6 条差异写入 %7。</translation>
    </message>
    <message>
        <source>Options: --version, --help, --lang zh_CN|en (or WXRECON_LANG).</source>
        <translation>选项：--version、--help、--lang zh_CN|en（或环境变量 WXRECON_LANG）。</translation>
    </message>
    <message>
        <source>Unknown language “%1”; use zh_CN or en.</source>
        <translation>未知语言“%1”，请使用 zh_CN 或 en。</translation>
    </message>
</context>
</TS>
