// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QObject>
#include <QString>

namespace wxr::ui {

/// What the status bar shows, set by whichever part of the application knows it (the
/// merchant switcher, the bill fetch job, the key store, the scheduler, the alert rules).
/// Plain values only; the status bar decides how to present them. GUI thread only.
class StatusModel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusModel)

public:
    /// Health of the key that verifies WeChat Pay's signatures.
    enum class KeyHealth {
        Unknown,  ///< not checked yet
        Ok,       ///< valid for more than kExpiryWarningDays
        Expiring, ///< valid for kExpiryWarningDays or fewer
        Expired,  ///< past its expiry
        Missing,  ///< no certificate or public key configured/downloaded
    };
    struct KeyStatus
    {
        KeyHealth health = KeyHealth::Unknown;
        int daysToExpiry = 0;  ///< whole days from now to expiry; negative once expired
        bool hasExpiry = true; ///< false for the WeChat Pay public key, which does not expire
        QString keyName;       ///< serial or public-key id, for the tooltip

        friend bool operator==(const KeyStatus &, const KeyStatus &) = default;
    };
    enum class SchedulerState { Off, Idle, Running, Failing };

    static constexpr int kExpiryWarningDays = 30;

    explicit StatusModel(QObject *parent = nullptr);
    ~StatusModel() override;

    /// Classifies a key expiring at `expiresAt` as seen at `now` (both Unix seconds).
    /// Days are whole days rounded down (an hour left is 0 days, still Expiring).
    static KeyStatus keyStatusFor(qint64 expiresAt, qint64 now, const QString &keyName);

    QString merchant() const { return m_merchant; }
    void setMerchant(const QString &name);
    /// The ledger file in use (the merchant's).
    QString ledgerPath() const { return m_ledgerPath; }
    void setLedgerPath(const QString &path);

    /// The latest bill date fetched and when (Unix seconds); invalid date = never.
    QDate lastBillDate() const { return m_lastBillDate; }
    qint64 lastBillFetchedAt() const { return m_lastBillFetchedAt; }
    void setLastBillFetched(const QDate &billDate, qint64 fetchedAt);

    KeyStatus keyStatus() const { return m_keyStatus; }
    void setKeyStatus(const KeyStatus &status);

    SchedulerState schedulerState() const { return m_schedulerState; }
    /// One short sentence, e.g. "next run 10:30" or the last error.
    QString schedulerDetail() const { return m_schedulerDetail; }
    void setSchedulerState(SchedulerState state, const QString &detail = {});

    int openAlerts() const { return m_openAlerts; }
    void setOpenAlerts(int count);

signals:
    /// Emitted after any value changed (once per setter call that changed something).
    void changed();

private:
    QString m_merchant;
    QString m_ledgerPath;
    QDate m_lastBillDate;
    qint64 m_lastBillFetchedAt = 0;
    KeyStatus m_keyStatus;
    SchedulerState m_schedulerState = SchedulerState::Off;
    QString m_schedulerDetail;
    int m_openAlerts = 0;
};

} // namespace wxr::ui
