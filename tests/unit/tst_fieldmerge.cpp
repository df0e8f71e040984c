// The field-level merge's decision table (docs/sync-engine.md, "Two-way"): one side's change is
// taken, both sides' different changes go by the policy, PUSH_ONLY and PULL_ONLY keep to their way.
#include "sync/twoway/fieldmerge.h"

#include <QTest>
#include <QTimeZone>

using namespace SyncBridge;
using Action = FieldMerge::Action;

Q_DECLARE_METATYPE(SyncBridge::FieldMerge::Action)
Q_DECLARE_METATYPE(SyncBridge::ConflictPolicy)
Q_DECLARE_METATYPE(SyncBridge::FieldDirection)

class FieldMergeTest : public QObject
{
    Q_OBJECT

private slots:
    void decisionTable_data()
    {
        QTest::addColumn<QJsonValue>("base"); // Undefined: no base
        QTest::addColumn<QJsonValue>("database");
        QTest::addColumn<QJsonValue>("sharePoint");
        QTest::addColumn<FieldDirection>("direction");
        QTest::addColumn<ConflictPolicy>("policy");
        QTest::addColumn<Action>("action");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("conflicting");
        const QJsonValue a(QStringLiteral("a")), b(QStringLiteral("b")), c(QStringLiteral("c")), none(QJsonValue::Undefined);
        const auto bi = FieldDirection::Bidirectional;
        const auto src = ConflictPolicy::SourceWins;
        QTest::newRow("unchanged") << a << a << a << bi << src << Action::Keep << a << false;
        QTest::newRow("database changed") << a << b << a << bi << ConflictPolicy::TargetWins << Action::ToSharePoint << b << false;
        QTest::newRow("sharepoint changed") << a << a << b << bi << src << Action::ToDatabase << b << false;
        QTest::newRow("both the same") << a << b << b << bi << ConflictPolicy::Manual << Action::Agree << b << false;
        QTest::newRow("null to value in the database")
            << QJsonValue(QJsonValue::Null) << a << QJsonValue(QJsonValue::Null) << bi << src << Action::ToSharePoint << a << false;
        QTest::newRow("value cleared in sharepoint")
            << a << a << QJsonValue(QJsonValue::Null) << bi << src << Action::ToDatabase << QJsonValue(QJsonValue::Null) << false;
        QTest::newRow("both, source wins") << a << b << c << bi << src << Action::ToSharePoint << b << true;
        QTest::newRow("both, target wins") << a << b << c << bi << ConflictPolicy::TargetWins << Action::ToDatabase << c << true;
        QTest::newRow("both, manual") << a << b << c << bi << ConflictPolicy::Manual << Action::Conflict << a << true;
        QTest::newRow("no base, equal") << none << a << a << bi << ConflictPolicy::Manual << Action::Agree << a << false;
        QTest::newRow("no base, differ, source wins") << none << a << b << bi << src << Action::ToSharePoint << a << true;
        QTest::newRow("no base, differ, manual")
            << none << a << b << bi << ConflictPolicy::Manual << Action::Conflict << QJsonValue() << true;
        QTest::newRow("push only: sharepoint edit not pulled")
            << a << a << b << FieldDirection::PushOnly << ConflictPolicy::TargetWins << Action::Keep << a << false;
        QTest::newRow("push only: database edit pushed")
            << a << b << c << FieldDirection::PushOnly << ConflictPolicy::TargetWins << Action::ToSharePoint << b << false;
        QTest::newRow("pull only: database edit not pushed")
            << a << b << a << FieldDirection::PullOnly << src << Action::Keep << a << false;
        QTest::newRow("pull only: sharepoint edit pulled")
            << a << c << b << FieldDirection::PullOnly << src << Action::ToDatabase << b << false;
        QTest::newRow("numbers compare as numbers")
            << QJsonValue(1.5) << QJsonValue(1.5) << QJsonValue(2) << bi << src << Action::ToDatabase << QJsonValue(2) << false;
    }

    void decisionTable()
    {
        QFETCH(QJsonValue, base);
        QFETCH(QJsonValue, database);
        QFETCH(QJsonValue, sharePoint);
        QFETCH(FieldDirection, direction);
        QFETCH(ConflictPolicy, policy);
        QFETCH(Action, action);
        QFETCH(QJsonValue, value);
        QFETCH(bool, conflicting);
        FieldState state;
        if (!base.isUndefined())
            state.base = base;
        state.database = database;
        state.sharePoint = sharePoint;
        state.direction = direction;
        const FieldMerge merge = mergeField(state, policy, {});
        QCOMPARE(int(merge.action), int(action));
        QCOMPARE(merge.value, value);
        QCOMPARE(merge.conflicting, conflicting);
    }

    void latestWinsComparesTheRowsTimeWithModified_data()
    {
        QTest::addColumn<QDateTime>("database");
        QTest::addColumn<QDateTime>("sharePoint");
        QTest::addColumn<Action>("action");
        const QDateTime t = QDateTime(QDate(2026, 12, 1), QTime(10, 0), QTimeZone::utc());
        QTest::newRow("database later") << t.addSecs(1) << t << Action::ToSharePoint;
        QTest::newRow("sharepoint later") << t << t.addSecs(1) << Action::ToDatabase;
        QTest::newRow("tie: the database") << t << t << Action::ToSharePoint;
        QTest::newRow("no database time: the database") << QDateTime() << t << Action::ToSharePoint;
    }

    void latestWinsComparesTheRowsTimeWithModified()
    {
        QFETCH(QDateTime, database);
        QFETCH(QDateTime, sharePoint);
        QFETCH(Action, action);
        FieldState state{QJsonValue(1), QJsonValue(2), QJsonValue(3), FieldDirection::Bidirectional};
        QCOMPARE(int(mergeField(state, ConflictPolicy::LatestWins, {database, sharePoint}).action), int(action));
    }
};

QTEST_GUILESS_MAIN(FieldMergeTest)
#include "tst_fieldmerge.moc"
