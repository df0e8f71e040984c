// validateItemFields(), pure logic: the refusals SharePoint (and the emulator standing in for it,
// app/graph-emulator/fieldwriter.cpp) gives a fields body, in its words — type, length, choices,
// required, read-only, unknown fields, annotations — and refuseInvalidWrite(), which turns a planned
// write its list would refuse into a failing row with that reason.
#include "graph/discovery.h"
#include "graph/itemvalidator.h"
#include "sync/push/itemcheck.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace SyncBridge;

namespace {

QJsonObject column(const char *name, const char *facet, const QJsonObject &settings = {}, const QJsonObject &extra = {})
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("name"), QLatin1String(name));
    if (*facet)
        json.insert(QLatin1String(facet), settings);
    return json;
}

// The columns as the run reads them from Graph (Discovery::columnFromJson).
QHash<QString, SharePointColumn> listColumns()
{
    const QJsonArray json{
        column("Title", "text", {{QStringLiteral("maxLength"), 255}}),
        column("Code", "text", {{QStringLiteral("maxLength"), 10}}),
        column("Notes", "text", {{QStringLiteral("allowMultipleLines"), true}}),
        column("Budget", "number"),
        column("Price", "currency"),
        column("Active", "boolean"),
        column("Due", "dateTime", {{QStringLiteral("format"), QStringLiteral("dateOnly")}}),
        column("Status", "choice", {{QStringLiteral("choices"), QJsonArray{QStringLiteral("Active"), QStringLiteral("Done")}}}),
        column(
            "Mood", "choice", {{QStringLiteral("choices"), QJsonArray{QStringLiteral("Good")}}, {QStringLiteral("allowTextEntry"), true}}),
        column("Phases", "choice",
            {{QStringLiteral("choices"), QJsonArray{QStringLiteral("Plan"), QStringLiteral("Build")}},
                {QStringLiteral("displayAs"), QStringLiteral("checkBoxes")}}),
        column("Tags", "choice", {{QStringLiteral("displayAs"), QStringLiteral("checkBoxes")}, {QStringLiteral("allowTextEntry"), true}}),
        column("Owner", "personOrGroup", {{QStringLiteral("allowMultipleSelection"), false}}),
        column("Team", "lookup", {{QStringLiteral("allowMultipleValues"), true}}),
        column("Link", "hyperlinkOrPicture"),
        column("Score", "number", {{QStringLiteral("minimum"), 0}, {QStringLiteral("maximum"), 100}}),
        column("Calc", "calculated", {{QStringLiteral("formula"), QStringLiteral("=1")}}),
        column("Stamp", "text", {{QStringLiteral("maxLength"), 255}}, {{QStringLiteral("readOnly"), true}}),
        column("Reviewer", "text", {{QStringLiteral("maxLength"), 255}}, {{QStringLiteral("required"), true}}),
        column("Created", "dateTime", {}, {{QStringLiteral("readOnly"), true}}),
        column("Attachments", ""),
        column("SyncBridgeKey", "text", {{QStringLiteral("maxLength"), 64}}, {{QStringLiteral("hidden"), true}}),
    };
    QHash<QString, SharePointColumn> columns;
    for (const QJsonValue &value : json) {
        const SharePointColumn parsed = Discovery::columnFromJson(value.toObject());
        columns.insert(parsed.name, parsed);
    }
    return columns;
}

const QString strings = QStringLiteral("Collection(Edm.String)");

} // namespace

