// SPDX-License-Identifier: GPL-3.0-or-later
#include "simserver.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "crypto/aead.h"
#include "crypto/random.h"
#include "dayfiles.h"
#include "wechatpay/httpheaders.h"
#include "wechatpay/signing.h"

#include <QAbstractHttpServer>
#include <QCryptographicHash>
#include <QDir>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <zlib.h>

namespace wxr::sim {

// --- transport ----------------------------------------------------------------------------

namespace {

/// Remembers the raw request-target of every request on one connection. QHttpServerRequest
/// only offers a QUrl, which normalises percent-encoding ("%7E" → "~", "%e4" → "%E4"), while
/// WeChat Pay verifies the signature over the query exactly as sent (spec §1.1). The tap sees
/// each chunk before QAbstractHttpServer reads it (its readyRead connection comes first).
class RequestTap final : public QObject
{
public:
    static constexpr char kName[] = "wxrecon-sim-request-tap";

    explicit RequestTap(QTcpSocket *socket)
        : QObject(socket)
    {
        setObjectName(QLatin1String(kName));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (m_broken)
                return;
            m_buffer += socket->peek(socket->bytesAvailable());
            parse();
        });
    }

    QByteArray takeTarget() { return m_targets.isEmpty() ? QByteArray() : m_targets.takeFirst(); }

    /// The tap of a connection accepted by TapServer (no Q_OBJECT here, so no qobject_cast:
    /// it is found by its unique object name).
    static RequestTap *of(QTcpSocket *socket)
    {
        return static_cast<RequestTap *>(
            socket->findChild<QObject *>(QLatin1String(kName), Qt::FindDirectChildrenOnly));
    }

private:
    void parse()
    {
        for (;;) {
            if (m_bodyLeft > 0) {
                const qint64 n = std::min<qint64>(m_bodyLeft, m_buffer.size());
                m_buffer.remove(0, n);
                m_bodyLeft -= n;
                if (m_bodyLeft > 0)
                    return;
            }
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            m_buffer.remove(0, end + 4);
            m_targets << lines.first().trimmed().split(' ').value(1);
            for (const QByteArray &line : lines) {
                const QByteArray lower = line.toLower();
                if (lower.startsWith("content-length:"))
                    m_bodyLeft = line.mid(15).trimmed().toLongLong();
                // Chunked bodies are not followed: stop tapping this connection, the server
                // falls back to Qt's view of the target (never used by our clients).
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked"))
                    m_broken = true;
            }
            if (m_broken) {
                m_buffer.clear();
                return;
            }
        }
    }

    QByteArray m_buffer;
    qint64 m_bodyLeft = 0;
    QList<QByteArray> m_targets;
    bool m_broken = false;
};

class TapServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        new RequestTap(socket);
        addPendingConnection(socket);
    }
};

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Writes an HTTP/1.1 answer straight to the socket (full control for the faults: an answer
// may stop mid-body or carry fewer bytes than a normal one). `sendBytes` < body size with
// `close` = true drops the connection after part of the body.
void writeHttp(QTcpSocket *socket, int status, const HeaderList &headers, const QByteArray &body,
               qsizetype sendBytes = -1, bool close = false)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += sendBytes < 0 ? body : body.left(sendBytes);
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}

QByteArray gzip(const QByteArray &plain)
{
    z_stream z{};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(static_cast<qsizetype>(deflateBound(&z, static_cast<uLong>(plain.size()))) + 64,
                   Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    z.avail_in = static_cast<uInt>(plain.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(static_cast<qsizetype>(z.total_out));
    deflateEnd(&z);
    return out;
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

const char *tradeStateDesc(TradeState s)
{
    switch (s) {
    case TradeState::Success:
        return "支付成功";
    case TradeState::Refund:
        return "转入退款";
    case TradeState::NotPay:
        return "订单未支付";
    case TradeState::Closed:
        return "订单已关闭";
    case TradeState::Revoked:
        return "已撤销（付款码支付）";
    case TradeState::UserPaying:
        return "用户支付中（付款码支付）";
    case TradeState::PayError:
        return "支付失败，请重新下单支付";
    case TradeState::None:
        break;
    }
    return "";
}

QString bankAccount(const QByteArray &bank, quint32 seq)
{
    if (bank == "OTHERS")
        return QStringLiteral("支付用户零钱");
    static const QHash<QByteArray, QString> names = {
        {"CMB", QStringLiteral("招商银行")},  {"ICBC", QStringLiteral("工商银行")},
        {"CCB", QStringLiteral("建设银行")},  {"ABC", QStringLiteral("农业银行")},
        {"BOC", QStringLiteral("中国银行")},  {"SPDB", QStringLiteral("浦发银行")},
        {"COMM", QStringLiteral("交通银行")},
    };
    const QList<QByteArray> parts = bank.split('_');
    return names.value(parts.first(), QString::fromLatin1(parts.first()))
           + (parts.value(1) == "CREDIT" ? QStringLiteral("信用卡") : QStringLiteral("借记卡"))
           + QString::number(1000 + seq % 9000);
}

// Request-ID as WeChat Pay sends it: an opaque part, '-', and a numeric internal code
// (268512771 = order does not exist, 268443699 = signature error, spec §0).
QByteArray requestId(const QByteArray &code)
{
    return core::random::bytes(16).toHex().toUpper() + '-'
           + (code.isEmpty() ? QByteArray("0") : code);
}

} // namespace

// --- the server object ----------------------------------------------------------------------

struct SimServer::Pending
{
    QByteArray method;
    QByteArray target; ///< raw request-target: path plus '?' and query, as sent
    QByteArray path;
    QByteArray query;
    core::HttpHeaders headers;
    QByteArray body;
    QPointer<QTcpSocket> socket;
};

struct SimServer::Reply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json; charset=utf-8";
    bool download = false;
    bool signable = true;
    QByteArray code; ///< Request-ID suffix
    std::shared_ptr<BillFile> file;
    bool gzip = false;

    static Reply error(int status, const char *errorCode, const QString &message,
                       const QJsonObject &detail = {})
    {
        QJsonObject o{{QStringLiteral("code"), QString::fromLatin1(errorCode)},
                      {QStringLiteral("message"), message}};
        if (!detail.isEmpty())
            o.insert(QStringLiteral("detail"), detail);
        Reply r;
        r.status = status;
        r.body = json(o);
        return r;
    }
};

struct SimServer::BillFile
{
    QByteArray plain;
    QByteArray gz; ///< built on first GZIP request
    QByteArray sha1Hex;
    qsizetype rows = 0;
};

class HttpFront final : public QAbstractHttpServer
{
public:
    explicit HttpFront(SimServer *sim)
        : m_sim(sim)
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        SimServer::Pending p;
        switch (request.method()) {
        case QHttpServerRequest::Method::Get:
            p.method = "GET";
            break;
        case QHttpServerRequest::Method::Post:
            p.method = "POST";
            break;
        case QHttpServerRequest::Method::Put:
            p.method = "PUT";
            break;
        case QHttpServerRequest::Method::Delete:
            p.method = "DELETE";
            break;
        case QHttpServerRequest::Method::Patch:
            p.method = "PATCH";
            break;
        default:
            p.method = "OTHER";
            break;
        }
        if (auto *tap = RequestTap::of(socket)) {
            p.target = tap->takeTarget();
            // Same path as Qt parsed, or the tap lost track: then Qt's form is used.
            if (QUrl::fromEncoded("http://h" + p.target).path() != request.url().path())
                p.target.clear();
        }
        if (p.target.isEmpty()) // not seen by the tap: fall back to Qt's (normalised) form
            p.target = core::signing::canonicalUrl(request.url());
        const qsizetype q = p.target.indexOf('?');
        p.path = q < 0 ? p.target : p.target.left(q);
        p.query = q < 0 ? QByteArray() : p.target.mid(q + 1);
        p.headers = core::HttpHeaders(request.headers());
        p.body = request.body();
        p.socket = socket;
        m_sim->handle(std::move(p));
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *socket) override
    {
        writeHttp(socket, 404, {}, {});
    }

private:
    SimServer *m_sim;
};

