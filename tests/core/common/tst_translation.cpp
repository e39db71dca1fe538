// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/translation.h"

#include <QTest>

using namespace wxr;

class tst_Translation final : public QObject
{
    Q_OBJECT

private slots:
    void choose_data()
    {
        QTest::addColumn<QString>("explicitChoice");
        QTest::addColumn<QString>("system");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("language");
        const int zh = int(Language::Chinese), en = int(Language::English);
        QTest::newRow("system zh") << QString() << "zh_CN" << true << zh;
        QTest::newRow("system en") << QString() << "en_GB" << true << en;
        QTest::newRow("system C defaults to Chinese") << QString() << "C" << true << zh;
        QTest::newRow("system de defaults to Chinese") << QString() << "de_DE" << true << zh;
        QTest::newRow("override en") << "en" << "zh_CN" << true << en;
        QTest::newRow("override zh-CN") << "zh-CN" << "en_US" << true << zh;
        QTest::newRow("override case") << "ZH_cn" << "en_US" << true << zh;
        QTest::newRow("unknown override") << "fr" << "en_US" << false << en;
    }

    void choose()
    {
        QFETCH(QString, explicitChoice);
        QFETCH(QString, system);
        QFETCH(bool, ok);
        QFETCH(int, language);
        bool gotOk = false;
        QCOMPARE(int(chooseLanguage(explicitChoice, system, &gotOk)), language);
        QCOMPARE(gotOk, ok);
    }

    void codes()
    {
        QCOMPARE(languageCode(Language::Chinese), QStringLiteral("zh_CN"));
        QCOMPARE(languageCode(Language::English), QStringLiteral("en"));
    }
};

QTEST_APPLESS_MAIN(tst_Translation)
#include "tst_translation.moc"
