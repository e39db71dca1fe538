// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbackforge.h"
#include "notify/callbackdecoder.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wxr;
using namespace wxr::core;
using namespace wxr::core::test;

namespace {

constexpr qint64 kNow = 1795659120; // 2026-11-26T10:12:00+08:00
const QByteArray kPubKeyId = "PUB_KEY_ID_0119000000012026112600000000000001";

struct Case
{
    InboundRequest request;
};

} // namespace

Q_DECLARE_METATYPE(InboundRequest)

class tst_CallbackDecoder final : public QObject
{
    Q_OBJECT

    CallbackForge m_forge;
    std::shared_ptr<KeyStore> m_keys;
    PrivateKey m_pubKeyPrivate; // plays the WeChat Pay public key's private half

    CallbackDecoder decoder() const
    {
        return CallbackDecoder(m_keys, QString::fromLatin1(m_forge.mchid), m_forge.apiV3Key,
                               [] { return kNow; });
    }

    QByteArray paymentBody(const QByteArray &id = "EV-1") const
    {
        return m_forge.envelope(id, "TRANSACTION.SUCCESS",
                                m_forge.payment("T2026112600000001", 1250, kNow - 2));
    }

private slots:
    void initTestCase()
    {
        m_keys = m_forge.keyStore();
        auto k = PrivateKey::generateRsa(2048);
        QVERIFY_RESULT(k);
        m_pubKeyPrivate = *k;
        m_keys->setPublicKey(QString::fromLatin1(kPubKeyId), m_pubKeyPrivate.publicKey());
    }

    void genuinePayment()
    {
        const QByteArray body = paymentBody();
        InboundRequest r = m_forge.request(body, kNow, kNow * 1000 + 250);
        r.headers.add("Authorization", "Basic c2VjcmV0");
        r.headers.add("Cookie", "session=secret");
        const DecodedCallback d = decoder().decode(r);
        QVERIFY2(d.accepted, qPrintable(d.event.message));
        QCOMPARE(d.kind, notification::EventKind::Transaction);
        QVERIFY(d.transaction.has_value());
        QCOMPARE(d.event.source, CallbackSource::Receiver);
        QCOMPARE(d.event.notificationId, QStringLiteral("EV-1"));
        QCOMPARE(d.event.eventType, QStringLiteral("TRANSACTION.SUCCESS"));
        QCOMPARE(d.event.outTradeNo, QStringLiteral("T2026112600000001"));
        QCOMPARE(d.event.state, QStringLiteral("SUCCESS"));
        QCOMPARE(d.event.amountFen, std::optional<qint64>(1250));
        QCOMPARE(d.event.successTime, std::optional<qint64>(kNow - 2));
        QCOMPARE(d.event.notifyDelayMs(), std::optional<qint64>(2250));
        QCOMPARE(d.event.serial, QString::fromLatin1(m_forge.serial));
        QCOMPARE(d.event.cause, FailureCause::None);
        QCOMPARE(d.bodySha256.size(), 64);
        // Recorded headers keep the Wechatpay-* ones and drop what a proxy may add as secrets.
        const QJsonObject h = QJsonDocument::fromJson(d.headersJson).object();
        QVERIFY(h.contains(QStringLiteral("Wechatpay-Signature")));
        QVERIFY(h.contains(QStringLiteral("Wechatpay-Serial")));
        QVERIFY(!h.contains(QStringLiteral("Authorization")));
        QVERIFY(!h.contains(QStringLiteral("Cookie")));
        QVERIFY(!d.headersJson.contains("secret"));
    }

    // Both key modes, and both at once during a migration (spec §2.6).
    void keyModes_data()
    {
        QTest::addColumn<bool>("publicKey");
        QTest::newRow("platform certificate") << false;
        QTest::newRow("wechat pay public key") << true;
    }

    void keyModes()
    {
        QFETCH(bool, publicKey);
        const QByteArray body = paymentBody();
        InboundRequest r = m_forge.request(body, kNow);
        if (publicKey) {
            r.headers = signedHeaders(m_pubKeyPrivate, kPubKeyId, kNow, "nonce-pk", body);
            r.headers.add("Content-Type", "application/json");
        }
        const DecodedCallback d = decoder().decode(r);
        QVERIFY2(d.accepted, qPrintable(d.event.message));
        QCOMPARE(d.event.serial.toLatin1(), publicKey ? kPubKeyId : m_forge.serial);

        // A store with only the other kind of key refuses it.
        auto other = std::make_shared<KeyStore>();
        if (publicKey)
            other->addCertificate(makePlatformCert(
                m_forge.platformKey, QString::fromLatin1(m_forge.serial), 1577836800, 2208988800));
        else
            other->setPublicKey(QString::fromLatin1(kPubKeyId), m_pubKeyPrivate.publicKey());
        const CallbackDecoder onlyOther(other, QString::fromLatin1(m_forge.mchid), m_forge.apiV3Key,
                                        [] { return kNow; });
        const DecodedCallback refused = onlyOther.decode(r);
        QVERIFY(!refused.accepted);
        QCOMPARE(refused.event.cause, FailureCause::UnknownSerial);
        QCOMPARE(refused.event.httpStatus, 401);
    }

