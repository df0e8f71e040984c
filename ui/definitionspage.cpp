#include "definitionspage.h"

#include "backgroundtask.h"
#include "definitionform.h"

#include "model/definitionjson.h"
#include "store/catalogrepository.h"
#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

struct Loaded {
    QList<SyncDefinition> definitions;
    QList<Database> databases;
    QHash<qint64, QList<TableInfo>> tables;
};

Result<Loaded> load(const MetaStore &store)
{
    Loaded loaded;
    auto definitions = DefinitionRepository(store).all();
    if (!definitions)
        return definitions.error();
    auto databases = ConnectionRepository(store).databases();
    if (!databases)
        return databases.error();
    loaded.definitions = *definitions;
    loaded.databases = *databases;
    for (const Database &database : std::as_const(loaded.databases)) {
        auto tables = CatalogRepository(store).tables(database.id);
        if (!tables)
            return tables.error();
        loaded.tables.insert(database.id, *tables);
    }
    return loaded;
}

} // namespace

DefinitionsPage::DefinitionsPage(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_list(new QListWidget(this))
    , m_form(new DefinitionForm(this))
    , m_message(new QLabel(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_export(new QPushButton(tr("Export JSON…"), this))
    , m_import(new QPushButton(tr("Import…"), this))
{
    setObjectName(QStringLiteral("definitionsPage"));
    m_list->setObjectName(QStringLiteral("definitionList"));
    m_message->setObjectName(QStringLiteral("definitionsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_save->setObjectName(QStringLiteral("saveDefinition"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the definition (Ctrl+S); only possible when no field shows a problem"));
    m_revert->setObjectName(QStringLiteral("revertDefinition"));
    m_revert->setToolTip(tr("Forget the changes since the last save"));
    m_export->setToolTip(tr("Write the selected definition as a JSON file (connections by name, never secrets)"));
    m_import->setToolTip(tr("Read definitions from a JSON file: all of it or nothing"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_save, m_revert})
        buttons->addWidget(button);
    buttons->addStretch();
    buttons->addWidget(m_import);
    buttons->addWidget(m_export);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_form);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({260, 900});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &DefinitionsPage::switchTo);
    connect(m_form, &DefinitionForm::changed, this, &DefinitionsPage::updateButtons);
    connect(m_save, &QPushButton::clicked, this, &DefinitionsPage::save);
    connect(m_revert, &QPushButton::clicked, this, &DefinitionsPage::revert);
    connect(m_import, &QPushButton::clicked, this, &DefinitionsPage::importRequested);
    connect(m_export, &QPushButton::clicked, this, [this]() {
        auto *dialog = new QFileDialog(this, tr("Export the definition"), m_form->definition().name + QStringLiteral(".json"), tr("Definitions (*.json)"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, &DefinitionsPage::exportSelected);
        dialog->open();
    });
    updateButtons();
}

QString DefinitionsPage::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void DefinitionsPage::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
    m_message->setVisible(!text.isEmpty());
}

void DefinitionsPage::reload()
{
    runInBackground(this, m_context.storePool, [store = m_context.store]() { return load(*store); }, [this](Result<Loaded> loaded) {
        if (!loaded) {
            setMessage(tr("Cannot read the definitions: %1").arg(loaded.error().message()), true);
            emit this->loaded();
            return;
        }
        const qint64 selected = m_selectAfterLoad ? m_selectAfterLoad : (m_list->currentRow() >= 0 ? m_definitions.value(m_list->currentRow()).id : 0);
        m_selectAfterLoad = 0;
        m_definitions = loaded->definitions;
        m_form->setCatalog(loaded->databases, loaded->tables);
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        int row = 0;
        for (int i = 0; i < m_definitions.size(); ++i) {
            m_list->addItem(m_definitions.at(i).name);
            if (m_definitions.at(i).id == selected)
                row = i;
        }
        m_list->setCurrentRow(m_definitions.isEmpty() ? -1 : row);
        showDefinition(m_list->currentRow());
        emit this->loaded();
    });
}

void DefinitionsPage::switchTo(int row)
{
    if (!m_form->isModified() || row == m_shownRow) {
        showDefinition(row);
        return;
    }
    // Unsaved changes: stay on them until the user decides (asked without blocking the window).
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(m_shownRow);
    }
    auto *question = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                     tr("'%1' has changes that are not saved.").arg(m_definitions.value(m_shownRow).name),
                                     QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("unsavedChanges"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->button(QMessageBox::Save)->setEnabled(m_save->isEnabled());
    const qint64 wanted = m_definitions.value(row).id;
    connect(question, &QMessageBox::finished, this, [this, question, row, wanted]() {
        const QAbstractButton *clicked = question->clickedButton();
        if (clicked == question->button(QMessageBox::Discard)) {
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentRow(row);
            showDefinition(row);
        } else if (clicked == question->button(QMessageBox::Save)) {
            m_selectAfterSave = wanted;
            save();
        }
    });
    question->open();
}

void DefinitionsPage::showDefinition(int row)
{
    QStringList others;
    for (int i = 0; i < m_definitions.size(); ++i) {
        if (i != row)
            others << m_definitions.at(i).name;
    }
    m_shownRow = row;
    m_form->setEnabled(row >= 0);
    m_form->setDefinition(row >= 0 ? m_definitions.at(row) : SyncDefinition{}, others);
    updateButtons();
}

void DefinitionsPage::updateButtons()
{
    const bool selected = m_list->currentRow() >= 0;
    m_save->setEnabled(selected && m_form->isModified() && m_form->problems().isEmpty());
    m_revert->setEnabled(selected && m_form->isModified());
    m_export->setEnabled(selected && m_form->problems().isEmpty());
}

void DefinitionsPage::save()
{
    if (!m_save->isEnabled())
        return;
    SyncDefinition definition = m_form->definition();
    m_save->setEnabled(false);
    runInBackground(
        this, m_context.storePool,
        [store = m_context.store, definition]() -> Result<qint64> {
            SyncDefinition saving = definition;
            return DefinitionRepository(*store).save(saving);
        },
        [this, name = definition.name](Result<qint64> saved) {
            if (!saved) {
                setMessage(tr("Not saved: %1").arg(saved.error().message()), true);
                updateButtons();
                return;
            }
            setMessage(tr("Saved '%1'.").arg(name), false);
            m_selectAfterLoad = m_selectAfterSave ? m_selectAfterSave : *saved;
            m_selectAfterSave = 0;
            m_form->setModified(false);
            emit this->saved(*saved);
            reload();
        });
}

void DefinitionsPage::revert()
{
    showDefinition(m_list->currentRow());
    setMessage({}, false);
}

void DefinitionsPage::exportSelected(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(definitionsToDocument({m_form->definition()})) < 0) {
        setMessage(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return;
    }
    setMessage(tr("Exported '%1' to %2.").arg(m_form->definition().name, path), false);
}

} // namespace SyncBridge
