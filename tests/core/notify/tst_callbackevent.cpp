// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/callbackevent.h"

#include <QTest>

using namespace wxr::core;

Q_DECLARE_METATYPE(VerifyFailure)
Q_DECLARE_METATYPE(FailureCause)
Q_DECLARE_METATYPE(CallbackOutcome)

class tst_CallbackEvent final : public QObject
{
    Q_OBJECT

private slots:
    void causeNamesRoundTrip()
    {
        QSet<QString> seen;
        for (int i = 0; i < kFailureCauseCount; ++i) {
            const auto cause = static_cast<FailureCause>(i);
            const QString name = failureCauseName(cause);
            QVERIFY2(!seen.contains(name), qPrintable(name));
            seen.insert(name);
            QCOMPARE(parseFailureCause(name), std::optional<FailureCause>(cause));
            QCOMPARE(parseFailureCause(name.toUpper()), std::optional<FailureCause>(cause));
            QVERIFY(!failureCauseLabel(cause).isEmpty());
        }
        QCOMPARE(parseFailureCause(u"no_such_cause"), std::nullopt);
    }

    // The verifier's own names are what the database and imports use for the same causes.
    void verifierCauses_data()
    {
        QTest::addColumn<VerifyFailure>("failure");
        QTest::addColumn<FailureCause>("cause");
        QTest::newRow("missing header")
            << VerifyFailure::MissingHeader << FailureCause::MissingHeader;
        QTest::newRow("bad timestamp") << VerifyFailure::BadTimestamp << FailureCause::BadTimestamp;
        QTest::newRow("stale") << VerifyFailure::StaleTimestamp << FailureCause::StaleTimestamp;
        QTest::newRow("unknown serial")
            << VerifyFailure::UnknownSerial << FailureCause::UnknownSerial;
        QTest::newRow("bad signature") << VerifyFailure::BadSignature << FailureCause::BadSignature;
        QTest::newRow("probe") << VerifyFailure::Probe << FailureCause::Probe;
        QTest::newRow("signature type")
            << VerifyFailure::UnsupportedSignatureType << FailureCause::UnsupportedSignatureType;
        QTest::newRow("none") << VerifyFailure::None << FailureCause::None;
    }

    void verifierCauses()
    {
        QFETCH(VerifyFailure, failure);
        QFETCH(FailureCause, cause);
        QCOMPARE(failureCauseOf(failure), cause);
        QCOMPARE(failureCauseName(cause), verifyFailureName(failure));
    }

    void outcomes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<CallbackOutcome>("outcome");
        QTest::addColumn<bool>("acknowledged");
        QTest::newRow("applied") << "applied" << CallbackOutcome::Applied << true;
        QTest::newRow("duplicate") << "duplicate" << CallbackOutcome::Duplicate << true;
        QTest::newRow("ignored") << "ignored" << CallbackOutcome::Ignored << true;
        QTest::newRow("rejected") << "rejected" << CallbackOutcome::Rejected << false;
        QTest::newRow("error") << "error" << CallbackOutcome::Error << false;
    }

    void outcomes()
    {
        QFETCH(QString, name);
        QFETCH(CallbackOutcome, outcome);
        QFETCH(bool, acknowledged);
        QCOMPARE(callbackOutcomeName(outcome), name);
        QCOMPARE(parseCallbackOutcome(name), std::optional<CallbackOutcome>(outcome));
        QCOMPARE(isAcknowledged(outcome), acknowledged);
    }

    void notifyDelay()
    {
        CallbackEvent e;
        QCOMPARE(e.notifyDelayMs(), std::nullopt);
        e.successTime = 1764123118; // 2025-11-26T10:11:58+08:00
        e.receivedAtMs = 1764123120123;
        QCOMPARE(e.notifyDelayMs(), std::optional<qint64>(2123));
        e.receivedAtMs = 1764123117500; // the merchant's clock is behind WeChat's
        QCOMPARE(e.notifyDelayMs(), std::optional<qint64>(-500));
    }
};

QTEST_GUILESS_MAIN(tst_CallbackEvent)
#include "tst_callbackevent.moc"
