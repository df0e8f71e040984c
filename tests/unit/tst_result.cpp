#include "common/result.h"

#include <QTest>

using namespace SyncBridge;

class TestResult : public QObject
{
    Q_OBJECT

private slots:
    void valueAndError()
    {
        Result<int> good = 42;
        QVERIFY(good.ok());
        QCOMPARE(*good, 42);

        Result<int> bad = Error(ErrorCode::NotFound, QStringLiteral("missing"), QStringLiteral("row 7"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code(), ErrorCode::NotFound);
        QCOMPARE(bad.error().toString(), QStringLiteral("missing (row 7)"));
    }

    void voidResult()
    {
        Result<void> fine = success();
        QVERIFY(fine.ok());
        Result<void> broken = Error(ErrorCode::Io, QStringLiteral("disk full"));
        QVERIFY(!broken);
        QCOMPARE(broken.error().toString(), QStringLiteral("disk full"));
        QCOMPARE(errorCodeName(broken.error().code()), QStringLiteral("io"));
    }

    void moveOnlyValues()
    {
        Result<std::unique_ptr<int>> owned = std::make_unique<int>(5);
        std::unique_ptr<int> taken = std::move(owned).value();
        QCOMPARE(*taken, 5);
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
