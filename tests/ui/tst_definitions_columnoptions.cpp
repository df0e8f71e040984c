// The mapping editor's column options (issue 19): a hyperlink's text column, HTML for a text column
// and new choices for a choice column are offered for the selected mapping as its SharePoint column's
// type allows, and what is chosen is the mapping's (what a save stores and the JSON export writes).
#include "testpaths.h"

#include "definitions/columnoptionsbar.h"
#include "definitions/mappingeditor.h"
#include "definitions/mappingmodel.h"
#include "sync/mappingadvisor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QTableView>
#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

ColumnInfo sourceColumn(const QString &name, const QString &type)
{
    ColumnInfo column;
    column.name = name;
    column.typeName = type;
    column.dataType = type;
    return column;
}

SharePointColumn listColumn(const QString &name, const QString &type)
{
    SharePointColumn column;
    column.name = name;
    column.displayName = name;
    column.type = type;
    return column;
}

FieldMapping mapping(const QString &source, const QString &target)
{
    FieldMapping mapping;
    mapping.sourceColumn = source;
    mapping.targetColumn = target;
    mapping.direction = FieldDirection::PushOnly;
    return mapping;
}

} // namespace

class TestDefinitionsColumnOptions : public QObject
{
    Q_OBJECT

private:
    MappingEditor *m_editor = nullptr;

    ColumnOptionsBar *bar() const { return m_editor->columnOptionsBar(); }
    QString adviceText() const
    {
        QStringList lines;
        for (const MappingAdvice &advice : m_editor->advice())
            lines << advice.message;
        return lines.join(QLatin1Char('\n'));
    }

    int select(const QString &target)
    {
        const QList<FieldMapping> mappings = m_editor->mappings();
        for (int row = 0; row < mappings.size(); ++row) {
            if (mappings.at(row).targetColumn == target) {
                m_editor->table()->setCurrentIndex(m_editor->model()->index(row, MappingModel::SourceColumn));
                return row;
            }
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        m_editor = new MappingEditor;
        TableInfo table;
        table.schema = QStringLiteral("public");
        table.name = QStringLiteral("tasks");
        table.columns = {sourceColumn(QStringLiteral("name"), QStringLiteral("text")),
            sourceColumn(QStringLiteral("url"), QStringLiteral("text")), sourceColumn(QStringLiteral("label"), QStringLiteral("text")),
            sourceColumn(QStringLiteral("notes"), QStringLiteral("text")), sourceColumn(QStringLiteral("status"), QStringLiteral("text")),
            sourceColumn(QStringLiteral("tag"), QStringLiteral("text")), sourceColumn(QStringLiteral("hours"), QStringLiteral("int4"))};
        SharePointColumn status = listColumn(QStringLiteral("Status"), QStringLiteral("choice"));
        status.choices = {QStringLiteral("Planned"), QStringLiteral("Done")};
        SharePointColumn tag = listColumn(QStringLiteral("Tag"), QStringLiteral("choice"));
        tag.allowTextEntry = true;
        SharePointColumn notes = listColumn(QStringLiteral("Notes"), QStringLiteral("text"));
        notes.maxLength = -1;
        m_editor->setColumns(table,
            {listColumn(QStringLiteral("Title"), QStringLiteral("text")),
                listColumn(QStringLiteral("Link"), QStringLiteral("hyperlinkOrPicture")), notes, status, tag,
                listColumn(QStringLiteral("Hours"), QStringLiteral("number"))},
            QStringLiteral("test"));
        m_editor->setMappings(
            {mapping(QStringLiteral("name"), QStringLiteral("Title")), mapping(QStringLiteral("url"), QStringLiteral("Link")),
                mapping(QStringLiteral("notes"), QStringLiteral("Notes")), mapping(QStringLiteral("status"), QStringLiteral("Status")),
                mapping(QStringLiteral("tag"), QStringLiteral("Tag")), mapping(QStringLiteral("hours"), QStringLiteral("Hours"))});
        m_editor->resize(1100, 720);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor));
    }

    // A hyperlink offers the column its text comes from (the table's other columns); the choice is the mapping's.
    void aHyperlinkTakesItsTextFromAnotherColumn()
    {
        const int row = select(QStringLiteral("Link"));
        QVERIFY(bar()->isVisible() && bar()->descriptionCombo()->isVisible());
        QVERIFY(!bar()->richTextBox()->isVisible() && !bar()->addChoicesBox()->isVisible());
        QComboBox *combo = bar()->descriptionCombo();
        QCOMPARE(combo->currentData().toString(), QString()); // the URL itself
        QCOMPARE(combo->findData(QStringLiteral("url")), -1); // not its own text
        combo->setCurrentIndex(combo->findData(QStringLiteral("label")));
        QCOMPARE(m_editor->mappings().at(row).descriptionColumn, QStringLiteral("label"));
        QVERIFY(m_editor->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("mapping-column-options.png"))));
    }

    // A text column offers "holds HTML"; a choice column without fill-in values "add new values".
    void textAndChoiceColumnsOfferTheirOptions()
    {
        int row = select(QStringLiteral("Notes"));
        QVERIFY(bar()->isVisible() && bar()->richTextBox()->isVisible());
        QVERIFY(!bar()->descriptionCombo()->isVisible() && !bar()->addChoicesBox()->isVisible());
        bar()->richTextBox()->click();
        QVERIFY(m_editor->mappings().at(row).richText);

        row = select(QStringLiteral("Status"));
        QVERIFY(bar()->isVisible() && bar()->addChoicesBox()->isVisible() && !bar()->addChoicesBox()->isChecked());
        QVERIFY(!bar()->richTextBox()->isVisible());
        bar()->addChoicesBox()->click();
        QVERIFY(m_editor->mappings().at(row).addsChoices);
        QVERIFY2(std::none_of(m_editor->advice().cbegin(), m_editor->advice().cend(),
                     [](const MappingAdvice &advice) { return advice.severity == MappingAdvice::Severity::Error; }),
            qPrintable(adviceText()));
        // Selecting another row and coming back shows what the mapping holds.
        select(QStringLiteral("Notes"));
        select(QStringLiteral("Status"));
        QVERIFY(bar()->addChoicesBox()->isChecked());
    }

    // A choice column that takes any text, and a number column, have no options: the bar is hidden.
    void columnsWithoutOptionsHideTheBar()
    {
        select(QStringLiteral("Tag"));
        QVERIFY(!bar()->isVisible());
        select(QStringLiteral("Hours"));
        QVERIFY(!bar()->isVisible());
        QVERIFY(!m_editor->mappings().at(select(QStringLiteral("Hours"))).addsChoices);
    }

    void cleanupTestCase() { delete m_editor; }
};

QTEST_MAIN(TestDefinitionsColumnOptions)
#include "tst_definitions_columnoptions.moc"
