// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/apierror.h"

namespace wxr::core {

bool ApiError::isRateLimited() const
{
    return httpStatus == 429 || code == u"RATELIMIT_EXCEEDED" || code == u"FREQUENCY_LIMITED";
}

Error ApiError::toError() const
{
    QStringList parts;
    if (httpStatus)
        parts << QStringLiteral("HTTP %1").arg(httpStatus);
    if (!code.isEmpty())
        parts << code;
    if (!apiMessage.isEmpty())
        parts << apiMessage;
    if (!requestId.isEmpty())
        parts << QStringLiteral("Request-ID %1").arg(QString::fromLatin1(requestId));
    if (verifyFailure != VerifyFailure::None)
        parts << verifyFailureName(verifyFailure);
    if (attempts > 1)
        parts << QStringLiteral("%1 attempts").arg(attempts);
    return makeError(kind, message, parts.join(QStringLiteral("; ")));
}

} // namespace wxr::core
