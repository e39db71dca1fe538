// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QTest>

/// Fails the test with the error's message when a Result is not ok.
#define QVERIFY_RESULT(expr)                                                                       \
    do {                                                                                           \
        const auto &wxr_r_ = (expr);                                                               \
        if (!wxr_r_.ok())                                                                          \
            QFAIL(qPrintable(QStringLiteral(#expr " failed: ") + wxr_r_.error().message));         \
    } while (false)

/// Checks that a Result failed with the given ErrorCode.
#define QVERIFY_ERROR(expr, errorCode)                                                             \
    do {                                                                                           \
        const auto &wxr_r_ = (expr);                                                               \
        QVERIFY2(!wxr_r_.ok(), #expr " unexpectedly succeeded");                                   \
        QCOMPARE(wxr_r_.error().code, errorCode);                                                  \
    } while (false)