    void rejections_data()
    {
        QTest::addColumn<InboundRequest>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<FailureCause>("cause");

        const QByteArray body = paymentBody();
        const InboundRequest good = m_forge.request(body, kNow);

        InboundRequest probe = good;
        probe.headers.set("Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + QByteArray(300, 'A'));
        QTest::newRow("probe") << probe << 401 << FailureCause::Probe;

        InboundRequest tampered = good;
        tampered.body.replace("EV-1", "EV-7");
        QTest::newRow("tampered body") << tampered << 401 << FailureCause::BadSignature;

        InboundRequest garbage = good;
        garbage.headers.set("Wechatpay-Signature", "not base64 at all!");
        QTest::newRow("signature not base64") << garbage << 401 << FailureCause::BadSignature;

        QTest::newRow("stale by 301 s")
            << m_forge.request(body, kNow - 301) << 401 << FailureCause::StaleTimestamp;
        QTest::newRow("from the future by 301 s")
            << m_forge.request(body, kNow + 301) << 401 << FailureCause::StaleTimestamp;

        InboundRequest unknown = good;
        unknown.headers = signedHeaders(m_forge.platformKey, "0123456789ABCDEF", kNow, "n", body);
        unknown.headers.add("Content-Type", "application/json");
        QTest::newRow("unknown serial") << unknown << 401 << FailureCause::UnknownSerial;

        InboundRequest stripped;
        stripped.method = "POST";
        stripped.body = body;
        stripped.headers.add("Content-Type", "application/json");
        QTest::newRow("headers stripped by a proxy")
            << stripped << 401 << FailureCause::MissingHeader;

        InboundRequest get = good;
        get.method = "GET";
        QTest::newRow("GET") << get << 405 << FailureCause::Malformed;

        InboundRequest big = m_forge.request(
            QByteArray(CallbackDecoder::kDefaultMaxBodyBytes + 1, ' ') + body, kNow);
        QTest::newRow("too large") << big << 413 << FailureCause::Malformed;

        InboundRequest form = good;
        form.headers.set("Content-Type", "application/x-www-form-urlencoded");
        QTest::newRow("form content type") << form << 415 << FailureCause::Malformed;

        InboundRequest noType = good;
        noType.headers = HttpHeaders();
        for (const auto &[n, v] : good.headers.pairs()) {
            if (n != "Content-Type")
                noType.headers.add(n, v);
        }
        QTest::newRow("no content type") << noType << 415 << FailureCause::Malformed;

        QTest::newRow("signed but not JSON")
            << m_forge.request("{not json", kNow) << 400 << FailureCause::Malformed;
        QTest::newRow("signed envelope without resource")
            << m_forge.request(R"({"id":"EV-9","event_type":"TRANSACTION.SUCCESS"})", kNow) << 400
            << FailureCause::Malformed;

        const QByteArray wrongKey
            = m_forge.envelope("EV-2", "TRANSACTION.SUCCESS", m_forge.payment("T2", 100, kNow),
                               "0123456789abcdef0123456789abcdef");
        QTest::newRow("encrypted with another APIv3 key")
            << m_forge.request(wrongKey, kNow) << 401 << FailureCause::DecryptFailure;

        const QByteArray badPayload
            = m_forge.envelope("EV-3", "TRANSACTION.SUCCESS", R"({"mchid":"1900000001"})");
        QTest::newRow("payload without out_trade_no")
            << m_forge.request(badPayload, kNow) << 400 << FailureCause::Malformed;

        const QByteArray misrouted
            = m_forge.envelope("EV-4", "TRANSACTION.SUCCESS",
                               m_forge.payment("T3", 100, kNow, "SUCCESS", "1900000002"));
        QTest::newRow("another merchant")
            << m_forge.request(misrouted, kNow) << 403 << FailureCause::Misrouted;
    }

    void rejections()
    {
        QFETCH(InboundRequest, request);
        QFETCH(int, status);
        QFETCH(FailureCause, cause);
        const DecodedCallback d = decoder().decode(request);
        QVERIFY(!d.accepted);
        QCOMPARE(d.event.outcome, CallbackOutcome::Rejected);
        QCOMPARE(d.event.httpStatus, status);
        QCOMPARE(d.event.cause, cause);
        QVERIFY(!d.event.message.isEmpty());
        QVERIFY(!d.transaction && !d.refund);
        // The answer WeChat expects for a failure.
        const QJsonObject reply = QJsonDocument::fromJson(failureBody(cause)).object();
        QCOMPARE(reply.value(QStringLiteral("code")).toString(), QStringLiteral("FAIL"));
        QVERIFY(!reply.value(QStringLiteral("message")).toString().isEmpty());
    }

    void timestampWindowBoundary()
    {
        const QByteArray body = paymentBody();
        QVERIFY(decoder().decode(m_forge.request(body, kNow - 300)).accepted);
        QVERIFY(decoder().decode(m_forge.request(body, kNow + 300)).accepted);
    }

    void contentTypeWithCharset()
    {
        InboundRequest r = m_forge.request(paymentBody(), kNow);
        r.headers.set("content-type", "Application/JSON; charset=utf-8");
        QVERIFY(decoder().decode(r).accepted);
    }

    void unknownEventTypeIsIgnoredNotApplied()
    {
        const QByteArray body = m_forge.envelope("EV-5", "TRANSACTION.FAIL", "{}",
                                                 "0123456789abcdef0123456789abcdef");
        // Deliberately undecryptable: unknown events are not decrypted at all.
        const DecodedCallback d = decoder().decode(m_forge.request(body, kNow));
        QVERIFY(d.accepted);
        QCOMPARE(d.event.outcome, CallbackOutcome::Ignored);
        QCOMPARE(d.event.eventType, QStringLiteral("TRANSACTION.FAIL"));
        QCOMPARE(d.kind, notification::EventKind::Other);
        QVERIFY(!d.transaction && !d.refund);
    }

    void refundEvent()
    {
        const QByteArray body
            = m_forge.envelope("EV-6", "REFUND.SUCCESS",
                               m_forge.refund("R2026112600000001", "T2026112600000001", "SUCCESS",
                                              500, 1250, kNow - 5));
        const DecodedCallback d = decoder().decode(m_forge.request(body, kNow));
        QVERIFY2(d.accepted, qPrintable(d.event.message));
        QCOMPARE(d.kind, notification::EventKind::Refund);
        QVERIFY(d.refund.has_value());
        QCOMPARE(d.event.outRefundNo, QStringLiteral("R2026112600000001"));
        QCOMPARE(d.event.state, QStringLiteral("SUCCESS"));
        QCOMPARE(d.event.amountFen, std::optional<qint64>(500));
    }

    // The recorded headers are written without QJsonObject; they must read back as the
    // object QJsonObject would have made: names as sent, the last of equal names, values cut
    // at 512 bytes, secrets left out, Latin-1 bytes as their characters.
    void headersToRecord_data()
    {
        QTest::addColumn<QList<QByteArray>>("pairs"); // name, value, name, value, …
        QTest::newRow("none") << QList<QByteArray>{};
        QTest::newRow("plain") << QList<QByteArray>{"Wechatpay-Serial", "5157F09EFDC096DE",
                                                    "Content-Type", "application/json"};
        QTest::newRow("quotes and backslashes")
            << QList<QByteArray>{"X-A", "say \"hi\" \\ bye", "X-B", "\\\""};
        QTest::newRow("control characters")
            << QList<QByteArray>{"X-C", QByteArray("a\tb\nc\rd\be\ff\x01g\x1fh\x7f", 17)};
        QTest::newRow("Latin-1 bytes") << QList<QByteArray>{"X-D", "caf\xe9 \xff\xa0"};
        QTest::newRow("repeated name, last wins")
            << QList<QByteArray>{"X-E", "first", "X-F", "other", "X-E", "second"};
        QTest::newRow("names differing in case")
            << QList<QByteArray>{"x-g", "lower", "X-G", "upper"};
        QTest::newRow("secrets in any case")
            << QList<QByteArray>{"AUTHORIZATION",       "Basic c2VjcmV0", "cookie", "s=secret",
                                 "Proxy-Authorization", "secret",         "X-H",    "kept"};
        QTest::newRow("long value") << QList<QByteArray>{"X-I", QByteArray(2000, 'v')};
    }

    void headersToRecord()
    {
        QFETCH(QList<QByteArray>, pairs);
        HttpHeaders headers;
        QJsonObject expected;
        for (qsizetype i = 0; i + 1 < pairs.size(); i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
            const QByteArray lower = pairs[i].toLower();
            if (lower != "authorization" && lower != "cookie" && lower != "proxy-authorization")
                expected.insert(QString::fromLatin1(pairs[i]),
                                QString::fromLatin1(pairs[i + 1].left(512)));
        }
        const QByteArray json = CallbackDecoder::headersToRecord(headers);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, json.constData());
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object(), expected);
        QVERIFY(!json.contains("secret"));
        // Byte for byte what QJsonDocument writes, too.
        QCOMPARE(json, QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }
};

QTEST_GUILESS_MAIN(tst_CallbackDecoder)
#include "tst_callbackdecoder.moc"
