// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/cstime.h"
#include "testutil.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace wxr;

class tst_CstTime final : public QObject
{
    Q_OBJECT

private slots:
    void rfc3339_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("utc");

        const qint64 t = QDateTime(QDate(2026, 11, 26), QTime(2, 12), QTimeZone::utc())
                             .toSecsSinceEpoch();
        QTest::newRow("cst") << QByteArray("2026-11-26T10:12:00+08:00") << true << t;
        QTest::newRow("zulu") << QByteArray("2026-11-26T02:12:00Z") << true << t;
        QTest::newRow("lower t z") << QByteArray("2026-11-26t02:12:00z") << true << t;
        QTest::newRow("negative offset") << QByteArray("2026-11-25T21:12:00-05:00") << true << t;
        QTest::newRow("fraction") << QByteArray("2026-11-26T10:12:00.987+08:00") << true << t;
        QTest::newRow("epoch") << QByteArray("1970-01-01T08:00:00+08:00") << true << qint64(0);
        QTest::newRow("before epoch") << QByteArray("1969-12-31T23:59:59Z") << true << qint64(-1);
        QTest::newRow("leap day") << QByteArray("2024-02-29T00:00:00Z") << true
                                  << qint64(1709164800);
        QTest::newRow("no offset") << QByteArray("2026-11-26T10:12:00") << false << qint64(0);
        QTest::newRow("space separator") << QByteArray("2026-11-26 10:12:00+08:00") << false
                                         << qint64(0);
        QTest::newRow("bad month") << QByteArray("2026-13-26T10:12:00+08:00") << false << qint64(0);
        QTest::newRow("feb 30") << QByteArray("2026-02-30T10:12:00+08:00") << false << qint64(0);
        QTest::newRow("not leap") << QByteArray("2025-02-29T10:12:00+08:00") << false << qint64(0);
        QTest::newRow("hour 24") << QByteArray("2026-11-26T24:00:00+08:00") << false << qint64(0);
        QTest::newRow("offset no colon") << QByteArray("2026-11-26T10:12:00+0800") << false
                                         << qint64(0);
        QTest::newRow("empty fraction") << QByteArray("2026-11-26T10:12:00.+08:00") << false
                                        << qint64(0);
        QTest::newRow("trailing junk") << QByteArray("2026-11-26T10:12:00+08:00x") << false
                                       << qint64(0);
        QTest::newRow("empty") << QByteArray() << false << qint64(0);
    }

    void rfc3339()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(qint64, utc);
        const auto r = cst::parseRfc3339(QString::fromLatin1(text));
        QCOMPARE(r.ok(), valid);
        if (valid)
            QCOMPARE(*r, utc);
        else
            QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    }

    void formatRfc3339()
    {
        QCOMPARE(cst::formatRfc3339(0), QStringLiteral("1970-01-01T08:00:00+08:00"));
        const auto t = cst::parseRfc3339(QStringLiteral("2026-11-26T23:59:59+08:00"));
        QVERIFY_RESULT(t);
        QCOMPARE(cst::formatRfc3339(*t), QStringLiteral("2026-11-26T23:59:59+08:00"));
        QCOMPARE(cst::formatRfc3339(-1), QStringLiteral("1970-01-01T07:59:59+08:00"));
    }

    void billTime_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("rfc3339");
        QTest::newRow("midday") << QByteArray("2026-11-25 09:14:02") << true
                                << QByteArray("2026-11-25T09:14:02+08:00");
        QTest::newRow("midnight") << QByteArray("2026-11-26 00:00:00") << true
                                  << QByteArray("2026-11-25T16:00:00Z");
        QTest::newRow("last second") << QByteArray("2026-12-31 23:59:59") << true
                                     << QByteArray("2026-12-31T15:59:59Z");
        QTest::newRow("T separator") << QByteArray("2026-11-25T09:14:02") << false << QByteArray();
        QTest::newRow("short") << QByteArray("2026-11-25 9:14:02") << false << QByteArray();
        QTest::newRow("with offset") << QByteArray("2026-11-25 09:14:02+08:00") << false
                                     << QByteArray();
        QTest::newRow("minute 60") << QByteArray("2026-11-25 09:60:00") << false << QByteArray();
    }

    void billTime()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(QByteArray, rfc3339);
        const auto r = cst::parseBillTime(std::string_view(text.constData(), text.size()));
        QCOMPARE(r.has_value(), valid);
        if (valid) {
            const auto expected = cst::parseRfc3339(QString::fromLatin1(rfc3339));
            QVERIFY_RESULT(expected);
            QCOMPARE(*r, *expected);
            QCOMPARE(cst::formatBillTime(*r), QString::fromLatin1(text));
        }
    }

    void billDayBoundaries()
    {
        const QDate day(2026, 11, 26);
        const auto [start, end] = cst::dayBounds(day);
        QCOMPARE(end - start, cst::kDaySeconds);
        QCOMPARE(cst::formatRfc3339(start), QStringLiteral("2026-11-26T00:00:00+08:00"));
        QCOMPARE(cst::billDateOf(start), day);
        QCOMPARE(cst::billDateOf(end - 1), day);
        QCOMPARE(cst::billDateOf(end), day.addDays(1));
        QCOMPARE(cst::billDateOf(start - 1), day.addDays(-1));
        // 23:59:59 CST is already the next day in no zone west of +08:00 but is still day D here.
        const auto late = cst::parseRfc3339(QStringLiteral("2026-11-26T15:59:59Z"));
        QVERIFY_RESULT(late);
        QCOMPARE(cst::billDateOf(*late), day);
        QCOMPARE(cst::secondsToNextMidnight(*late), qint64(1));
        QCOMPARE(cst::secondsToNextMidnight(start), cst::kDaySeconds);
        // Year and leap boundaries.
        QCOMPARE(cst::billDateOf(cst::dayBounds(QDate(2024, 2, 29)).first), QDate(2024, 2, 29));
        QCOMPARE(cst::billDateOf(cst::dayBounds(QDate(2027, 1, 1)).first - 1),
                 QDate(2026, 12, 31));
    }

    void parseDate()
    {
        QVERIFY_RESULT(cst::parseDate(QStringLiteral("2026-11-26")));
        QCOMPARE(*cst::parseDate(QStringLiteral("2026-11-26")), QDate(2026, 11, 26));
        QVERIFY_ERROR(cst::parseDate(QStringLiteral("2026-11-31")), ErrorCode::InvalidInput);
        QVERIFY_ERROR(cst::parseDate(QStringLiteral("20261126")), ErrorCode::InvalidInput);
        QVERIFY_ERROR(cst::parseDate(QStringLiteral("2026-1-26")), ErrorCode::InvalidInput);
        QVERIFY_ERROR(cst::parseDate(QString()), ErrorCode::InvalidInput);
    }

    void daysFromCivilMatchesQt()
    {
        for (QDate d(1999, 12, 25); d < QDate(2001, 3, 5); d = d.addDays(1)) {
            const qint64 expected = QDate(1970, 1, 1).daysTo(d);
            QCOMPARE(cst::daysFromCivil(d.year(), static_cast<unsigned>(d.month()),
                                        static_cast<unsigned>(d.day())),
                     expected);
            QCOMPARE(cst::billDateOf(cst::dayBounds(d).first + 3600), d);
        }
    }
};

QTEST_APPLESS_MAIN(tst_CstTime)
#include "tst_cstime.moc"