class TestItemValidator : public QObject
{
    Q_OBJECT

private slots:
    void refusals_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("message");
        // type
        QTest::newRow("number into text") << QJsonObject{{QStringLiteral("Title"), 42}}
                                          << QStringLiteral("Field 'Title' expects a text value.");
        QTest::newRow("bool into choice") << QJsonObject{{QStringLiteral("Status"), true}}
                                          << QStringLiteral("Field 'Status' expects a text value.");
        QTest::newRow("text into number") << QJsonObject{{QStringLiteral("Budget"), QStringLiteral("12")}}
                                          << QStringLiteral("Field 'Budget' expects a number.");
        QTest::newRow("text into currency") << QJsonObject{{QStringLiteral("Price"), QStringLiteral("9.50")}}
                                            << QStringLiteral("Field 'Price' expects a number.");
        QTest::newRow("text into boolean") << QJsonObject{{QStringLiteral("Active"), QStringLiteral("yes")}}
                                           << QStringLiteral("Field 'Active' expects true or false.");
        QTest::newRow("not a date") << QJsonObject{{QStringLiteral("Due"), QStringLiteral("next tuesday")}}
                                    << QStringLiteral("Field 'Due' expects an ISO-8601 date and time.");
        QTest::newRow("number into date") << QJsonObject{{QStringLiteral("Due"), 20240101}}
                                          << QStringLiteral("Field 'Due' expects an ISO-8601 date and time.");
        QTest::newRow("hyperlink object") << QJsonObject{{QStringLiteral("Link"),
            QJsonObject{{QStringLiteral("Url"), QStringLiteral("https://x")}}}}
                                          << QStringLiteral("Invalid request");
        QTest::newRow("above the maximum") << QJsonObject{{QStringLiteral("Score"), 100.5}}
                                           << QStringLiteral("The value of field 'Score' (100.5) is greater than its maximum (100).");
        QTest::newRow("below the minimum") << QJsonObject{{QStringLiteral("Score"), -1}}
                                           << QStringLiteral("The value of field 'Score' (-1) is less than its minimum (0).");
        QTest::newRow("hyperlink javascript:") << QJsonObject{{QStringLiteral("Link"), QStringLiteral("javascript:alert(1), Click")}}
                                               << QStringLiteral("Field 'Link': 'javascript:alert(1)' is not a valid URL.");
        QTest::newRow("hyperlink without scheme") << QJsonObject{{QStringLiteral("Link"), QStringLiteral("www.contoso.com")}}
                                                  << QStringLiteral("Field 'Link': 'www.contoso.com' is not a valid URL.");
        QTest::newRow("person by name") << QJsonObject{{QStringLiteral("Owner"), QStringLiteral("Ana")}}
                                        << QStringLiteral("Field 'Owner' is written as 'OwnerLookupId'.");
        QTest::newRow("lookup id not numeric") << QJsonObject{{QStringLiteral("OwnerLookupId"), QStringLiteral("ana")}}
                                               << QStringLiteral("Field 'OwnerLookupId' expects a lookup id.");
        QTest::newRow("LookupId of a text column")
            << QJsonObject{{QStringLiteral("TitleLookupId"), 1}} << QStringLiteral("Field 'TitleLookupId' is not recognized");
        // length: a single line's maxLength (255 by default), multiple lines 63,999
        QTest::newRow("longer than maxLength") << QJsonObject{{QStringLiteral("Code"), QStringLiteral("01234567890")}}
                                               << QStringLiteral(
                                                      "The value of field 'Code' is longer than the column allows (10 characters).");
        QTest::newRow("title 256") << QJsonObject{{QStringLiteral("Title"), QString(256, QLatin1Char('x'))}}
                                   << QStringLiteral("The value of field 'Title' is longer than the column allows (255 characters).");
        QTest::newRow("multiple lines 64000") << QJsonObject{{QStringLiteral("Notes"), QString(64000, QLatin1Char('n'))}}
                                              << QStringLiteral(
                                                     "The value of field 'Notes' is longer than the column allows (63999 characters).");
        // choices
        QTest::newRow("not a choice") << QJsonObject{{QStringLiteral("Status"), QStringLiteral("Paused")}}
                                      << QStringLiteral("The value of field 'Status' is not one of its choices.");
        QTest::newRow("choices are case-sensitive") << QJsonObject{{QStringLiteral("Status"), QStringLiteral("active")}}
                                                    << QStringLiteral("The value of field 'Status' is not one of its choices.");
        QTest::newRow("not a choice, several") << QJsonObject{{QStringLiteral("Phases@odata.type"), strings},
            {QStringLiteral("Phases"), QJsonArray{QStringLiteral("Plan"), QStringLiteral("Test")}}}
                                               << QStringLiteral("The value of field 'Phases' is not one of its choices.");
        QTest::newRow("multi-choice as one string")
            << QJsonObject{{QStringLiteral("Phases"), QStringLiteral("Plan")}} << QStringLiteral("Invalid request");
        QTest::newRow("array without annotation")
            << QJsonObject{{QStringLiteral("Tags"), QJsonArray{QStringLiteral("a")}}} << QStringLiteral("Invalid request");
        QTest::newRow("array on a single choice")
            << QJsonObject{{QStringLiteral("Status@odata.type"), strings}, {QStringLiteral("Status"), QJsonArray{QStringLiteral("Active")}}}
            << QStringLiteral("Field 'Status' does not take several values.");
        QTest::newRow("number in a string array")
            << QJsonObject{{QStringLiteral("Tags@odata.type"), strings}, {QStringLiteral("Tags"), QJsonArray{1}}}
            << QStringLiteral("Invalid request");
        // read-only, system and unknown
        QTest::newRow("read-only column") << QJsonObject{{QStringLiteral("Stamp"), QStringLiteral("x")}}
                                          << QStringLiteral("Field 'Stamp' is read-only");
        QTest::newRow("read-only, even null") << QJsonObject{{QStringLiteral("Stamp"), QJsonValue::Null}}
                                              << QStringLiteral("Field 'Stamp' is read-only");
        QTest::newRow("calculated") << QJsonObject{{QStringLiteral("Calc"), 1}} << QStringLiteral("Field 'Calc' is read-only");
        QTest::newRow("system column") << QJsonObject{{QStringLiteral("Created"), QStringLiteral("2020-01-01T00:00:00Z")}}
                                       << QStringLiteral("Field 'Created' is read-only");
        QTest::newRow("system column reported writable")
            << QJsonObject{{QStringLiteral("Attachments"), false}} << QStringLiteral("Field 'Attachments' is read-only");
        QTest::newRow("unknown field") << QJsonObject{{QStringLiteral("Nope"), 1}} << QStringLiteral("Field 'Nope' is not recognized");
        QTest::newRow("display name") << QJsonObject{{QStringLiteral("Created By"), 1}}
                                      << QStringLiteral("Field 'Created By' is not recognized");
        // the first refusal in the body's key order is the one reported
        QTest::newRow("first in key order") << QJsonObject{{QStringLiteral("Title"), 1}, {QStringLiteral("Budget"), QStringLiteral("x")}}
                                            << QStringLiteral("Field 'Budget' expects a number.");
    }

    void refusals()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(QString, message);
        QCOMPARE(validateItemFields(fields, listColumns(), true), message);
        QCOMPARE(validateItemFields(fields, listColumns(), false), message); // updates are checked alike
    }

    void acceptedBodies()
    {
        const QJsonObject body{{QStringLiteral("Title"), QStringLiteral("Ünïcødé 🚀")},
            {QStringLiteral("Code"), QStringLiteral("0123456789")}, {QStringLiteral("Notes"), QString(63999, QLatin1Char('n'))},
            {QStringLiteral("Budget"), 1234567.89}, {QStringLiteral("Price"), 9.5}, {QStringLiteral("Active"), true},
            {QStringLiteral("Due"), QStringLiteral("2024-11-15T12:30:00+02:00")}, {QStringLiteral("Status"), QStringLiteral("Done")},
            {QStringLiteral("Mood"), QStringLiteral("anything: fill-in allowed")}, {QStringLiteral("Phases@odata.type"), strings},
            {QStringLiteral("Phases"), QJsonArray{QStringLiteral("Plan"), QStringLiteral("Build")}},
            {QStringLiteral("Tags@odata.type"), strings},
            {QStringLiteral("Tags"), QJsonArray{QStringLiteral("any"), QStringLiteral("tag")}},
            {QStringLiteral("OwnerLookupId"), QStringLiteral("6")},
            {QStringLiteral("TeamLookupId@odata.type"), QStringLiteral("Collection(Edm.Int32)")},
            {QStringLiteral("TeamLookupId"), QJsonArray{1, 2}}, {QStringLiteral("Link"), QStringLiteral("https://example.com")},
            {QStringLiteral("Score"), 100}, {QStringLiteral("SyncBridgeKey"), QString(64, QLatin1Char('a'))},
            {QStringLiteral("@odata.etag"), QStringLiteral("\"x,1\"")}};
        QCOMPARE(validateItemFields(body, listColumns(), true), QString());
        QCOMPARE(validateItemFields(QJsonObject{{QStringLiteral("Due"), QStringLiteral("2024-11-15")}}, listColumns(), true),
            QString()); // a date alone
        QCOMPARE(
            validateItemFields(QJsonObject{{QStringLiteral("Budget"), QJsonValue::Null}}, listColumns(), false), QString()); // null clears
    }

    void requiredColumnsOnlyWhenEnforced()
    {
        // Contract §6.4: SharePoint does not enforce `required` on API writes; a service that does
        // refuses a create that leaves one empty (or clears it), and never an update.
        const QJsonObject body{{QStringLiteral("Title"), QStringLiteral("x")}};
        QCOMPARE(validateItemFields(body, listColumns(), true), QString());
        ItemValidationRules strict;
        strict.enforceRequired = true;
        QCOMPARE(validateItemFields(body, listColumns(), true, strict), QStringLiteral("Field 'Reviewer' is required."));
        QCOMPARE(validateItemFields(QJsonObject{{QStringLiteral("Reviewer"), QJsonValue::Null}}, listColumns(), true, strict),
            QStringLiteral("Field 'Reviewer' is required."));
        QCOMPARE(
            validateItemFields(QJsonObject{{QStringLiteral("Reviewer"), QStringLiteral("Ana")}}, listColumns(), true, strict), QString());
        QCOMPARE(validateItemFields(body, listColumns(), false, strict), QString());
    }

    void plannedWritesTheListWouldRefuseFail()
    {
        PlanContext context;
        ResolvedTarget target;
        target.listId = QStringLiteral("list-1");
        target.columns = listColumns();
        context.targets = {target};
        PlannedRow create;
        create.action = PlannedRow::Action::Create;
        create.targetIndex = 0;
        create.identity.hash = QString(64, QLatin1Char('f'));
        create.fields = QJsonObject{{QStringLiteral("Title"), 830}};
        refuseInvalidWrite(context, create);
        QCOMPARE(create.action, PlannedRow::Action::Failed);
        QCOMPARE(create.error, QStringLiteral("Field 'Title' expects a text value."));

        PlannedRow fine = create;
        fine.action = PlannedRow::Action::Update;
        fine.error.clear();
        fine.fields = QJsonObject{{QStringLiteral("Title"), QStringLiteral("PRJ-1")}};
        LedgerEntry entry;
        entry.contentHash = QStringLiteral("old");
        fine.ledger = entry;
        refuseInvalidWrite(context, fine);
        QCOMPARE(fine.action, PlannedRow::Action::Update);
        QVERIFY(!fieldsToSend(fine).contains(QStringLiteral("SyncBridgeKey"))); // an update of a confirmed item sends no key
        fine.action = PlannedRow::Action::Move;
        QCOMPARE(fieldsToSend(fine).value(QStringLiteral("SyncBridgeKey")).toString(), fine.identity.hash);

        PlannedRow skipped = create;
        skipped.action = PlannedRow::Action::Skip;
        skipped.error.clear();
        refuseInvalidWrite(context, skipped);
        QCOMPARE(skipped.action, PlannedRow::Action::Skip); // nothing is sent, nothing refused

        // A create sends SyncBridgeKey: a list without that column refuses it, as SharePoint would.
        context.targets[0].columns.remove(QStringLiteral("SyncBridgeKey"));
        PlannedRow keyless = create;
        keyless.action = PlannedRow::Action::Create;
        keyless.fields = QJsonObject{{QStringLiteral("Title"), QStringLiteral("PRJ-1")}};
        refuseInvalidWrite(context, keyless);
        QCOMPARE(keyless.error, QStringLiteral("Field 'SyncBridgeKey' is not recognized"));
    }
};

QTEST_GUILESS_MAIN(TestItemValidator)
#include "tst_itemvalidator.moc"
