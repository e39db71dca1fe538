#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A straightforward pandas implementation of the reconciliation of docs/reconciliation.md,
for comparison with wxrecon-cli in bench/recon/run.sh (the requirement: wxrecon ≥ 10× faster).

It does the same work as `ledger import` + `bill import` + `reconcile` + `report --format csv`
for one day and writes the same report (the run script checks it against truth.csv), the way
an analyst would write it: read everything into DataFrames, merge, filter, sort, write.

    python3 bench/recon/reference_pandas.py DAY_DIR YYYY-MM-DD report.csv
"""
import gzip
import sys

import pandas as pd

WINDOW = 300
KINDS = ["MISSING_IN_LEDGER", "MISSING_IN_BILL", "AMOUNT_MISMATCH", "STATUS_MISMATCH",
         "REFUND_MISMATCH", "DUPLICATE_IN_BILL", "CROSS_DAY_PENDING"]
COLUMNS = ["bill_date", "kind", "out_trade_no", "transaction_id", "ledger_status", "bill_status",
           "ledger_amount_fen", "bill_amount_fen", "out_refund_no", "ledger_refund_fen",
           "bill_refund_fen", "state", "note"]


def fen(yuan):
    return (pd.to_numeric(yuan) * 100).round().astype("int64")


def read_bill(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as f:
        lines = [line.rstrip("\r\n") for line in f]
    lines = [line for line in lines if line]
    header = lines[0].split(",")
    rows = [line[1:].split(",`") for line in lines[1:-2]]  # the last two lines are the summary
    return pd.DataFrame(rows, columns=header)


def main(day_dir, date, out):
    day_start = pd.Timestamp(date + " 00:00:00", tz="Asia/Shanghai")
    day_end = day_start + pd.Timedelta(days=1)
    orders = pd.read_csv(f"{day_dir}/orders.csv", dtype=str, keep_default_na=False)
    refunds = pd.read_csv(f"{day_dir}/refunds.csv", dtype=str, keep_default_na=False)
    orders["amount_fen"] = orders["amount_fen"].astype("int64")
    refunds["amount_fen"] = refunds["amount_fen"].astype("int64")
    orders["paid"] = pd.to_datetime(orders["paid_at"].replace("", None), utc=True)
    refunds["created"] = pd.to_datetime(refunds["created_at"], utc=True)

    bill = read_bill(f"{day_dir}/tradebill_ALL_{date}.csv.gz")
    bill["order_fen"] = fen(bill["订单金额"])
    bill["refund_fen"] = fen(bill["申请退款金额"])
    pays = bill[bill["交易状态"] != "REFUND"]
    refs = bill[bill["交易状态"] == "REFUND"]
    out_rows = []

    def emit(frame, kind, **columns):
        if frame.empty:
            return
        df = pd.DataFrame({c: columns.get(c, "") for c in COLUMNS if c not in ("bill_date", "kind", "state", "note")},
                          index=frame.index)
        df.insert(0, "kind", kind)
        df.insert(0, "bill_date", date)
        df["state"] = "OPEN"
        df["note"] = ""
        out_rows.append(df)

    def amount(series):
        return series.astype("Int64").astype(str).replace("<NA>", "")

    # Payments: first occurrences matched, later ones reported once per key.
    first = pays.drop_duplicates("商户订单号", keep="first")
    dups = pays[pays.duplicated("商户订单号", keep="first")].drop_duplicates("商户订单号", keep="first")
    m = first.merge(orders, how="left", left_on="商户订单号", right_on="out_trade_no", indicator=True)
    missing = m[m["_merge"] == "left_only"]
    emit(missing, "MISSING_IN_LEDGER", out_trade_no=missing["商户订单号"], transaction_id=missing["微信订单号"],
         bill_status=missing["交易状态"], bill_amount_fen=missing["order_fen"].astype(str))
    known = m[m["_merge"] == "both"]
    ledger_paid = known["status"].isin(["SUCCESS", "REFUND"])
    status = ((known["交易状态"] == "SUCCESS") & ~ledger_paid) | ((known["交易状态"] == "REVOKED") & ledger_paid)
    amount_diff = (known["交易状态"] == "SUCCESS") & ledger_paid & (known["amount_fen"] != known["order_fen"])
    for kind, rows in (("STATUS_MISMATCH", known[status]), ("AMOUNT_MISMATCH", known[~status & amount_diff])):
        emit(rows, kind, out_trade_no=rows["商户订单号"], transaction_id=rows["微信订单号"],
             ledger_status=rows["status"], bill_status=rows["交易状态"],
             ledger_amount_fen=amount(rows["amount_fen"]), bill_amount_fen=rows["order_fen"].astype(str))
    d = dups.merge(orders, how="left", left_on="商户订单号", right_on="out_trade_no")
    emit(d, "DUPLICATE_IN_BILL", out_trade_no=d["商户订单号"], transaction_id=d["微信订单号"],
         ledger_status=d["status"].fillna(""), bill_status=d["交易状态"],
         ledger_amount_fen=amount(d["amount_fen"]), bill_amount_fen=d["order_fen"].astype(str))

    # The ledger's paid orders of the day that the bill lacks.
    paid = orders[orders["status"].isin(["SUCCESS", "REFUND"]) & (orders["paid"] >= day_start)
                  & (orders["paid"] < day_end) & ~orders["out_trade_no"].isin(pays["商户订单号"])]
    window = (day_end - paid["paid"]).dt.total_seconds() <= WINDOW
    for kind, rows in (("CROSS_DAY_PENDING", paid[window]), ("MISSING_IN_BILL", paid[~window])):
        emit(rows, kind, out_trade_no=rows["out_trade_no"], transaction_id=rows["transaction_id"],
             ledger_status=rows["status"], ledger_amount_fen=rows["amount_fen"].astype(str))

    # Refunds.
    rfirst = refs.drop_duplicates("商户退款单号", keep="first")
    rdups = refs[refs.duplicated("商户退款单号", keep="first")].drop_duplicates("商户退款单号", keep="first")
    rm = rfirst.merge(refunds, how="left", left_on="商户退款单号", right_on="out_refund_no", indicator=True)
    bad = rm[(rm["_merge"] == "left_only") | (rm["status"] == "CLOSED") | (rm["amount_fen"] != rm["refund_fen"])]
    emit(bad, "REFUND_MISMATCH", out_trade_no=bad["商户订单号"], transaction_id=bad["微信订单号"],
         ledger_status=bad["status"].fillna(""), bill_status=bad["退款状态"], out_refund_no=bad["商户退款单号"],
         ledger_refund_fen=amount(bad["amount_fen"]), bill_refund_fen=bad["refund_fen"].astype(str))
    rd = rdups.merge(refunds, how="left", left_on="商户退款单号", right_on="out_refund_no")
    emit(rd, "DUPLICATE_IN_BILL", out_trade_no=rd["商户订单号"], transaction_id=rd["微信订单号"],
         ledger_status=rd["status"].fillna(""), bill_status=rd["退款状态"], out_refund_no=rd["商户退款单号"],
         ledger_refund_fen=amount(rd["amount_fen"]), bill_refund_fen=rd["refund_fen"].astype(str))
    live = refunds[refunds["status"].isin(["SUCCESS", "PROCESSING", "ABNORMAL"])
                   & (refunds["created"] >= day_start) & (refunds["created"] < day_end)
                   & ~refunds["out_refund_no"].isin(refs["商户退款单号"])]
    live = live.merge(orders[["out_trade_no", "transaction_id"]], how="left", on="out_trade_no")
    emit(live, "REFUND_MISMATCH", out_trade_no=live["out_trade_no"], transaction_id=live["transaction_id"].fillna(""),
         ledger_status=live["status"], out_refund_no=live["out_refund_no"],
         ledger_refund_fen=live["amount_fen"].astype(str))

    report = pd.concat(out_rows, ignore_index=True) if out_rows else pd.DataFrame(columns=COLUMNS)
    report["order"] = report["kind"].map({k: i for i, k in enumerate(KINDS)})
    report["k1"] = report["out_trade_no"].map(lambda s: s.encode())
    report["k2"] = report["out_refund_no"].map(lambda s: s.encode())
    report = report.sort_values(["bill_date", "order", "k1", "k2"], kind="stable")[COLUMNS]
    report.to_csv(out, index=False, encoding="utf-8-sig", lineterminator="\r\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
