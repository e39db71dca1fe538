// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/compensate/requerypolicy.*: durations, the [requery] INI section, ranges, the
// back-off and cool-down formulas, and the budget handed to the API client.
#include "compensate/requerypolicy.h"
#include "testutil.h"
#include "wechatpay/merchantconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

Q_DECLARE_METATYPE(std::optional<qint64>)

class tst_RequeryPolicy final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeIni(const QByteArray &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("merchant.ini"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(text);
        return path;
    }

private slots:
    void duration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::optional<qint64>>("ms");
        const std::optional<qint64> bad;
        QTest::newRow("plain seconds") << "45" << std::optional<qint64>(45'000);
        QTest::newRow("seconds") << "30s" << std::optional<qint64>(30'000);
        QTest::newRow("milliseconds") << "250ms" << std::optional<qint64>(250);
        QTest::newRow("minutes") << "10m" << std::optional<qint64>(600'000);
        QTest::newRow("minutes long") << "10min" << std::optional<qint64>(600'000);
        QTest::newRow("hours") << "2h" << std::optional<qint64>(7'200'000);
        QTest::newRow("days") << "7d" << std::optional<qint64>(604'800'000);
        QTest::newRow("blanks around") << " 5 s " << std::optional<qint64>(5'000);
        QTest::newRow("zero") << "0" << std::optional<qint64>(0);
        QTest::newRow("empty") << "" << bad;
        QTest::newRow("negative") << "-5s" << bad;
        QTest::newRow("fraction") << "1.5s" << bad;
        QTest::newRow("unknown unit") << "3w" << bad;
        QTest::newRow("unit only") << "ms" << bad;
        QTest::newRow("overflow") << "99999999999999999d" << bad;
    }
    void duration()
    {
        QFETCH(QString, text);
        QFETCH(std::optional<qint64>, ms);
        QCOMPARE(parseDurationMs(text), ms);
    }

    void defaultsFollowSettings()
    {
        const RequeryRules rules;
        const RequeryPolicy p;
        QCOMPARE(p.unpaidAfterMs, qint64(rules.stuckAfterMinutes) * 60'000);
        QCOMPARE(p.maxAttempts, rules.maxAttempts);
        QCOMPARE(p.queriesPerSecond, double(rules.queriesPerSecond));
        QVERIFY(!p.closeExpired);
        QVERIFY_RESULT(p.validate());

        RequeryRules custom;
        custom.stuckAfterMinutes = 3;
        custom.maxAttempts = 5;
        custom.queriesPerSecond = 7;
        const RequeryPolicy q = RequeryPolicy::fromRules(custom);
        QCOMPARE(q.unpaidAfterMs, 180'000);
        QCOMPARE(q.maxAttempts, 5);
        QCOMPARE(q.queriesPerSecond, 7.0);
        QCOMPARE(q.backoffBaseMs, p.backoffBaseMs);
    }

    void iniSection()
    {
        const QString path = writeIni(
            "[merchant]\nmchid=1900000001\n; a comment\n"
            "[requery]\nstuck_after = 2m   ; first window\nmax_attempts=12\nbackoff_base=200ms\n"
            "backoff_cap=3s\nbackoff_floor=50ms\nqps=2.5\nconcurrency=3\ncooldown=1s\n"
            "cooldown_cap=8s\nclose_expired=yes\norder_expiry=30m\nscan_interval=500ms\n"
            "lookback=2d\nrefund_stuck_after=90\ndiscrepancies=off\nscan_limit=50\n"
            "[client]\nquery_rate=5\n");
        const auto p = RequeryPolicy::loadIni(path, RequeryPolicy());
        QVERIFY_RESULT(p);
        QCOMPARE(p->unpaidAfterMs, 120'000);
        QCOMPARE(p->maxAttempts, 12);
        QCOMPARE(p->backoffBaseMs, 200);
        QCOMPARE(p->backoffCapMs, 3'000);
        QCOMPARE(p->backoffFloorMs, 50);
        QCOMPARE(p->queriesPerSecond, 2.5);
        QCOMPARE(p->maxConcurrent, 3);
        QCOMPARE(p->rateLimitCooldownMs, 1'000);
        QCOMPARE(p->rateLimitCooldownCapMs, 8'000);
        QVERIFY(p->closeExpired);
        QCOMPARE(p->orderExpiryMs, 1'800'000);
        QCOMPARE(p->scanIntervalMs, 500);
        QCOMPARE(p->unpaidLookbackMs, 2 * 86'400'000LL);
        QCOMPARE(p->refundProcessingAfterMs, 90'000);
        QVERIFY(!p->fromDiscrepancies);
        QCOMPARE(p->scanLimit, 50);
    }

    void iniWithoutSectionKeepsBase()
    {
        RequeryPolicy base;
        base.maxAttempts = 4;
        const auto p = RequeryPolicy::loadIni(writeIni("[merchant]\nmchid=1\n"), base);
        QVERIFY_RESULT(p);
        QCOMPARE(p->maxAttempts, 4);
    }

    void iniErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown key") << QByteArray("[requery]\nstuck=5m\n") << "stuck=5m";
        QTest::newRow("no equals sign") << QByteArray("[requery]\nqps\n") << "qps";
        QTest::newRow("bad duration")
            << QByteArray("[requery]\nbackoff_base=fast\n") << "backoff_base";
        QTest::newRow("bad switch")
            << QByteArray("[requery]\nclose_expired=maybe\n") << "close_expired";
        QTest::newRow("bad number") << QByteArray("[requery]\nqps=lots\n") << "qps";
        QTest::newRow("out of range")
            << QByteArray("[requery]\nmax_attempts=0\n") << "max_attempts";
        QTest::newRow("cap below base")
            << QByteArray("[requery]\nbackoff_base=10s\nbackoff_cap=1s\n") << "backoff_base";
    }
    void iniErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, mentions);
        const QString path = writeIni(text);
        const auto p = RequeryPolicy::loadIni(path, RequeryPolicy());
        QVERIFY_ERROR(p, ErrorCode::Config);
        QVERIFY2(p.error().message.contains(mentions), qPrintable(p.error().message));
        QVERIFY2(p.error().message.contains(path), qPrintable(p.error().message));
    }

    void iniMissingFile()
    {
        QVERIFY_ERROR(
            RequeryPolicy::loadIni(m_dir.filePath(QStringLiteral("none.ini")), RequeryPolicy()),
            ErrorCode::Io);
    }

    void validateRanges_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("key");
        QTest::newRow("attempts above 100") << 0 << "max_attempts";
        QTest::newRow("qps zero") << 1 << "qps";
        QTest::newRow("concurrency zero") << 2 << "concurrency";
        QTest::newRow("floor above cap") << 3 << "backoff_floor";
        QTest::newRow("scan interval tiny") << 4 << "scan_interval";
        QTest::newRow("negative first window") << 5 << "stuck_after";
    }
    void validateRanges()
    {
        QFETCH(int, field);
        QFETCH(QString, key);
        RequeryPolicy p;
        switch (field) {
        case 0:
            p.maxAttempts = 101;
            break;
        case 1:
            p.queriesPerSecond = 0;
            break;
        case 2:
            p.maxConcurrent = 0;
            break;
        case 3:
            p.backoffFloorMs = p.backoffCapMs + 1;
            break;
        case 4:
            p.scanIntervalMs = 10;
            break;
        case 5:
            p.unpaidAfterMs = -1;
            break;
        }
        const Status s = p.validate();
        QVERIFY_ERROR(s, ErrorCode::Config);
        QVERIFY2(s.error().message.contains(key), qPrintable(s.error().message));
    }

    void backoff_data()
    {
        QTest::addColumn<int>("attempts");
        QTest::addColumn<double>("random");
        QTest::addColumn<qint64>("expected");
        // base 1000, cap 8000, floor 100: ceiling min(cap, base·2^(n−1)) times the draw.
        QTest::newRow("first, half") << 1 << 0.5 << qint64(500);
        QTest::newRow("second, half") << 2 << 0.5 << qint64(1000);
        QTest::newRow("fourth, full") << 4 << 0.999999 << qint64(7999);
        QTest::newRow("capped") << 10 << 0.5 << qint64(4000);
        QTest::newRow("floor on a zero draw") << 3 << 0.0 << qint64(100);
        QTest::newRow("floor on a tiny draw") << 1 << 0.01 << qint64(100);
    }
    void backoff()
    {
        QFETCH(int, attempts);
        QFETCH(double, random);
        QFETCH(qint64, expected);
        RequeryPolicy p;
        p.backoffBaseMs = 1000;
        p.backoffCapMs = 8000;
        p.backoffFloorMs = 100;
        QCOMPARE(p.retryDelayMs(attempts, random), expected);
    }

    void cooldownDoublesToCap()
    {
        RequeryPolicy p;
        p.rateLimitCooldownMs = 500;
        p.rateLimitCooldownCapMs = 3000;
        QCOMPARE(p.cooldownMs(1), 500);
        QCOMPARE(p.cooldownMs(2), 1000);
        QCOMPARE(p.cooldownMs(3), 2000);
        QCOMPARE(p.cooldownMs(4), 3000);
        QCOMPARE(p.cooldownMs(40), 3000);
        p.rateLimitCooldownMs = 0;
        QCOMPARE(p.cooldownMs(5), 0);
    }

    void budgetLowersTheClientRate()
    {
        MerchantConfig config;
        config.client.queryRatePerSecond = 50;
        RequeryPolicy p;
        p.queriesPerSecond = 8;
        applyBudget(config, p);
        QCOMPARE(config.client.queryRatePerSecond, 8.0);
        // A client already slower than the budget stays as it is.
        p.queriesPerSecond = 100;
        applyBudget(config, p);
        QCOMPARE(config.client.queryRatePerSecond, 8.0);
    }
};

QTEST_GUILESS_MAIN(tst_RequeryPolicy)
#include "tst_requerypolicy.moc"