SimServer::SimServer(SimSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_rng(mix64(m_settings.day.seed ^ 0x73696D736572ULL))
{
    if (!m_settings.day.date.isValid())
        m_settings.day.date = cst::billDateOf(cst::now()).addDays(-1);
}

SimServer::~SimServer() = default;

QUrl SimServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString SimServer::stateDir() const
{
    return m_keys ? m_keys->dir() : m_settings.stateDir;
}

QString SimServer::merchantIniPath() const
{
    return m_keys ? m_keys->merchantIniPath() : QString();
}

qint64 SimServer::now() const
{
    return cst::now() + m_settings.faults.clockSkewSeconds;
}

Result<quint16> SimServer::start(quint16 port)
{
    if (Status v = validate(m_settings.day); !v)
        return v.error();
    auto keys = SimKeys::openOrCreate(m_settings.stateDir, m_settings.day.mchid.toLatin1());
    if (!keys)
        return keys.error();
    m_keys = std::move(*keys);
    m_day = generateDay(m_settings.day);
    for (quint32 i = 0; i < m_day.orders.size(); ++i) {
        const SimOrder &o = m_day.orders[i];
        m_byOutTradeNo.insert(m_day.outTradeNo(o), i);
        if (o.wxPaidAt != 0)
            m_byTransactionId.insert(m_day.transactionId(o), i);
    }
    for (quint32 i = 0; i < m_day.refunds.size(); ++i) {
        if (m_day.refunds[i].wxState != RefundState::None)
            m_byOutRefundNo.insert(m_day.outRefundNo(m_day.refunds[i]), i);
    }

    auto *tcp = new TapServer;
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return makeError(ErrorCode::Network,
                         Tr::tr("Cannot listen on 127.0.0.1:%1: %2.").arg(port).arg(why));
    }
    m_http = std::make_unique<HttpFront>(this);
    tcp->setParent(m_http.get());
    m_http->bind(tcp);
    m_port = tcp->serverPort();
    if (Status s = m_keys->writeMerchantIni(baseUrl().toString(), m_settings.keyMode); !s)
        return s.error();

    if (!m_settings.notifyUrl.isEmpty()) {
        if (Status s = setNotifyUrl(m_settings.notifyUrl); !s)
            return s.error();
    }

    // Orders that get paid while the stand-in runs: re-query and callback tests.
    if (m_settings.autoPayShare > 0) {
        for (const SimOrder &o : m_day.orders) {
            if (o.wxState == TradeState::NotPay && m_rng.unit() < m_settings.autoPayShare) {
                const QByteArray otn = m_day.outTradeNo(o);
                QTimer::singleShot(m_settings.autoPayAfterSeconds * 1000, this,
                                   [this, otn] { (void)payOrder(otn); });
            }
        }
    }
    return m_port;
}

void SimServer::stop()
{
    m_http.reset();
    delete m_notifier;
    m_notifier = nullptr;
    m_port = 0;
}

void SimServer::setFaults(const FaultSettings &faults)
{
    m_settings.faults = faults;
    if (m_notifier)
        m_notifier->setFaults(faults.notify);
}

Status SimServer::setNotifyUrl(const QUrl &url)
{
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The notify URL “%1” is not an http(s) URL.").arg(url.toString()));
    if (url.hasQuery())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The notify URL “%1” must not carry query parameters (spec §4.1).")
                             .arg(url.toString()));
    delete m_notifier;
    m_settings.notifyUrl = url;
    m_notifier = new Notifier(
        url, m_keys->apiv3Key(),
        [this](const QByteArray &body, bool publicKey) { return signCallback(body, publicKey); },
        [this] { return now(); }, m_settings.day.seed, this);
    m_notifier->setFaults(m_settings.faults.notify);
    m_notifier->setTimeScale(m_settings.timeScale);
    connect(m_notifier, &Notifier::recorded, this, &SimServer::deliveryRecorded);
    return {};
}

QList<DeliveryRecord> SimServer::deliveries(qint64 since) const
{
    return m_notifier ? m_notifier->records(since) : QList<DeliveryRecord>();
}

void SimServer::countRequest(const QString &endpoint)
{
    ++m_counts[endpoint][now()];
}

int SimServer::countThisSecond(const QString &endpoint) const
{
    return m_counts.value(endpoint).value(now());
}

QJsonObject SimServer::requestCounts() const
{
    QJsonObject out;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        QJsonObject perSecond;
        for (auto s = it->cbegin(); s != it->cend(); ++s)
            perSecond.insert(QString::number(s.key()), s.value());
        out.insert(it.key(), perSecond);
    }
    return out;
}

