// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/result.h"
#include "testutil.h"

#include <QTest>

#include <memory>

using namespace wxr;

namespace {

Result<int> half(int v)
{
    if (v % 2 != 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("odd"));
    return v / 2;
}

Status check(bool good)
{
    if (!good)
        return makeError(ErrorCode::Conflict, QStringLiteral("bad"), QStringLiteral("why"));
    return {};
}

} // namespace

class tst_Result final : public QObject
{
    Q_OBJECT

private slots:
    void valueAndError()
    {
        const auto a = half(4);
        QVERIFY(a.ok());
        QVERIFY(static_cast<bool>(a));
        QCOMPARE(*a, 2);
        QCOMPARE(a.valueOr(9), 2);

        const auto b = half(3);
        QVERIFY(!b.ok());
        QCOMPARE(b.error().code, ErrorCode::InvalidInput);
        QCOMPARE(b.error().message, QStringLiteral("odd"));
        QCOMPARE(b.valueOr(9), 9);
        QVERIFY_ERROR(half(5), ErrorCode::InvalidInput);
        QVERIFY_RESULT(half(6));
    }

    void voidStatus()
    {
        QVERIFY(check(true).ok());
        const Status s = check(false);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::Conflict);
        QCOMPARE(s.error().detail, QStringLiteral("why"));
    }

    void moveOnlyValue()
    {
        Result<std::unique_ptr<int>> r(std::make_unique<int>(7));
        QVERIFY(r.ok());
        std::unique_ptr<int> p = std::move(r).value();
        QCOMPARE(*p, 7);
    }

    void prefixed()
    {
        const Error e = makeError(ErrorCode::Io, QStringLiteral("cannot read")).prefixed(
            QStringLiteral("orders.csv"));
        QCOMPARE(e.message, QStringLiteral("orders.csv: cannot read"));
        QCOMPARE(e.code, ErrorCode::Io);
    }
};

QTEST_APPLESS_MAIN(tst_Result)
#include "tst_result.moc"
