// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QTest>

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void opensInDemoMode()
    {
        wxr::ui::MainWindow w(true);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.windowTitle().contains(QStringLiteral("demo")));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