// --- signing --------------------------------------------------------------------------------

CallbackSignature SimServer::signCallback(const QByteArray &body, bool publicKey) const
{
    const bool usePublic = m_settings.keyMode == KeyMode::PublicKey
                           || (m_settings.keyMode == KeyMode::Both && publicKey);
    const PlatformKey &cert = m_keys->signingPlatform(now());
    const core::PrivateKey &key = usePublic ? m_keys->publicKeyPrivate() : cert.key;
    CallbackSignature s;
    s.timestamp = QByteArray::number(now());
    s.nonce = core::random::nonceString(32);
    s.serial = usePublic ? m_keys->publicKeyId() : cert.serial;
    const auto sig = key.signSha256(core::signing::responseMessage(s.timestamp, s.nonce, body));
    s.signature = sig ? sig->toBase64() : QByteArray();
    return s;
}

QByteArray SimServer::signatureHeaders(const Pending &p, const QByteArray &body,
                                       bool oldCertificate, QByteArray &serial) const
{
    // The key follows spec §2.6: the public key when the merchant asked for it with
    // Wechatpay-Serial (both mode) or has nothing else (pubkey mode); else the newest platform
    // certificate, or an older one while a rotation is under way.
    const auto asked = p.headers.value("Wechatpay-Serial");
    const bool usePublic
        = m_settings.keyMode == KeyMode::PublicKey
          || (m_settings.keyMode == KeyMode::Both && asked && *asked == m_keys->publicKeyId());
    const PlatformKey &cert = m_keys->signingPlatform(now(), oldCertificate);
    const core::PrivateKey &key = usePublic ? m_keys->publicKeyPrivate() : cert.key;
    serial = usePublic ? m_keys->publicKeyId() : cert.serial;
    const QByteArray ts = QByteArray::number(now());
    const QByteArray nonce = core::random::nonceString(32);
    const auto sig = key.signSha256(core::signing::responseMessage(ts, nonce, body));
    return ts + '\n' + nonce + '\n' + (sig ? sig->toBase64() : QByteArray());
}

