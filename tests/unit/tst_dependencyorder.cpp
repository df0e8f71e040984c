#include "model/dependencyorder.h"

#include <QTest>

using namespace SyncBridge;

class TestDependencyOrder : public QObject
{
    Q_OBJECT

private slots:
    void eachComesAfterWhatItDependsOn_data()
    {
        QTest::addColumn<QList<qint64>>("ids");
        QTest::addColumn<QHash<qint64, QList<qint64>>>("dependsOn");
        QTest::addColumn<QList<qint64>>("expected");
        // orders (1) look up customers (2) and employees (3); employees look up themselves (manager)
        QTest::newRow("orders before what they reference")
            << QList<qint64>{1, 2, 3} << QHash<qint64, QList<qint64>>{{1, {2, 3}}, {3, {3}}} << QList<qint64>{2, 3, 1};
        QTest::newRow("no dependencies keep the given order")
            << QList<qint64>{5, 4, 6} << QHash<qint64, QList<qint64>>{} << QList<qint64>{5, 4, 6};
        QTest::newRow("a dependency that is not among them is none")
            << QList<qint64>{1, 2} << QHash<qint64, QList<qint64>>{{1, {9}}} << QList<qint64>{1, 2};
        QTest::newRow("a chain") << QList<qint64>{1, 2, 3} << QHash<qint64, QList<qint64>>{{1, {2}}, {2, {3}}} << QList<qint64>{3, 2, 1};
        QTest::newRow("a cycle goes after what is ready, in the given order")
            << QList<qint64>{1, 2, 3, 4} << QHash<qint64, QList<qint64>>{{1, {2}}, {2, {1}}, {4, {3}}} << QList<qint64>{3, 4, 1, 2};
    }

    void eachComesAfterWhatItDependsOn()
    {
        QFETCH(QList<qint64>, ids);
        using Dependencies = QHash<qint64, QList<qint64>>;
        QFETCH(Dependencies, dependsOn);
        QFETCH(QList<qint64>, expected);
        QCOMPARE(dependencyOrder(ids, dependsOn), expected);
    }
};

QTEST_GUILESS_MAIN(TestDependencyOrder)
#include "tst_dependencyorder.moc"
