<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>wxr::core::ApiClient</name>
    <message>
        <source>WeChat Pay could not be reached for %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer of WeChat Pay to %1 failed verification and was discarded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant order number “%1” must be 1 to 32 letters, digits, “_”, “-” or “*”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query of order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay order number “%1” must be 1 to 32 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query of WeChat Pay order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant refund number “%1” must be 1 to 64 letters, digits, “_”, “-”, “|”, “*” or “@”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query of refund %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill date is not a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bill of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill application for %1 did not return a download address and digest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download address of the bill of %1 is not an https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill of %1 comes with a %2 digest; only SHA1 is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the download of the bill of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill of %1 could not be decompressed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill of %1 does not match its SHA-1 digest (expected %2, got %3) and was discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the download of the platform certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform certificate list failed verification and was discarded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay lists no platform certificates for merchant %1 and no WeChat Pay public key is configured; set public_key_id and public_key_file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::AppContext</name>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(On the ledger of “%1”, not the one shown now.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(On the ledger %1, not the one shown now.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::AppStatusBar</name>
    <message>
        <source>No merchant configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last bill: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched at %1 (China Standard Time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bill fetched yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: WeChat Pay public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: none available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health of the platform certificate or WeChat Pay public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler: waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler: running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler: failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Keys: valid for %Ln day(s)</source>
        <translation>
            <numerusform>Keys: valid for %Ln day</numerusform>
            <numerusform>Keys: valid for %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keys: expire in %Ln day(s)</source>
        <translation>
            <numerusform>Keys: expire in %Ln day</numerusform>
            <numerusform>Keys: expire in %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open alert(s)</source>
        <translation>
            <numerusform>%Ln open alert</numerusform>
            <numerusform>%Ln open alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::CallbackAnomaliesDialog</name>
    <message>
        <source>Callback anomalies of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks that the ledger did not expect. Each was applied (WeChat Pay has the money) and its order is flagged for review: check the order in your own system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded (CST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant refund no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::CallbackFailureModel</name>
    <message>
        <source>Received (CST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::ConnectionTester</name>
    <message>
        <source>Connected: WeChat Pay answered; this merchant verifies with the WeChat Pay public key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: WeChat Pay answered with %Ln verified platform certificate(s); the newest is valid until %1.</source>
        <translation>
            <numerusform>Connected: WeChat Pay answered with %Ln verified platform certificate; the newest is valid until %1.</numerusform>
            <numerusform>Connected: WeChat Pay answered with %Ln verified platform certificates; the newest is valid until %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::CopyableTableView</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::DailyFetch</name>
    <message>
        <source>Daily bill fetch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Daily fetch: %1 reconciled, %Ln discrepancies.</source>
        <translation>
            <numerusform>Daily fetch: %1 reconciled, %Ln discrepancy.</numerusform>
            <numerusform>Daily fetch: %1 reconciled, %Ln discrepancies.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::DayCalendar</name>
    <message>
        <source>No bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open discrepancies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All settled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::DelayChart</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50 (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::DelayHistogramChart</name>
    <message>
        <source>Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delay %1–%2 s: %Ln callback(s)</source>
        <translation>
            <numerusform>Delay %1–%2 s: %Ln callback</numerusform>
            <numerusform>Delay %1–%2 s: %Ln callbacks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::DiscrepancyDetail</name>
    <message>
        <source>Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger and bill side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When (CST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the selected discrepancies (why, who was asked, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen and being looked into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The difference is explained or fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not worth pursuing; kept out of the open list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-query order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask WeChat Pay for the order&apos;s current state and apply it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a discrepancy to see both sides and the order&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies selected; the actions apply to all of them.</source>
        <translation>
            <numerusform>%Ln discrepancy selected; the actions apply to all of them.</numerusform>
            <numerusform>%Ln discrepancies selected; the actions apply to all of them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::DiscrepancyModel</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::FailureChart</name>
    <message>
        <source>Failed callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::ImportActions</name>
    <message>
        <source>Importing the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 new, %2 updated, %3 unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the bill of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciling %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the callback log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the ledger: choose orders.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger CSV (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a bill file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a WeChat Pay bill file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay bills (*.csv *.csv.gz *.gz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import and reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a callback log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json *.log);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln orders imported</source>
        <translation>
            <numerusform>%Ln order imported</numerusform>
            <numerusform>%Ln orders imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %Ln refunds</source>
        <translation>
            <numerusform>; %Ln refund</numerusform>
            <numerusform>; %Ln refunds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bill of %1 imported and reconciled: %Ln discrepancies.</source>
        <translation>
            <numerusform>Bill of %1 imported and reconciled: %Ln discrepancy.</numerusform>
            <numerusform>Bill of %1 imported and reconciled: %Ln discrepancies.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln callbacks imported</source>
        <translation>
            <numerusform>%Ln callback imported</numerusform>
            <numerusform>%Ln callbacks imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln already there).</source>
        <translation>
            <numerusform> (%Ln already there).</numerusform>
            <numerusform> (%Ln already there).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::JobRunner</name>
    <message>
        <source>The job “%1” ended without a result.</source>
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
        <source>“%1” was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merchant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About wxrecon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About wxrecon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wxrecon %1 reconciles WeChat Pay bills against your order ledger, monitors payment callbacks and re-queries stuck orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language takes effect when wxrecon restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wxrecon could not restart itself; please start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;ledger (orders.csv)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a &amp;bill file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a &amp;callback log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::MerchantConfigLoader</name>
    <message>
        <source>The APIv3 key file “%1” cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::MerchantServices</name>
    <message>
        <source>No merchant is configured; add one under Settings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback receiver could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merchant %1 has no APIv3 key, which decrypts the callbacks; enter it under Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no ledger is open; choose one under Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-querying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was re-queried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not refreshed: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback receiver now takes the callbacks of merchant %1; those of merchant %2 are refused until it is chosen again (WeChat Pay retries them for about a day).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending</source>
        <translation>
            <numerusform>%Ln pending</numerusform>
            <numerusform>%Ln pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due</source>
        <translation>
            <numerusform>%Ln due</numerusform>
            <numerusform>%Ln due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need attention</source>
        <translation>
            <numerusform>%Ln needs attention</numerusform>
            <numerusform>%Ln need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::MonitorData</name>
    <message>
        <source>Reading callback metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::MonitorView</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback delay after payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures by cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent callback failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading callback metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alert could not be sent to the webhook: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln callbacks</source>
        <translation>
            <numerusform>%Ln callback</numerusform>
            <numerusform>%Ln callbacks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lost</source>
        <translation>
            <numerusform>%Ln lost</numerusform>
            <numerusform>%Ln lost</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::NoticeBar</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::OrderLookupView</name>
    <message>
        <source>Merchant order no., refund no. or WeChat Pay transaction id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-query at WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested (CST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded (CST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When (CST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an order, refund or transaction number and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger has no order or refund “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking WeChat Pay about transaction %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither the ledger nor WeChat Pay knows “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay knows transaction %1 as order %2 (%3), which the ledger does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger has no order “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1: %2, ¥%3; created %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, paid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; transaction %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Flagged for review: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>the end of the order&apos;s summary sentence</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::PathEdit</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::ProfileEditor</name>
    <message>
        <source>Choose the merchant private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM private keys (*.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the APIv3 key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both (during migration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the WeChat Pay public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM public keys (*.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder for downloaded platform certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant ID (mchid):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API certificate serial:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APIv3 key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or APIv3 key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature verification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored — type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>32 characters, from the merchant platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if the key file is encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant ID of “%1” must be digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API certificate serial of “%1” must be hexadecimal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile “%1” needs the merchant private key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key file “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The APIv3 key must be exactly 32 ASCII characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The APIv3 key file “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API base URL of “%1” must be an http or https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile “%1” uses the WeChat Pay public key but has no public key ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key file “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose this merchant&apos;s ledger file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite ledgers (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders, bills and discrepancies of this merchant. Each merchant needs a ledger of its own; empty = the default ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default ledger (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::ProgressPresenter</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::ReconcileView</name>
    <message>
        <source>Fetch bill &amp;&amp; reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the day&apos;s trade bill from WeChat Pay, import it and reconcile it against the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconcile again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the reconciliation again on the bill already imported; states and notes are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the day&apos;s discrepancy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (Excel-friendly)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search order, transaction, refund no. or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a merchant under Settings to query WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a merchant under Settings to fetch bills.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill date %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching and reconciling %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciling %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the discrepancy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the report of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay offers a day&apos;s bill from 10:00 (China Standard Time) the next day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows are too many to sort; they stay in report order. Narrow the filter to sort by another column.</source>
        <translation>
            <numerusform>%Ln rows are too many to sort; they stay in report order. Narrow the filter to sort by another column.</numerusform>
            <numerusform>%Ln rows are too many to sort; they stay in report order. Narrow the filter to sort by another column.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies</source>
        <translation>
            <numerusform>%Ln discrepancy</numerusform>
            <numerusform>%Ln discrepancies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies reopened.</source>
        <translation>
            <numerusform>%Ln discrepancy reopened.</numerusform>
            <numerusform>%Ln discrepancies reopened.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies acknowledged.</source>
        <translation>
            <numerusform>%Ln discrepancy acknowledged.</numerusform>
            <numerusform>%Ln discrepancies acknowledged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies resolved.</source>
        <translation>
            <numerusform>%Ln discrepancy resolved.</numerusform>
            <numerusform>%Ln discrepancies resolved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies ignored.</source>
        <translation>
            <numerusform>%Ln discrepancy ignored.</numerusform>
            <numerusform>%Ln discrepancies ignored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 reconciled: %Ln discrepancies, %2 new, %3 resolved by the run.</source>
        <translation>
            <numerusform>%1 reconciled: %Ln discrepancy, %2 new, %3 resolved by the run.</numerusform>
            <numerusform>%1 reconciled: %Ln discrepancies, %2 new, %3 resolved by the run.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::ReportsView</name>
    <message>
        <source>Discrepancy reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (Excel-friendly, every row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (summary and rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF summary for the accountant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrepancies in the range by kind and state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the discrepancy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the report of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln discrepancies from %1 to %2.</source>
        <translation>
            <numerusform>%Ln discrepancy from %1 to %2.</numerusform>
            <numerusform>%Ln discrepancies from %1 to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::RequeryQueueModel</name>
    <message>
        <source>Unpaid, no callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status differs from bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing in bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing in ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund still processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay: %1; ledger: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order / refund no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt (CST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result just now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::Screenshotter</name>
    <message>
        <source>The screenshot folder “%1” could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screenshot “%1” could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::SecretStore</name>
    <message>
        <source>No keychain service is reachable, so secrets are kept for this session only; to keep the APIv3 key across restarts, point the profile to a key file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::SettingsView</name>
    <message>
        <source>Merchant profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules, rules and alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads the platform certificates with this profile: checks the merchant ID, serial, private key, APIv3 key and the network in one call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger and bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the ledger file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite ledgers (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>China Standard Time. WeChat Pay publishes the previous day&apos;s bill after 10:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments this close to midnight may be booked in the next day&apos;s bill and are re-checked then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch bills daily at (CST):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-midnight window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stuck orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-query stuck orders automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stuck after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts per order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure rate above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95th percentile delay above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No callbacks for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive payment callbacks on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two profiles are named “%1”; each needs its own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook URL “%1” is not an http or https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger of merchant profiles without a ledger file of their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default ledger file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import INI…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new profile from a merchant INI file, as used by wxrecon-cli --config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a merchant INI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant settings (*.ini);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant INI %1 could not be imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant %1 was read from %2; check the profile and save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profiles “%1” and “%2” are different merchants but share the ledger file %3; give one of them a ledger file of its own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::StuckOrdersView</name>
    <message>
        <source>Orders and refunds waiting for WeChat Pay&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-query automatically (with back-off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for newly stuck orders and refunds by the rules in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting or needing attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-query selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-query all stuck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stuck orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler is starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler is off; re-query by hand or switch it on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next run in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-querying every stuck order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for stuck orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s), the first %1 shown</source>
        <translation>
            <numerusform>%Ln item, the first %1 shown</numerusform>
            <numerusform>%Ln items, the first %1 shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scheduler on: %Ln waiting</source>
        <translation>
            <numerusform>Scheduler on: %Ln waiting</numerusform>
            <numerusform>Scheduler on: %Ln waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due now</source>
        <translation>
            <numerusform>%Ln due now</numerusform>
            <numerusform>%Ln due now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in flight</source>
        <translation>
            <numerusform>%Ln in flight</numerusform>
            <numerusform>%Ln in flight</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need attention</source>
        <translation>
            <numerusform>%Ln needs attention</numerusform>
            <numerusform>%Ln need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stuck order(s) or refund(s) added to the queue.</source>
        <translation>
            <numerusform>%Ln stuck order or refund added to the queue.</numerusform>
            <numerusform>%Ln stuck orders or refunds added to the queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-querying %Ln order(s)</source>
        <translation>
            <numerusform>Re-querying %Ln order</numerusform>
            <numerusform>Re-querying %Ln orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln queried: %1 changed, %2 unchanged, %3 failed, %4 discrepancies resolved.</source>
        <translation>
            <numerusform>%Ln queried: %1 changed, %2 unchanged, %3 failed, %4 discrepancies resolved.</numerusform>
            <numerusform>%Ln queried: %1 changed, %2 unchanged, %3 failed, %4 discrepancies resolved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wxr::ui::SummaryCards</name>
    <message>
        <source>Payments (ledger | bill)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds (ledger | bill)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill fees and settlement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reconciled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fees ¥%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settlement ¥%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the day&apos;s callback anomalies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback anomalies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay has no bill for this day
(no payment or refund)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s), ¥%1</source>
        <translation>
            <numerusform>%Ln item, ¥%1</numerusform>
            <numerusform>%Ln items, ¥%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln found</source>
        <translation>
            <numerusform>%Ln found</numerusform>
            <numerusform>%Ln found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln still open</source>
        <translation>
            <numerusform>%Ln still open</numerusform>
            <numerusform>%Ln still open</numerusform>
        </translation>
    </message>
    <message>
        <source>The ledger and the bill agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill minus ledger: %1 payments, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill minus ledger: %1 refunds, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::TimeRangeBar</name>
    <message>
        <source>Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A range you choose (China Standard Time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::VolumeChart</name>
    <message>
        <source>Per bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxr::ui::jobs</name>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the bill of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay is still preparing the bill of %1; try again after 10:00 (China Standard Time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the bill of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciling %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This format cannot be written by this build of wxrecon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay has no bill for the day (no payment or refund).</source>
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
    <message>
        <source>Cannot create the certificate folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the certificate cache %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the certificate cache %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate cache %1 is damaged; delete it and refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the certificate file %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted %1 has no ciphertext.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted %1 has no nonce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encryption algorithm “%1” is not supported; only AEAD_AES_256_GCM is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ciphertext is not valid Base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate list from WeChat Pay is not the expected JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate entry from WeChat Pay lacks its serial number or validity times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate listed as %1 carries serial %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 field “%2” is not text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 lacks the field “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 amount “%2” is not a whole number of fen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 time “%2” is not RFC 3339: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compressed bill is damaged or incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compressed bill expands to more than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund lacks the field “status”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of %2 is not a “Name: value” header line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Authorization header uses the scheme “%1”, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Authorization header has a field without “=”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Authorization header field “%1” has no closing quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Authorization header repeats the field “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Authorization header lacks the field “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Authorization header timestamp “%1” is not Unix seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay signature headers are missing (%1); a message without them is treated as forged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature type “%1” is not supported; only %2 is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wechatpay-Timestamp “%1” is not Unix seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wechatpay-Timestamp is %1 s away from the time of the check; at most 300 s are accepted (check the clock).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature is a WeChat Pay probe (WECHATPAY/SIGNTEST/); it is rejected on purpose so that WeChat Pay sees the check working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay certificate %1 is not valid at this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No WeChat Pay certificate or public key with serial %1 is known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wechatpay-Signature is not valid Base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay signature does not match the message (signed with key %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No WeChat Pay public key or valid platform certificate is available to encrypt a sensitive field; refresh the certificates first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the merchant configuration %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of %2 is not a valid section header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of %2 is not a “key=value” line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The APIv3 key from %1 is %2 bytes long; it must be exactly 32 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The APIv3 key from %1 contains characters other than ASCII letters, digits and punctuation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 is readable by other users; restrict it to its owner (chmod 600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting [%1] %2 in %3 is not known and is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant id ([merchant] mchid) is missing in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant id “%1” from %2 must be digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant certificate serial ([merchant] serial_no) is missing in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant certificate serial from %1 must be hexadecimal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant private key file ([merchant] private_key_file) is missing in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant private key file %1 (from %2) does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the APIv3 key file %1 (from %2): %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APIv3 key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address “%1” from %2 is not a valid base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address %1 uses plain HTTP; only a local stand-in should be reached without HTTPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address %1 must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A public key id is set but no public key file ([wechatpay] public_key_file) in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A public key file is set but no public key id ([wechatpay] public_key_id) in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay public key file %1 (from %2) does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key id “%1” does not start with PUB_KEY_ID_; check that it is the id shown next to the key on the merchant platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key mode “%1” from %2 needs public_key_id and public_key_file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key mode “%1” from %2 is not one of cert, pubkey, both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting [client] %1 = “%2” in %3 must be a number from %4 to %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No APIv3 key is configured (apiv3_key_file or apiv3_key in %1, or WXRECON_APIV3_KEY_FILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the merchant settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No merchant private key file is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay refused %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay refused %1: %2, “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer of WeChat Pay to %1 is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer of WeChat Pay to %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it describes order %1 instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it describes refund %1 instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No merchant private key is configured for signing requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported signature type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decryption failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>misrouted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An accepted callback carries no payload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is not valid JSON: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” of the %2 is not a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” of the %2 is missing or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” of the %2 is longer than %3 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “amount.%1” of the %2 is not a whole number of fen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “amount” of the %1 is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “success_time” of the %1 is not an RFC 3339 time: “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callback body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback body has no “resource” object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callback resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback resource uses algorithm “%1”; only AEAD_AES_256_GCM is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ciphertext of callback %1 is not valid Base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ciphertext of callback %1 is shorter than its tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback %1 could not be decrypted: the APIv3 key is wrong or was changed in the merchant platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund notice has no refund_status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: field “%3” %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number of at least 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: not a JSON object (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an RFC 3339 time with an offset: “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be RFC 3339 text or Unix milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an HTTP status between 100 and 599.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is “%1”; expected applied, duplicate, ignored, rejected or error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome “%1” contradicts HTTP status %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is “%1”, not a known cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cause “%1” is given for an acknowledged callback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback log “%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback import was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines, %2 already imported, %3 invalid skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback receiver is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback receiver cannot listen on %1 port %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver stopped before the callback was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger did not commit the callback within %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request used method %1; callbacks are POST requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body has %1 bytes, more than the %2 a callback may have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is not JSON (Content-Type “%1”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback %1 is for merchant %2, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback was not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bill could not be compressed for the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the bill was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bill could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SHA-1 digest of the bill could not be computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gzip data is corrupt (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gzip data is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gzip data ends early; the file is truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column “%2”: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line is longer than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after the summary line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header names this column twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown bill layout: refund columns are incomplete in the header “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown bill layout; the header is “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has %1 fields but the header has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an exact amount in yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a time in the form yyyy-MM-dd HH:mm:ss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the merchant order number is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the trade state is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a refund row has no merchant refund number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column totals exceed the range of an amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is neither 收入 nor 支出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the summary header names this column twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a detail row or the summary header, found “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the summary line does not start with a backtick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the summary line has %1 fields but its header has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the summary says “%1” is %2 but the file has %3 detail rows; the file may be truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the summary says “%1” is %2 yuan but the rows add up to %3 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the summary says “%1” is %2 yuan but the row fees add up to %3 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bill ends without its summary lines; the file is truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook could not be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay reconciliation, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger refunds (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill refunds (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fees (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 rows do not fit in one sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be moved into place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing in ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing in bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate in bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-day pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant refund no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger refund (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill refund (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a date or a range such as 2026-11-01..2026-11-30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range “%1” ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an RFC 3339 time with an offset, such as 2026-11-26T10:12:00+08:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a date in the form YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains a damaged certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate in %1 does not carry an RSA key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No private key is loaded for signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate serial “%1” is not hexadecimal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating a self-signed certificate failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The APIv3 key is %1 bytes long; AEAD_AES_256_GCM needs exactly 32 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AEAD nonce is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AEAD ciphertext is %1 bytes long, shorter than its 16-byte authentication tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AEAD_AES_256_GCM decryption failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AEAD authentication tag does not match: the APIv3 key is wrong or was changed, or the data was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AEAD_AES_256_GCM encryption failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a certificate, not a public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a private key, not a public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PEM public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains a damaged public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a %2 key; WeChat Pay uses RSA keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a %2-bit RSA key; at least 2048 bits are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the public key file %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No public key is loaded for encryption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA-OAEP encryption could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA-OAEP encryption failed; the text is %1 bytes long, more than one RSA block holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key %1 is protected by a passphrase; wxrecon needs it unencrypted (convert it with “openssl pkey”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a certificate, not the merchant private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a public key, not the merchant private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PEM private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains a damaged private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a %2 key; the merchant API key must be RSA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the private key file %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating a %1-bit RSA key failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA-SHA256 signing could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA-SHA256 signing failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No private key is loaded for decryption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA-OAEP decryption could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA-OAEP decryption failed: the data was not encrypted for this key or is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without Request-ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request-ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The re-query of %1 vanished while it was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query was cancelled before it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answer (%1) was applied before; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2 ms%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order %1 vanished while it was updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid after close: WeChat Pay reports %1 after the close request (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid after the order was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay reports %1 but the ledger keeps %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explained by the order query of %1 at %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: WeChat Pay booked the payment at %2, on the bill of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: WeChat Pay reports %2; the ledger now agrees with the bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the refund is ABNORMAL at WeChat Pay and needs manual handling there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown to WeChat Pay and to the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to be closed at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still %1 after %2 attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n discrepancy(s) resolved</source>
        <translation>
            <numerusform>%n discrepancy resolved</numerusform>
            <numerusform>%n discrepancies resolved</numerusform>
        </translation>
    </message>
    <message>
        <source>The merchant order number “%1” must be 1 to 32 letters, digits, “_”, “-” or “*”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant refund number “%1” must be 1 to 64 letters, digits, “_”, “-”, “|”, “*” or “@”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query of order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query of refund %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger “%1” could not %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the query history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record the query of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the query history of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count the query history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant configuration “%1” cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of %2 is not a known [requery] setting: “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting [requery] %1 = “%2” in %3 is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The re-query setting %1 must be %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from 1 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 1 ms and not more than backoff_cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero or more and not more than backoff_cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from 0.1 to 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from 1 to 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero or more and not more than cooldown_cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 100 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no order or refund number to query.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The re-query was cancelled after %1 of %2 orders and refunds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A re-query needs an order or refund number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue a re-query of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the re-query of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read re-query %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the due re-queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the re-query queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update the re-query of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The re-query queue has no entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-arm re-query %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count the re-query queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no transaction is active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read refund %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the refunds of order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refund state needs a refund number and a state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger has no refund %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 is unknown to the ledger and the event does not name its order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown to the ledger until this %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create refund %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount %1 fen differs from the ledger&apos;s %2 fen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update refund %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of %1 was cancelled; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no bill date was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: the row is dated %2, not on the bill date %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its SHA-1 is %1 but WeChat Pay&apos;s hash_value is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the bills of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read bill %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger has no bill %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count discrepancies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list discrepancies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read discrepancy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger has no discrepancy %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update discrepancy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order created: %1 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid (ledger time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 initiated: %2 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill row: refund %1 of %2 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill row: %1, %2 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the history of order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3 → %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reconciliation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ledger is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prepare a statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run a statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order state needs an order number and a state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger has no order %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger “%1” could not be created: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ledger file was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger “%1” could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt SQLite driver does not expose its SQLite handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not support WAL mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger “%1” reported an error: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger “%1” is busy (another program is writing to it); could not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger “%1” was written by a newer wxrecon (schema “%2” version %3; this program knows up to %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger “%1” could not be upgraded to schema “%2” version %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger “%1” could not record the change in its audit log: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger “%1” could not read its audit log: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is empty; a header row is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: line %2: the header names column “%3” twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: line %2: the header lacks column “%3” (expected %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: line %2: the row has %3 fields but the header has %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: line %2, column “%3”: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a merchant order number (1–32 letters, digits, _ - *)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a WeChat Pay order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a whole, non-negative number of fen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an order status (SUCCESS, NOTPAY, CLOSED, REFUND, PAYERROR, USERPAYING, REVOKED)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the creation time is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order %1 vanished during the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a merchant refund number (1–64 letters, digits, _ - | * @)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a WeChat Pay refund number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a refund status (SUCCESS, PROCESSING, CLOSED, ABNORMAL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund %1 vanished during the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: the file could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: the record is longer than %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: a quoted field is not closed before the end of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text follows a closing quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quote appears inside an unquoted field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metrics range is empty: its end is not after its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metrics range needs %1 buckets of one %2; choose a shorter range or larger buckets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failure rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost (inferred)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50 delay (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 delay (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 delay (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 processing (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert webhook address is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert webhook could not be reached (network error %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert webhook answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert webhook refused the message (errcode %1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration “%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: [alerts] %3 must be %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an http or https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a percentage from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two CST times like 09:00-22:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: [alerts] has no key “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callback failure rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callback delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of callbacks failed in the last %2 minutes (%3 of %4; threshold %5 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks arrive late: 95 % within %1 s of payment in the last %2 minutes (threshold %3 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No callback has arrived for %1 minutes during business hours (threshold %2 minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform certificate %1 expired on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform certificate %1 expires on %2, in %3 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 resolved: %2 (since %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ALERT %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reconciliation was cancelled; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trade bill is imported for %1; import or fetch it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault setting “%1” is not valid: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected TARGET:key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown target “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected key=value in “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a share between 0 and 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency needs milliseconds or MIN-MAX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a whole number of requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs milliseconds or MIN-MAX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clock takes skew=SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the directory “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the state directory “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state directory “%1” is incomplete; remove it to start afresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notify URL “%1” is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notify URL “%1” must not carry query parameters (spec §4.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is %2 and cannot be paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is not paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refund of %1 fen exceeds what is left of order %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 is already final.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“to” must be SUCCESS, ABNORMAL or CLOSED.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate setting “%1” is not of the form KIND=SHARE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate setting “%1” names an unknown kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate setting “%1” needs a share between 0 and 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of orders must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill date must be a valid date between 2000 and 2999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant id “%1” must be 8 to 10 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cross-day window must be between 60 and 3600 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The special-case rates add up to more than 80% of the orders; lower some --rate settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF reports need a QGuiApplication (fonts); none is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 from %2; %3 discrepancies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No discrepancies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more discrepancies; the CSV and XLSX reports list them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo ledger was not completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the sample day %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No temporary folder could be created for the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settled without a query: the ledger already has %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback was not verified within %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored rows of bill %1 are damaged; import the bill again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gzip decoder made no progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>register a row feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bill could not be read again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored rows of bill %1 could not be removed (%2 rows, %3 keys removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding the ledger “%1” is full (free some space and try again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order flagged for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order queried at WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order closed at WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund queried at WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrepancy state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrepancy note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrepancy kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ledger import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trade bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount differs from the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid after close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callback anomaly</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in the last %2 minutes: %3 (flagged for review).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay has no bill of %1 yet: a day&apos;s bill is ready from 10:00 (China Standard Time) the next day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay serves the bills of the last three months only; download the bill of %1 from the merchant platform (pay.weixin.qq.com) and import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the latest bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a bill of merchant %1, and this ledger holds the bills of merchant %2; keep one ledger per merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay&apos;s answer that merchant %1 has no bill for %2 was not recorded: this ledger holds the bills of merchant %3; keep one ledger per merchant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bill %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bill of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2</source>
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
    <message>
        <source>no keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public key and platform certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key mode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform certificates: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform certificates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid from %1 to %2, %3 days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the platform certificate %1 has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the platform certificate %1 expires in %2 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“certs list” shows the keys that verify WeChat Pay&apos;s signatures; “certs refresh” downloads the platform certificates and stores them in platform_cert_dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refresh or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant configuration (INI).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-cli certs” needs one action: refresh or list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public-key mode: there are no platform certificates to refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform_cert_dir is not set, so the certificates are shown but not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay lists no platform certificates for this merchant; the public key verifies its signatures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh or list WeChat Pay platform certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bill of %2 was already imported (same SHA-1 %3); nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the %1 fund-flow bill of %2: %3 entries, %4 credits (%5 yuan), %6 debits (%7 yuan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the %1 trade bill of %2: %3 rows (%4 payments, %5 refunds), orders %6 yuan, refunds %7 yuan, fees %8 yuan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It replaces the earlier import of that bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>warning: %n row(s) had more fields than the header (a separator inside a merchant field); review lines %1.</source>
        <translation>
            <numerusform>warning: %n row had more fields than the header (a separator inside a merchant field); review lines %1.</numerusform>
            <numerusform>warning: %n rows had more fields than the header (a separator inside a merchant field); review lines %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger file (created when missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill date (China Standard Time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill: tradebill.csv or tradebill.csv.gz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay&apos;s hash_value of the bill; the import fails if the file differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fund-flow bills: BASIC (default), OPERATION or FEES.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAID AFTER CLOSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ledger kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n discrepancy(s) resolved</source>
        <translation>
            <numerusform>%n discrepancy resolved</numerusform>
            <numerusform>%n discrepancies resolved</numerusform>
        </translation>
    </message>
    <message>
        <source>next query at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEDGER BEFORE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WECHAT PAY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEDGER NOW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOTE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queried %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheduler: %1 pending, %2 due, %3 need attention, next run at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-query scheduler running on %1; stop it with Ctrl+C or SIGTERM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheduler stopped: %1 answers applied, %2 pending, %3 need attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries orders (and refunds) at WeChat Pay and applies the answers to the ledger: the orders named, or every stuck one (unpaid past the first window, in an open status discrepancy, missing from the ledger, refunds still processing). With --daemon the scheduler keeps doing it with back-off until interrupted. See docs/requery.md.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant configuration (INI); its optional [requery] section tunes the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant order number (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant refund number (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every stuck order and refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afterwards keep the scheduler running until interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-cli requery” takes no arguments besides its options; “%1” is extra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-cli requery” needs either --out-trade-no (or --out-refund-no) or --stuck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order or refund number given to “wxrecon-cli requery” is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger “%1” does not exist; import orders into it first (wxrecon-cli ledger import).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is stuck: no order or refund needs a query.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 queried: %2 updated, %3 unchanged, %4 failed; %5 discrepancies resolved; %6 flagged for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n query(s) got no usable answer from WeChat Pay; they stay queued and are tried again later.</source>
        <translation>
            <numerusform>%n query got no usable answer from WeChat Pay; it stays queued and is tried again later.</numerusform>
            <numerusform>%n queries got no usable answer from WeChat Pay; they stay queued and are tried again later.</numerusform>
        </translation>
    </message>
    <message>
        <source>Query stuck orders at WeChat Pay and fix the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports a callback log written by the merchant&apos;s backend (JSON Lines, one delivery per line; docs/callbacks.md) so that wxrecon&apos;s callback metrics and alerts cover it. Importing the same deliveries again changes nothing. A bad line fails the whole import unless --skip-invalid is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback log (.jsonl).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip lines that are not valid and count them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-cli callbacks” needs the action “import”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks: %1 lines, %2 imported, %3 already imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 invalid lines were skipped; the first: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a callback log of the merchant&apos;s backend (JSON Lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the %1 %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the exact string that is signed for a request and the resulting Authorization header, to compare with what another client or WeChat Pay sees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP method: GET, POST, PUT, PATCH or DELETE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path and query exactly as sent (/v3/...?...), or a full URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the exact request body bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix seconds to sign with (default: now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonce to sign with (default: a fresh random one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--method “%1” is not one of GET, POST, PUT, PATCH, DELETE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url “%1” is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url must be a path starting with “/” or a full https:// URL, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timestamp “%1” is not Unix seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--nonce must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 request normally has no body; its body line is then empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>String to sign (%1 bytes; each line ends in \n, including the last):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature (Base64):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifies a saved WeChat Pay callback (headers and raw body) like the receiver does, then prints the decrypted resource JSON. Exit status 1 names the exact failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File of “Name: value” header lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The raw callback body, byte for byte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the timestamp against these Unix seconds instead of the clock (to re-check an old callback).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--now “%1” is not Unix seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>headers file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback is signed with a WeChat Pay public key: set public_key_id and public_key_file in %1 to that key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “wxrecon-cli certs refresh --config %1” and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body file ends with a line break that was not part of the callback (an editor added it); save the body exactly as received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a callback saved earlier, pass the time it arrived with --now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback does not verify (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 verifies but is not a callback envelope with a “resource” object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify and decrypt a saved WeChat Pay callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the exact string to sign and the Authorization header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the discrepancy report of a bill date or range: CSV (Excel-friendly, the contract&apos;s columns), XLSX (discrepancies and a summary sheet) or PDF (summary and list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill date or inclusive range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>csv, xlsx or pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format must be csv, xlsx or pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This wxrecon-cli was built without PDF support (QtGui).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the discrepancy report (CSV, XLSX or PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receives WeChat Pay payment and refund callbacks: verifies, decrypts and records each one, applies it to the ledger, and answers 200/204 only after the commit. Runs until interrupted (SIGINT/SIGTERM). Put it behind a TLS reverse proxy (docs/callbacks.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address and port, e.g. 127.0.0.1:8443 or [::1]:8443; port 0 picks a free one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL path of the callbacks (default /wxpay/notify).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-cli serve-notify” takes no argument “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--listen “%1” is not HOST:PORT (e.g. 127.0.0.1:8443).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--path “%1” must start with “/”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform certificate %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform certificate %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no WeChat Pay key is loaded yet; callbacks are refused until the platform certificates are downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callback refused (%1, HTTP %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 callbacks: %2 applied, %3 duplicates, %4 ignored, %5 refused, %6 not recorded (503); %7 commits, largest %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive WeChat Pay callbacks into the ledger (a server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prints callback metrics for a time range (the last hour by default): deliveries, duplicates, failures by cause, lost callbacks (paid per the bill or a query, no callback recorded), and p50/p95/p99 of the delay between payment and callback. Times without an offset are China Standard Time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start of the range (ISO 8601; default: an hour ago).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the range, exclusive (ISO 8601; default: now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows per minute, hour or day (default: chosen from the range).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes after payment without a callback that make it lost (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-cli metrics” takes no argument “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--until “%1” is not an ISO 8601 time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--since “%1” is not an ISO 8601 time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--until must be later than --since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bucket must be minute, hour or day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lost-after must be minutes from 1 to 1440.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks from %1 to %2 (CST), %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No callbacks were recorded in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 rows without callbacks are not shown.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure rate: %1 % (WeChat&apos;s probes not counted); retries seen: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing time (receipt to commit): p95 %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures by cause:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1, open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print callback delays, failures and alerts of a time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports the merchant&apos;s orders (and refunds) into the ledger, or exports them.
  import: upserts by order and refund number; a bad row fails the whole import and nothing is imported.
  export: writes the same CSV schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import or export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orders.csv to read or write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunds.csv to read or write (optional).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-cli ledger” needs “import” or “export”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders: %1 read, %2 new, %3 updated, %4 unchanged, %5 states kept by the state rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds: %1 read, %2 new, %3 updated, %4 unchanged, %5 states kept by the state rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 orders and %2 refunds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import or export the ledger&apos;s orders and refunds (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation of %1 (run %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settlement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 discrepancies: %2 new, %3 no longer found and resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous day&apos;s cross-day pending orders: %1 found in this bill, %2 now missing in bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciles one bill date: matches the imported trade bill against the ledger, stores the discrepancies (keeping the states and notes of known ones) and prints the totals per kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-day window in seconds before midnight (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--window must be a number of seconds from 0 to 86400.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconcile one bill date against the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--type must be ALL, SUCCESS or REFUND.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 bill of %2 is still being generated (STATEMENT_CREATING); try again after 10:00 China time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay has no %1 bill for %2 (NO_STATEMENT_EXIST: no trade that day); recorded as an empty day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports a WeChat Pay bill into the ledger.
  import: a trade bill (ALL, SUCCESS or REFUND) or fund-flow bill, plain or gzip; its summary is checked and nothing is imported if it does not add up.
  fetch: downloads the trade bill of a date from WeChat Pay (SHA-1 checked) and imports it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import or fetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch: merchant configuration (INI).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch: ALL (default), SUCCESS or REFUND.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-cli bill” needs “import” or “fetch”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import or fetch a WeChat Pay bill into the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped after %1 callbacks (%2 applied, %3 duplicates, %4 refused, %5 not recorded) in %6 commits, largest %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF report needs wxrecon-cli-pdf, which is not installed next to wxrecon-cli (looked in %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wxrecon-cli-pdf could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 bill of %2 is unchanged: the ledger holds it already (SHA-1 %3, imported %4); nothing was downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks of this date the ledger did not expect (flagged for review):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay has no bill for this date (no payment or refund); the ledger&apos;s payments of the date are missing in the bill.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wxrecon_sim</name>
    <message>
        <source>Run “wxrecon-sim --help” for the list of commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-sim %1” takes no argument “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders created on the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill date, YYYY-MM-DD (CST).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed (same seed, same day).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant id (default 1900000001).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of orders for one kind of case, e.g. MISSING_IN_BILL=0.01 (repeatable; see docs/simulator.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bills without a UTF-8 BOM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bills with LF line ends (default CRLF).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee total as the exact 5-decimal sum (exact, default) or rounded to fen (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary counts printed as “45.0”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-day window before midnight in seconds (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--orders needs a whole number, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This command needs --date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed needs a whole number, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--fee-total takes “exact” or “fen”, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--window needs a whole number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a generated bill day: trade bills (ALL, SUCCESS, REFUND, ALL gzip), the fund-flow bill, the ledger (orders.csv, refunds.csv) and truth.csv, the discrepancy report reconciling them must produce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the .csv.gz copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-sim gen-day” needs --orders, --date, --seed and --out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the local WeChat Pay v3 stand-in on 127.0.0.1: signed API, bills, callbacks, faults and the /_sim/ control API (docs/simulator.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port (0 = any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory for keys and merchant.ini (reused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing keys: cert, pubkey or both (default cert).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where callbacks are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divide the callback retry schedule by K.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault settings, e.g. query:error500=0.1;notify:lost=0.05.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download_url lifetime in seconds (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted request timestamp distance in seconds (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bills answer STATEMENT_CREATING for this many seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of NOTPAY orders paid while running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds until those orders are paid (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/v3/certificates answer in pubkey mode: empty, resource_not_exists or not_found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“wxrecon-sim serve” needs --port and --state-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a number between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--key-mode takes cert, pubkey or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--no-certificates takes empty, resource_not_exists or not_found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: wxrecon-sim &lt;command&gt; [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local WeChat Pay v3 stand-in for tests and demos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a generated day&apos;s bills, ledger and truth.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the signed HTTP stand-in on 127.0.0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “wxrecon-sim &lt;command&gt; --help” for the options of one command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds until a refund made through the control API succeeds (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 orders (%2 of them in orders.csv), %3 refunds (%4 in refunds.csv), %5 bill rows and %6 discrepancies to %7 in %8 ms.</source>
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
</context>
</TS>