std::optional<QByteArray> SimServer::authenticate(const Pending &p) const
{
    const auto header = p.headers.value("Authorization");
    if (!header)
        return QByteArray("the Authorization header is missing");
    const auto fields = core::signing::parseAuthorization(*header);
    if (!fields)
        return fields.error().message.toUtf8();
    if (fields->mchid != m_keys->mchid())
        return QByteArray("mchid in Authorization is not this merchant");
    if (fields->serialNo.compare(m_keys->merchantSerial(), Qt::CaseInsensitive) != 0)
        return QByteArray("serial_no does not name the merchant API certificate");
    bool ok = false;
    const qint64 ts = fields->timestamp.toLongLong(&ok);
    if (!ok || std::abs(now() - ts) > m_settings.requestWindowSeconds)
        return QByteArray("timestamp is outside the accepted window");
    const auto decoded = QByteArray::fromBase64Encoding(fields->signature,
                                                        QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray message = core::signing::requestMessage(p.method, p.target, fields->timestamp,
                                                             fields->nonce, p.body);
    if (!decoded || !m_keys->merchantPublicKey().verifySha256(message, *decoded))
        return QByteArray("signature does not verify");
    return std::nullopt;
}

// --- request handling -----------------------------------------------------------------------

void SimServer::handle(Pending p)
{
    if (!p.socket)
        return;
    if (p.path.startsWith("/_sim/")) {
        Reply r = control(p);
        writeHttp(p.socket, r.status, {{"Content-Type", r.contentType}}, r.body);
        return;
    }
    static const QList<std::tuple<QRegularExpression, QByteArray, QString>> routes = {
        {QRegularExpression(QStringLiteral("^/v3/certificates$")), "GET",
         QStringLiteral("certificates")},
        {QRegularExpression(QStringLiteral("^/v3/pay/transactions/out-trade-no/[^/]+$")), "GET",
         QStringLiteral("query")},
        {QRegularExpression(QStringLiteral("^/v3/pay/transactions/id/[^/]+$")), "GET",
         QStringLiteral("query")},
        {QRegularExpression(QStringLiteral("^/v3/pay/transactions/out-trade-no/[^/]+/close$")),
         "POST", QStringLiteral("close")},
        {QRegularExpression(QStringLiteral("^/v3/refund/domestic/refunds/[^/]+$")), "GET",
         QStringLiteral("refund-query")},
        {QRegularExpression(QStringLiteral("^/v3/bill/tradebill$")), "GET",
         QStringLiteral("tradebill")},
        {QRegularExpression(QStringLiteral("^/v3/bill/fundflowbill$")), "GET",
         QStringLiteral("fundflowbill")},
        {QRegularExpression(QStringLiteral("^/v3/billdownload/file$")), "GET",
         QStringLiteral("download")},
    };
    QString endpoint;
    bool wrongMethod = false;
    for (const auto &[re, method, name] : routes) {
        if (re.match(QString::fromLatin1(p.path)).hasMatch()) {
            if (method == p.method) {
                endpoint = name;
                wrongMethod = false;
                break;
            }
            wrongMethod = true;
        }
    }
    if (endpoint.isEmpty()) {
        const Reply r
            = wrongMethod
                  ? Reply::error(405, "METHOD_NOT_ALLOWED", QStringLiteral("请求方法不允许"))
                  : Reply::error(404, "NOT_FOUND", QStringLiteral("请求的资源不存在"));
        writeHttp(p.socket, r.status,
                  {{"Request-ID", requestId({})}, {"Content-Type", r.contentType}}, r.body);
        return;
    }
    countRequest(endpoint);
    const EndpointFaults faults = m_settings.faults.forEndpoint(endpoint);

    if (const auto failure = authenticate(p)) {
        QByteArray sample = core::signing::requestMessage(p.method, p.target, QByteArrayView("?"),
                                                          QByteArrayView("?"), p.body);
        const QJsonObject info{
            {QStringLiteral("method"), QString::fromLatin1(p.method)},
            {QStringLiteral("url"), QString::fromLatin1(p.target)},
            {QStringLiteral("sign_message_length"), sample.size()},
            {QStringLiteral("truncated_sign_message"), QString::fromUtf8(sample.left(64))}};
        Reply r = Reply::error(401, "SIGN_ERROR", QStringLiteral("签名错误"),
                               {{QStringLiteral("issue"), QString::fromUtf8(*failure)},
                                {QStringLiteral("sign_information"), info}});
        r.code = "268443699";
        send(p, r, faults, false);
        return;
    }
    if (faults.limitPerSecond > 0 && countThisSecond(endpoint) > faults.limitPerSecond) {
        send(p, Reply::error(429, "FREQUENCY_LIMITED", QStringLiteral("频率超限")), faults, false);
        return;
    }
    if (faults.error429 > 0 && m_rng.unit() < faults.error429) {
        send(p, Reply::error(429, "FREQUENCY_LIMITED", QStringLiteral("频率超限")), faults, false);
        return;
    }
    if (m_settings.faults.takeFailNext(endpoint)
        || (faults.error500 > 0 && m_rng.unit() < faults.error500)) {
        send(p, Reply::error(500, "SYSTEM_ERROR", QStringLiteral("系统错误")), faults, false);
        return;
    }
    send(p, dispatch(p, endpoint), faults, true);
}

void SimServer::send(const Pending &p, Reply reply, const EndpointFaults &faults,
                     bool authenticated)
{
    const bool drop = faults.drop > 0 && m_rng.unit() < faults.drop;
    const bool truncate = reply.download && faults.truncate > 0 && m_rng.unit() < faults.truncate;
    const bool badSignature = faults.badSignature > 0 && m_rng.unit() < faults.badSignature;
    const bool noSignature = faults.noSignature > 0 && m_rng.unit() < faults.noSignature;
    const bool oldCertificate = faults.oldCertificate > 0 && m_rng.unit() < faults.oldCertificate;
    const int latency
        = faults.latencyMaxMs > 0
              ? static_cast<int>(m_rng.range(faults.latencyMinMs, faults.latencyMaxMs))
              : 0;

    HeaderList headers{{"Request-ID", requestId(reply.code)}};
    QByteArray body = reply.body;
    if (reply.download) {
        body = reply.gzip ? reply.file->gz : reply.file->plain;
        headers.append({"Content-Type", reply.gzip ? QByteArray("application/x-gzip")
                                                   : QByteArray("application/octet-stream")});
        if (truncate)
            body.truncate(body.size() * 2 / 3);
    } else {
        headers.append({"Content-Type", reply.contentType});
        // Signed: every answer to an authenticated request (2xx and business errors); never
        // the download (spec §2.4) and never the 401/429/500 that stop before the business.
        if (authenticated && reply.signable && !noSignature) {
            QByteArray serial;
            const QList<QByteArray> sig
                = signatureHeaders(p, body, oldCertificate, serial).split('\n');
            QByteArray signature = sig.value(2);
            if (badSignature) // valid Base64, wrong bytes
                signature = core::random::bytes(256).toBase64();
            headers.append({"Wechatpay-Nonce", sig.value(1)});
            headers.append({"Wechatpay-Serial", serial});
            headers.append({"Wechatpay-Signature", signature});
            headers.append({"Wechatpay-Timestamp", sig.value(0)});
        }
    }
    // HTTP/1.1: the client may ask for the connection to end with this answer.
    const bool closeAfter
        = p.headers.value("Connection").value_or(QByteArray()).compare("close", Qt::CaseInsensitive)
          == 0;
    const auto finish = [socket = p.socket, status = reply.status, headers, body, drop,
                         download = reply.download, closeAfter] {
        if (!socket)
            return;
        if (drop && download)
            writeHttp(socket, status, headers, body, body.size() / 2, true);
        else if (drop)
            socket->abort();
        else
            writeHttp(socket, status, headers, body, -1, closeAfter);
    };
    if (latency > 0)
        QTimer::singleShot(latency, p.socket.data(), finish);
    else
        finish();
}

SimServer::Reply SimServer::dispatch(const Pending &p, const QString &endpoint)
{
    const QByteArray path = p.path;
    const auto lastSegment = [&path](int fromEnd) {
        const QList<QByteArray> parts = path.split('/');
        return QByteArray::fromPercentEncoding(parts.value(parts.size() - 1 - fromEnd));
    };
    if (endpoint == u"certificates")
        return certificates();
    if (endpoint == u"query")
        return queryOrder(p, lastSegment(0), path.startsWith("/v3/pay/transactions/id/"));
    if (endpoint == u"close")
        return closeOrder(p, lastSegment(1));
    if (endpoint == u"refund-query")
        return queryRefund(lastSegment(0));
    if (endpoint == u"tradebill" || endpoint == u"fundflowbill")
        return applyBill(p, endpoint == u"fundflowbill", m_settings.faults.forEndpoint(endpoint));
    return download(p);
}

QJsonObject SimServer::transactionJson(const SimOrder &o) const
{
    const bool paid = o.wxState == TradeState::Success || o.wxState == TradeState::Refund
                      || o.wxState == TradeState::Revoked;
    QJsonObject amount{{QStringLiteral("total"), o.amount},
                       {QStringLiteral("currency"), QStringLiteral("CNY")}};
    QJsonObject t{
        {QStringLiteral("appid"), QString::fromLatin1(m_day.appids[o.appid])},
        {QStringLiteral("mchid"), QString::fromLatin1(m_day.mchid)},
        {QStringLiteral("out_trade_no"), QString::fromLatin1(m_day.outTradeNo(o))},
        {QStringLiteral("trade_state"), QString::fromLatin1(tradeStateName(o.wxState))},
        {QStringLiteral("trade_state_desc"), QString::fromUtf8(tradeStateDesc(o.wxState))}};
    QJsonArray promotions;
    if (paid) {
        amount.insert(QStringLiteral("payer_total"), o.amount - o.coupon);
        amount.insert(QStringLiteral("payer_currency"), QStringLiteral("CNY"));
        t.insert(QStringLiteral("transaction_id"), QString::fromLatin1(m_day.transactionId(o)));
        t.insert(QStringLiteral("trade_type"), QString::fromLatin1(kTradeTypes[o.tradeType]));
        t.insert(QStringLiteral("bank_type"), QString::fromLatin1(m_day.banks[o.bank]));
        t.insert(QStringLiteral("success_time"), cst::formatRfc3339(o.wxPaidAt));
        t.insert(QStringLiteral("payer"),
                 QJsonObject{{QStringLiteral("openid"), QString::fromLatin1(m_day.openid(o))}});
        t.insert(QStringLiteral("attach"),
                 o.attach ? QStringLiteral("store=%1").arg(o.attach) : QString());
        if (o.coupon > 0)
            promotions.append(
                QJsonObject{{QStringLiteral("coupon_id"),
                             QStringLiteral("1%1").arg(o.seq, 9, 10, QLatin1Char('0'))},
                            {QStringLiteral("name"), QStringLiteral("满减券")},
                            {QStringLiteral("scope"), QStringLiteral("GLOBAL")},
                            {QStringLiteral("type"), QStringLiteral("NOCASH")},
                            {QStringLiteral("amount"), o.coupon},
                            {QStringLiteral("currency"), QStringLiteral("CNY")}});
    }
    t.insert(QStringLiteral("amount"), amount);
    t.insert(QStringLiteral("promotion_detail"), promotions);
    if (o.device)
        t.insert(QStringLiteral("scene_info"),
                 QJsonObject{{QStringLiteral("device_id"),
                              QStringLiteral("POS-%1").arg(o.device, 4, 10, QLatin1Char('0'))}});
    return t;
}

QJsonObject SimServer::refundJson(const SimRefund &r, bool forCallback) const
{
    const SimOrder &o = m_day.orders[r.order];
    QJsonObject amount{{QStringLiteral("total"), o.amount},
                       {QStringLiteral("refund"), r.amount},
                       {QStringLiteral("payer_total"), o.amount - o.coupon},
                       {QStringLiteral("payer_refund"), r.amount - r.couponRefund}};
    QJsonObject j{
        {QStringLiteral("out_trade_no"), QString::fromLatin1(m_day.outTradeNo(o))},
        {QStringLiteral("transaction_id"), QString::fromLatin1(m_day.transactionId(o))},
        {QStringLiteral("out_refund_no"), QString::fromLatin1(m_day.outRefundNo(r))},
        {QStringLiteral("refund_id"), QString::fromLatin1(m_day.refundId(r))},
        {QStringLiteral("user_received_account"), bankAccount(m_day.banks[o.bank], r.seq)}};
    if (r.wxState == RefundState::Success && r.successAt != 0)
        j.insert(QStringLiteral("success_time"), cst::formatRfc3339(r.successAt));
    const QString status = QString::fromLatin1(refundStateName(r.wxState));
    if (forCallback) {
        // The callback says refund_status where the query says status (spec §4.4).
        j.insert(QStringLiteral("mchid"), QString::fromLatin1(m_day.mchid));
        j.insert(QStringLiteral("refund_status"), status);
    } else {
        amount.insert(QStringLiteral("settlement_total"), o.amount - o.coupon);
        amount.insert(QStringLiteral("settlement_refund"), r.amount - r.couponRefund);
        amount.insert(QStringLiteral("discount_refund"), r.couponRefund);
        amount.insert(QStringLiteral("currency"), QStringLiteral("CNY"));
        amount.insert(QStringLiteral("from"), QJsonArray());
        j.insert(QStringLiteral("status"), status);
        j.insert(QStringLiteral("channel"), QStringLiteral("ORIGINAL"));
        j.insert(QStringLiteral("funds_account"), QStringLiteral("AVAILABLE"));
        j.insert(QStringLiteral("create_time"), cst::formatRfc3339(r.wxCreatedAt));
        j.insert(QStringLiteral("promotion_detail"), QJsonArray());
    }
    j.insert(QStringLiteral("amount"), amount);
    return j;
}

SimServer::Reply SimServer::queryOrder(const Pending &p, const QByteArray &id, bool byTransactionId)
{
    const QUrlQuery q(QString::fromLatin1(p.query));
    const QString mchid = q.queryItemValue(QStringLiteral("mchid"), QUrl::FullyDecoded);
    if (mchid.isEmpty())
        return Reply::error(400, "PARAM_ERROR", QStringLiteral("缺少参数mchid"),
                            {{QStringLiteral("field"), QStringLiteral("mchid")},
                             {QStringLiteral("location"), QStringLiteral("query")}});
    if (mchid.toLatin1() != m_keys->mchid())
        return Reply::error(400, "PARAM_ERROR", QStringLiteral("商户号与请求头中的商户号不一致"));
    const auto &index = byTransactionId ? m_byTransactionId : m_byOutTradeNo;
    const auto it = index.constFind(id);
    if (it == index.cend()) {
        Reply r = Reply::error(404, "ORDER_NOT_EXIST", QStringLiteral("订单不存在"));
        r.code = "268512771";
        return r;
    }
    Reply r;
    r.body = json(transactionJson(m_day.orders[*it]));
    return r;
}

SimServer::Reply SimServer::closeOrder(const Pending &p, const QByteArray &outTradeNo)
{
    const QJsonObject body = QJsonDocument::fromJson(p.body).object();
    if (body.value(QStringLiteral("mchid")).toString().toLatin1() != m_keys->mchid())
        return Reply::error(400, "PARAM_ERROR", QStringLiteral("请求体中的mchid无效"),
                            {{QStringLiteral("field"), QStringLiteral("mchid")},
                             {QStringLiteral("location"), QStringLiteral("body")}});
    const auto it = m_byOutTradeNo.constFind(outTradeNo);
    if (it == m_byOutTradeNo.cend()) {
        Reply r = Reply::error(404, "ORDER_NOT_EXIST", QStringLiteral("订单不存在"));
        r.code = "268512771";
        return r;
    }
    SimOrder &o = m_day.orders[*it];
    switch (o.wxState) {
    case TradeState::Success:
    case TradeState::Refund:
        return Reply::error(400, "ORDER_PAID", QStringLiteral("订单已支付"));
    case TradeState::Revoked:
        return Reply::error(400, "ORDER_CLOSED", QStringLiteral("订单已撤销"));
    default:
        o.wxState = TradeState::Closed; // closing a closed order again is fine (re-callable)
        break;
    }
    Reply r;
    r.status = 204;
    r.body.clear();
    return r;
}

SimServer::Reply SimServer::queryRefund(const QByteArray &outRefundNo)
{
    const auto it = m_byOutRefundNo.constFind(outRefundNo);
    if (it == m_byOutRefundNo.cend())
        return Reply::error(404, "RESOURCE_NOT_EXISTS", QStringLiteral("退款单不存在"));
    Reply r;
    r.body = json(refundJson(m_day.refunds[*it], false));
    return r;
}

SimServer::Reply SimServer::certificates()
{
    if (m_settings.keyMode == KeyMode::PublicKey) {
        switch (m_settings.noCertificates) {
        case NoCertificatesAnswer::ResourceNotExists:
            return Reply::error(
                404, "RESOURCE_NOT_EXISTS",
                QStringLiteral("无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥"));
        case NoCertificatesAnswer::NotFound:
            return Reply::error(404, "NOT_FOUND", QStringLiteral("无可用的平台证书"));
        case NoCertificatesAnswer::EmptyList:
            break;
        }
        Reply r;
        r.body = json({{QStringLiteral("data"), QJsonArray()}});
        return r;
    }
    QJsonArray data;
    for (const PlatformKey &k : m_keys->platform()) {
        const QByteArray nonce = core::random::nonceString(12);
        const auto cipher = core::aead::encryptAes256Gcm(m_keys->apiv3Key(), nonce, "certificate",
                                                         k.certificate.toPem());
        if (!cipher)
            return Reply::error(500, "SYSTEM_ERROR", QStringLiteral("系统错误"));
        data.append(QJsonObject{
            {QStringLiteral("serial_no"), QString::fromLatin1(k.serial)},
            {QStringLiteral("effective_time"), cst::formatRfc3339(k.certificate.notBefore())},
            {QStringLiteral("expire_time"), cst::formatRfc3339(k.expireTime())},
            {QStringLiteral("encrypt_certificate"),
             QJsonObject{
                 {QStringLiteral("algorithm"), QStringLiteral("AEAD_AES_256_GCM")},
                 {QStringLiteral("nonce"), QString::fromLatin1(nonce)},
                 {QStringLiteral("associated_data"), QStringLiteral("certificate")},
                 {QStringLiteral("ciphertext"), QString::fromLatin1(cipher->toBase64())}}}});
    }
    Reply r;
    r.body = json({{QStringLiteral("data"), data}});
    return r;
}

const SimServer::BillFile &SimServer::bill(bool fundFlow, int type)
{
    const int key = fundFlow ? 100 : type;
    auto &slot = m_bills[key];
    if (!slot) {
        slot = std::make_shared<BillFile>();
        slot->plain
            = fundFlow ? fundFlowBill(m_day) : tradeBill(m_day, static_cast<TradeBillType>(type));
        slot->rows = fundFlow ? static_cast<qsizetype>(m_day.bill.size())
                              : tradeBillRowCount(m_day, static_cast<TradeBillType>(type));
        slot->sha1Hex = QCryptographicHash::hash(slot->plain, QCryptographicHash::Sha1).toHex();
    }
    return *slot;
}

SimServer::Reply SimServer::applyBill(const Pending &p, bool fundFlow, const EndpointFaults &faults)
{
    const QUrlQuery q(QString::fromLatin1(p.query));
    const auto value = [&q](const char *key) {
        return q.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
    };
    const QString dateText = value("bill_date");
    if (dateText.isEmpty())
        return Reply::error(400, "PARAM_ERROR", QStringLiteral("缺少参数bill_date"));
    const QDate date = QDate::fromString(dateText, QStringLiteral("yyyy-MM-dd"));
    const QDate today = cst::billDateOf(now());
    if (!date.isValid() || dateText.size() != 10)
        return Reply::error(400, "INVALID_REQUEST", QStringLiteral("账单日期格式不正确"));
    if (date >= today || date < today.addMonths(-3))
        return Reply::error(400, "INVALID_REQUEST", QStringLiteral("账单日期超出可下载范围"));
    int type = static_cast<int>(TradeBillType::All);
    if (fundFlow) {
        const QString account = value("account_type");
        if (!account.isEmpty() && account != u"BASIC" && account != u"OPERATION"
            && account != u"FEES")
            return Reply::error(400, "PARAM_ERROR", QStringLiteral("account_type取值无效"));
        if (!account.isEmpty() && account != u"BASIC")
            return Reply::error(400, "NO_STATEMENT_EXIST", QStringLiteral("该日期无资金流水"));
    } else {
        const QString billType = value("bill_type");
        if (billType == u"SUCCESS")
            type = static_cast<int>(TradeBillType::Success);
        else if (billType == u"REFUND")
            type = static_cast<int>(TradeBillType::Refund);
        else if (billType == u"RECHARGE_REFUND" || billType.endsWith(u"_SPECIAL"))
            return Reply::error(400, "NO_STATEMENT_EXIST", QStringLiteral("账单文件不存在"));
        else if (!billType.isEmpty() && billType != u"ALL")
            return Reply::error(400, "PARAM_ERROR", QStringLiteral("bill_type取值无效"));
    }
    const QString tar = value("tar_type");
    if (!tar.isEmpty() && tar != u"GZIP")
        return Reply::error(400, "PARAM_ERROR", QStringLiteral("tar_type取值无效"));
    if (date != m_day.options.date)
        return Reply::error(400, "NO_STATEMENT_EXIST", QStringLiteral("账单文件不存在"));
    if (cst::now() < m_settings.billsReadyAt)
        return Reply::error(400, "STATEMENT_CREATING", QStringLiteral("账单生成中，请稍后再试"));
    (void)bill(fundFlow, type);
    const std::shared_ptr<BillFile> file = m_bills.value(fundFlow ? 100 : type);
    if (file->rows == 0)
        return Reply::error(400, "NO_STATEMENT_EXIST", QStringLiteral("账单文件不存在"));
    const bool gz = tar == u"GZIP";
    if (gz && file->gz.isEmpty())
        file->gz = gzip(file->plain);

    // Expired tokens are forgotten lazily.
    for (auto it = m_downloads.begin(); it != m_downloads.end();)
        it = it->expiresAt < now() - 3600 ? m_downloads.erase(it) : std::next(it);
    const QByteArray token = core::random::nonceString(40);
    m_downloads.insert(token, {file, gz, now() + m_settings.downloadTtlSeconds});
    QByteArray hash = file->sha1Hex;
    if (faults.wrongHash > 0 && m_rng.unit() < faults.wrongHash)
        hash[0] = hash[0] == '0' ? '1' : '0';
    const QString url = baseUrl().toString() + QStringLiteral("/v3/billdownload/file?token=")
                        + QString::fromLatin1(token)
                        + (gz ? QStringLiteral("&tartype=gzip") : QString());
    Reply r;
    r.body = json({{QStringLiteral("hash_type"), QStringLiteral("SHA1")},
                   {QStringLiteral("hash_value"), QString::fromLatin1(hash)},
                   {QStringLiteral("download_url"), url}});
    return r;
}

SimServer::Reply SimServer::download(const Pending &p)
{
    const QUrlQuery q(QString::fromLatin1(p.query));
    const QByteArray token
        = q.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toLatin1();
    const EndpointFaults faults = m_settings.faults.forEndpoint(QStringLiteral("download"));
    const bool expired = faults.expire > 0 && m_rng.unit() < faults.expire;
    const auto it = m_downloads.constFind(token);
    if (expired || it == m_downloads.cend() || it->expiresAt < now())
        return Reply::error(400, "INVALID_REQUEST",
                            QStringLiteral("下载链接无效或已过期，请重新申请"));
    Reply r;
    r.download = true;
    r.signable = false;
    r.file = it->file;
    r.gzip = it->gzip;
    return r;
}

// --- state changes and callbacks -----------------------------------------------------------

Status SimServer::payOrder(const QByteArray &outTradeNo)
{
    const auto it = m_byOutTradeNo.constFind(outTradeNo);
    if (it == m_byOutTradeNo.cend())
        return makeError(ErrorCode::NotFound,
                         Tr::tr("Order %1 does not exist.").arg(QString::fromLatin1(outTradeNo)));
    SimOrder &o = m_day.orders[*it];
    if (o.wxState != TradeState::NotPay && o.wxState != TradeState::UserPaying)
        return makeError(ErrorCode::Conflict,
                         Tr::tr("Order %1 is %2 and cannot be paid.")
                             .arg(QString::fromLatin1(outTradeNo),
                                  QString::fromLatin1(tradeStateName(o.wxState))));
    o.wxState = TradeState::Success;
    o.wxPaidAt = now();
    m_byTransactionId.insert(m_day.transactionId(o), *it);
    return notifyOrder(outTradeNo);
}

Status SimServer::notifyOrder(const QByteArray &outTradeNo)
{
    const auto it = m_byOutTradeNo.constFind(outTradeNo);
    if (it == m_byOutTradeNo.cend())
        return makeError(ErrorCode::NotFound,
                         Tr::tr("Order %1 does not exist.").arg(QString::fromLatin1(outTradeNo)));
    const SimOrder &o = m_day.orders[*it];
    if (o.wxState != TradeState::Success && o.wxState != TradeState::Refund)
        return makeError(ErrorCode::Conflict,
                         Tr::tr("Order %1 is not paid.").arg(QString::fromLatin1(outTradeNo)));
    if (!m_notifier)
        return {};
    QJsonObject t = transactionJson(o);
    t.insert(QStringLiteral("trade_state"), QStringLiteral("SUCCESS")); // the payment event
    t.insert(QStringLiteral("trade_state_desc"),
             QString::fromUtf8(tradeStateDesc(TradeState::Success)));
    m_notifier->send({"TRANSACTION.SUCCESS", "支付成功", "transaction", json(t), outTradeNo, {}});
    return {};
}

void SimServer::notifyRefund(const SimRefund &r)
{
    if (!m_notifier)
        return;
    const char *event = r.wxState == RefundState::Success    ? "REFUND.SUCCESS"
                        : r.wxState == RefundState::Abnormal ? "REFUND.ABNORMAL"
                                                             : "REFUND.CLOSED";
    const char *summary = r.wxState == RefundState::Success    ? "退款成功"
                          : r.wxState == RefundState::Abnormal ? "退款异常"
                                                               : "退款关闭";
    m_notifier->send({event, summary, "refund", json(refundJson(r, true)),
                      m_day.outTradeNo(m_day.orders[r.order]), m_day.outRefundNo(r)});
}

Result<QByteArray> SimServer::refundOrder(const QByteArray &outTradeNo, Fen amount)
{
    const auto it = m_byOutTradeNo.constFind(outTradeNo);
    if (it == m_byOutTradeNo.cend())
        return makeError(ErrorCode::NotFound,
                         Tr::tr("Order %1 does not exist.").arg(QString::fromLatin1(outTradeNo)));
    SimOrder &o = m_day.orders[*it];
    if (o.wxState != TradeState::Success && o.wxState != TradeState::Refund)
        return makeError(ErrorCode::Conflict,
                         Tr::tr("Order %1 is not paid.").arg(QString::fromLatin1(outTradeNo)));
    Fen refunded = 0;
    for (const SimRefund &r : m_day.refunds) {
        if (r.order == *it && r.wxState != RefundState::None && r.wxState != RefundState::Closed)
            refunded += r.amount;
    }
    if (amount <= 0 || amount > o.amount - refunded)
        return makeError(ErrorCode::Conflict,
                         Tr::tr("A refund of %1 fen exceeds what is left of order %2.")
                             .arg(amount)
                             .arg(QString::fromLatin1(outTradeNo)));
    SimRefund r;
    r.seq = static_cast<quint32>(m_day.refunds.size() + 1);
    r.order = *it;
    r.amount = r.ledgerAmount = amount;
    r.couponRefund = o.coupon > 0 ? amount * o.coupon / o.amount : 0;
    r.wxCreatedAt = now();
    r.wxState = RefundState::Processing;
    o.wxState = TradeState::Refund;
    m_day.refunds.push_back(r);
    const QByteArray orn = m_day.outRefundNo(r);
    m_byOutRefundNo.insert(orn, r.seq - 1);
    QTimer::singleShot(m_settings.refundSuccessSeconds * 1000, this,
                       [this, orn] { (void)setRefundStatus(orn, RefundState::Success); });
    return orn;
}

Status SimServer::setRefundStatus(const QByteArray &outRefundNo, RefundState state)
{
    const auto it = m_byOutRefundNo.constFind(outRefundNo);
    if (it == m_byOutRefundNo.cend())
        return makeError(ErrorCode::NotFound,
                         Tr::tr("Refund %1 does not exist.").arg(QString::fromLatin1(outRefundNo)));
    SimRefund &r = m_day.refunds[*it];
    if (r.wxState == state)
        return {};
    if (r.wxState == RefundState::Success || r.wxState == RefundState::Closed)
        return makeError(
            ErrorCode::Conflict,
            Tr::tr("Refund %1 is already final.").arg(QString::fromLatin1(outRefundNo)));
    r.wxState = state;
    if (state == RefundState::Success)
        r.successAt = now();
    if (state != RefundState::Processing)
        notifyRefund(r);
    return {};
}

Status SimServer::rotatePlatformCertificate(qint64 aheadSeconds)
{
    return m_keys->rotatePlatform(now(), aheadSeconds);
}

// --- control API (not signed, loopback only) ------------------------------------------------

SimServer::Reply SimServer::control(const Pending &p)
{
    const QUrlQuery q(QString::fromLatin1(p.query));
    const QList<QByteArray> parts = p.path.mid(6).split('/'); // after "/_sim/"
    const QByteArray what = parts.value(0);
    const auto ok = [](const QJsonObject &o) {
        Reply r;
        r.body = json(o);
        return r;
    };
    const auto fail = [](const Error &e) {
        const int status = e.code == ErrorCode::NotFound ? 404 : 400;
        return Reply::error(status, e.code == ErrorCode::NotFound ? "NOT_FOUND" : "INVALID_REQUEST",
                            e.message);
    };
    const bool post = p.method == "POST";
    if (what == "state" && p.method == "GET") {
        QJsonArray serials;
        for (const PlatformKey &k : m_keys->platform())
            serials.append(QString::fromLatin1(k.serial));
        return ok(
            {{QStringLiteral("mchid"), QString::fromLatin1(m_keys->mchid())},
             {QStringLiteral("merchant_serial"), QString::fromLatin1(m_keys->merchantSerial())},
             {QStringLiteral("public_key_id"), QString::fromLatin1(m_keys->publicKeyId())},
             {QStringLiteral("platform_serials"), serials},
             {QStringLiteral("key_mode"), keyModeName(m_settings.keyMode)},
             {QStringLiteral("bill_date"), m_day.options.date.toString(Qt::ISODate)},
             {QStringLiteral("orders"), static_cast<qint64>(m_day.orders.size())},
             {QStringLiteral("refunds"), static_cast<qint64>(m_day.refunds.size())},
             {QStringLiteral("notify_url"), m_settings.notifyUrl.toString()},
             {QStringLiteral("time_scale"), m_settings.timeScale},
             {QStringLiteral("faults"), m_settings.faults.toSpec()},
             {QStringLiteral("now"), now()}});
    }
    if (what == "faults") {
        if (p.method == "DELETE") {
            setFaults({});
        } else if (post) {
            FaultSettings f
                = q.hasQueryItem(QStringLiteral("merge")) ? m_settings.faults : FaultSettings{};
            if (Status s = parseFaults(QString::fromUtf8(p.body), f); !s)
                return fail(s.error());
            setFaults(f);
        }
        return ok({{QStringLiteral("faults"), m_settings.faults.toSpec()}});
    }
    if (what == "deliveries" && p.method == "GET") {
        QJsonArray list;
        for (const DeliveryRecord &r :
             deliveries(q.queryItemValue(QStringLiteral("since")).toLongLong()))
            list.append(r.toJson());
        return ok({{QStringLiteral("deliveries"), list},
                   {QStringLiteral("pending"), m_notifier ? m_notifier->pending() : 0}});
    }
    if (what == "requests") {
        if (p.method == "DELETE")
            resetRequestCounts();
        return ok({{QStringLiteral("requests"), requestCounts()}});
    }
    if (what == "rotate" && post) {
        if (Status s
            = rotatePlatformCertificate(q.queryItemValue(QStringLiteral("ahead")).toLongLong());
            !s)
            return fail(s.error());
        return ok(
            {{QStringLiteral("serial"), QString::fromLatin1(m_keys->platform().last().serial)}});
    }
    if (what == "notify-url" && post) {
        if (Status s = setNotifyUrl(QUrl(QString::fromUtf8(p.body.trimmed()))); !s)
            return fail(s.error());
        return ok({{QStringLiteral("notify_url"), m_settings.notifyUrl.toString()}});
    }
    if (what == "bills" && post && parts.value(1) == "ready") {
        m_settings.billsReadyAt = cst::now() + q.queryItemValue(QStringLiteral("in")).toLongLong();
        return ok({{QStringLiteral("ready_at"), m_settings.billsReadyAt}});
    }
    if (what == "orders" && post && parts.size() == 3) {
        const QByteArray otn = QByteArray::fromPercentEncoding(parts[1]);
        const QByteArray action = parts[2];
        const int after = q.queryItemValue(QStringLiteral("after")).toInt();
        if (action == "pay") {
            if (after > 0) {
                if (!m_byOutTradeNo.contains(otn))
                    return fail(makeError(
                        ErrorCode::NotFound,
                        Tr::tr("Order %1 does not exist.").arg(QString::fromLatin1(otn))));
                QTimer::singleShot(after * 1000, this, [this, otn] { (void)payOrder(otn); });
                return ok({{QStringLiteral("scheduled_in"), after}});
            }
            if (Status s = payOrder(otn); !s)
                return fail(s.error());
            return ok({{QStringLiteral("out_trade_no"), QString::fromLatin1(otn)}});
        }
        if (action == "notify") {
            if (Status s = notifyOrder(otn); !s)
                return fail(s.error());
            return ok({{QStringLiteral("out_trade_no"), QString::fromLatin1(otn)}});
        }
        if (action == "refund") {
            const auto orn
                = refundOrder(otn, q.queryItemValue(QStringLiteral("amount")).toLongLong());
            if (!orn)
                return fail(orn.error());
            return ok({{QStringLiteral("out_refund_no"), QString::fromLatin1(*orn)}});
        }
    }
    if (what == "refunds" && post && parts.size() == 3 && parts[2] == "status") {
        const QString to = q.queryItemValue(QStringLiteral("to"));
        const RefundState st = to == u"SUCCESS"    ? RefundState::Success
                               : to == u"ABNORMAL" ? RefundState::Abnormal
                               : to == u"CLOSED"   ? RefundState::Closed
                                                   : RefundState::None;
        if (st == RefundState::None)
            return fail(makeError(ErrorCode::InvalidInput,
                                  Tr::tr("“to” must be SUCCESS, ABNORMAL or CLOSED.")));
        if (Status s = setRefundStatus(QByteArray::fromPercentEncoding(parts[1]), st); !s)
            return fail(s.error());
        return ok({{QStringLiteral("status"), to}});
    }
    return Reply::error(404, "NOT_FOUND", QStringLiteral("unknown control request"));
}

} // namespace wxr::sim
