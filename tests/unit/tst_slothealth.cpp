// The slot guardian's pure parts: the verdict on a slot's facts (each threshold, the worst finding
// deciding, every finding saying what to do) and which changes of verdict notify.
#include "sync/cdc/slotalerts.h"
#include "sync/cdc/slothealth.h"

#include <QTest>

using namespace SyncBridge;

namespace {
constexpr qint64 mebibyte = 1024 * 1024;

// A slot that follows: reserved, published, recorded a minute ago, a little behind.
SlotFacts following()
{
    SlotFacts facts;
    facts.slot = QStringLiteral("syncbridge_cdc_7");
    facts.publication = QStringLiteral("syncbridge_cdc_7");
    facts.slotExists = true;
    facts.synced = true;
    facts.walStatus = QStringLiteral("reserved");
    facts.lagBytes = 4096;
    facts.lagSeconds = 60;
    facts.publicationExists = true;
    facts.publicationHasTable = true;
    return facts;
}
} // namespace

Q_DECLARE_METATYPE(SyncBridge::SlotFacts)
Q_DECLARE_METATYPE(SyncBridge::SlotSeverity)

class TestSlotHealth : public QObject
{
    Q_OBJECT

private slots:
    void classification_data()
    {
        QTest::addColumn<SlotFacts>("facts");
        QTest::addColumn<SlotSeverity>("severity");
        QTest::addColumn<QString>("says"); // a word of the deciding finding

        QTest::newRow("following") << following() << SlotSeverity::Ok << QString();
        SlotFacts never = following();
        never.slotExists = false;
        never.synced = false;
        QTest::newRow("never run: no slot yet") << never << SlotSeverity::Ok << QString();

        SlotFacts bytes = following();
        bytes.lagBytes = qint64(1) << 30;
        QTest::newRow("1 GiB behind") << bytes << SlotSeverity::Warning << QStringLiteral("behind the server's WAL");
        bytes.lagBytes = (qint64(1) << 30) - 1;
        QTest::newRow("a byte under 1 GiB") << bytes << SlotSeverity::Ok << QString();

        SlotFacts hour = following();
        hour.lagSeconds = 3600;
        QTest::newRow("an hour without a recorded position") << hour << SlotSeverity::Warning << QStringLiteral("60 minute");
        hour.lagSeconds = 3599;
        QTest::newRow("a second under an hour") << hour << SlotSeverity::Ok << QString();

        SlotFacts extended = following();
        extended.walStatus = QStringLiteral("extended");
        QTest::newRow("extended") << extended << SlotSeverity::Warning << QStringLiteral("extended");

        SlotFacts unreserved = following();
        unreserved.walStatus = QStringLiteral("unreserved");
        QTest::newRow("unreserved") << unreserved << SlotSeverity::Critical << QStringLiteral("max_slot_wal_keep_size");

        SlotFacts safe = following();
        safe.maxSlotWalKeepSize = 1000 * mebibyte;
        safe.safeWalSize = 99 * mebibyte;
        QTest::newRow("safe_wal_size under 10 %") << safe << SlotSeverity::Critical << QStringLiteral("safe_wal_size");
        safe.safeWalSize = 100 * mebibyte;
        QTest::newRow("safe_wal_size at 10 %") << safe << SlotSeverity::Ok << QString();
        safe.maxSlotWalKeepSize.reset(); // unlimited: safe_wal_size is NULL and never critical
        safe.safeWalSize.reset();
        QTest::newRow("no limit") << safe << SlotSeverity::Ok << QString();

        SlotFacts unpublished = following();
        unpublished.publicationHasTable = false;
        QTest::newRow("table left the publication") << unpublished << SlotSeverity::Critical << QStringLiteral("no longer contains");
        unpublished.publicationExists = false;
        QTest::newRow("publication dropped") << unpublished << SlotSeverity::Critical << QStringLiteral("missing");

        SlotFacts lost = following();
        lost.walStatus = QStringLiteral("lost");
        lost.lagBytes = qint64(5) << 30; // the worst decides: lost, not the lag's warning
        QTest::newRow("wal_status lost") << lost << SlotSeverity::Lost << QStringLiteral("--resnapshot");

        SlotFacts missing = following();
        missing.slotExists = false;
        QTest::newRow("slot removed after a sync") << missing << SlotSeverity::Lost << QStringLiteral("no longer exists");

        SlotFacts both = following();
        both.walStatus = QStringLiteral("unreserved");
        both.lagBytes = qint64(2) << 30;
        QTest::newRow("critical beats warning") << both << SlotSeverity::Critical << QStringLiteral("behind the server's WAL");
    }

    void classification()
    {
        QFETCH(SlotFacts, facts);
        QFETCH(SlotSeverity, severity);
        QFETCH(QString, says);
        const SlotHealth health = classifySlot(facts);
        QCOMPARE(health.severity, severity);
        if (severity == SlotSeverity::Ok) {
            QVERIFY2(health.findings.isEmpty(), qPrintable(health.findings.join(QLatin1Char('\n'))));
            return;
        }
        QVERIFY(!health.findings.isEmpty());
        QVERIFY2(health.findings.join(QLatin1Char(' ')).contains(says), qPrintable(health.findings.join(QLatin1Char('\n'))));
    }

    void thresholdsAreSettings()
    {
        SlotFacts facts = following();
        facts.lagBytes = 10 * mebibyte;
        SlotThresholds strict;
        strict.warningLagBytes = 10 * mebibyte;
        QCOMPARE(classifySlot(facts).severity, SlotSeverity::Ok);
        QCOMPARE(classifySlot(facts, strict).severity, SlotSeverity::Warning);
    }

    void aNotificationOnEnteringAndOnRecoveringOnly()
    {
        SlotAlerts alerts;
        QVERIFY(!alerts.observe(1, SlotSeverity::Ok)); // first seen OK: nothing to say
        QVERIFY(!alerts.observe(1, SlotSeverity::Ok));
        const auto entered = alerts.observe(1, SlotSeverity::Warning);
        QVERIFY(entered);
        QCOMPARE(entered->from, SlotSeverity::Ok);
        QCOMPARE(entered->to, SlotSeverity::Warning);
        QVERIFY(!entered->recovered());
        QVERIFY(!alerts.observe(1, SlotSeverity::Warning)); // once, not every reading
        const auto worse = alerts.observe(1, SlotSeverity::Lost);
        QVERIFY(worse);
        QCOMPARE(worse->to, SlotSeverity::Lost);
        QVERIFY(!alerts.observe(1, SlotSeverity::Lost));
        const auto recovered = alerts.observe(1, SlotSeverity::Ok);
        QVERIFY(recovered);
        QVERIFY(recovered->recovered());
        QCOMPARE(recovered->from, SlotSeverity::Lost);

        // Each definition on its own; one first seen critical notifies at once.
        const auto other = alerts.observe(2, SlotSeverity::Critical);
        QVERIFY(other);
        QCOMPARE(other->definitionId, qint64(2));
        alerts.forget(2);
        QVERIFY(alerts.observe(2, SlotSeverity::Critical));
    }
};

QTEST_GUILESS_MAIN(TestSlotHealth)
#include "tst_slothealth.moc"
