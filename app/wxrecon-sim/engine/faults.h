// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>

#include <map>
#include <optional>

namespace wxr::sim {

/// Faults of one endpoint (or of all, `*`). Shares are probabilities 0..1 drawn per request.
struct EndpointFaults
{
    int latencyMinMs = 0; ///< extra delay before the answer, uniform in [min, max]
    int latencyMaxMs = 0;
    double error500 = 0;       ///< 500 SYSTEM_ERROR
    double error429 = 0;       ///< 429 FREQUENCY_LIMITED
    double drop = 0;           ///< connection closed without an answer (mid-body for downloads)
    double badSignature = 0;   ///< Wechatpay-Signature that does not verify
    double noSignature = 0;    ///< 2xx answer without the Wechatpay-* headers
    double oldCertificate = 0; ///< signed with an older platform certificate (mid-rotation)
    double truncate = 0;       ///< download: a shortened file with an honest Content-Length
    double wrongHash = 0;      ///< bill apply: hash_value that does not match the file
    double expire = 0;         ///< download: 400 INVALID_REQUEST as if the URL had expired
    int limitPerSecond = 0; ///< real rate limit: 429 FREQUENCY_LIMITED beyond N requests a second
    int failNext = 0;       ///< the next N requests answer 500 SYSTEM_ERROR (counts down)
};

/// Callback delivery behaviour (spec §4.6): a share never delivered, a delay before the first
/// delivery, a share delivered twice, the share signed with the public key in `both` mode, and
/// probe traffic (WECHATPAY/SIGNTEST/ signatures, redelivered properly after a 4xx/5xx).
struct NotifyFaults
{
    double lost = 0;
    double duplicate = 0;
    int delayMinMs = 0;
    int delayMaxMs = 0;
    bool delayLogUniform = false; ///< skewed towards MIN with a long tail ("MIN-MAX:log")
    double publicKeyShare = 0.5;
    double probe = 0;
    int replyTimeoutMs = 5000; ///< WeChat counts a reply slower than 5 s as a failure
};

/// Every fault setting of a running stand-in. Parsed from `--faults SPEC` or the body of
/// `POST /_sim/faults`; SPEC is clauses separated by ';', each `TARGET:key=value,key=value`:
///
///   TARGET  certificates | query | close | refund-query | tradebill | fundflowbill |
///           download | * (every endpoint) | notify | clock
///   endpoint keys  latency=MS or MIN-MAX, error500=R, error429=R, drop=R, badsig=R, nosig=R,
///                  oldcert=R, truncate=R, wronghash=R, expire=R, limit=N, fail-next=N
///   notify keys    lost=R, duplicate=R, delay=MS or MIN-MAX or MIN-MAX:log, pubkey=R, probe=R,
///                  timeout=MS
///   clock keys     skew=SECONDS (the stand-in's clock runs that far ahead, negative: behind)
///
/// Example: `query:error500=0.1,latency=50-400;download:truncate=1;notify:lost=0.05;clock:skew=400`
struct FaultSettings
{
    std::map<QString, EndpointFaults> endpoints; ///< by endpoint name, "*" for all
    NotifyFaults notify;
    qint64 clockSkewSeconds = 0;

    /// The faults in force for an endpoint: its own clause if any, else `*`'s.
    EndpointFaults forEndpoint(const QString &endpoint) const;
    /// Counts down fail-next for the endpoint's clause; true when this request is to fail.
    bool takeFailNext(const QString &endpoint);
    /// Back to SPEC text (for GET /_sim/faults).
    QString toSpec() const;
};

/// Endpoint names used for faults, counters and docs.
QStringList endpointNames();

/// Parses SPEC into `base` (settings not mentioned keep their value). InvalidInput naming
/// the clause for an unknown target or key, or a value out of range.
Status parseFaults(const QString &spec, FaultSettings &base);

} // namespace wxr::sim
