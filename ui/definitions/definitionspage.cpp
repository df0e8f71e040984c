#include "definitions/definitionspage.h"

#include "common/backgroundtask.h"
#include "common/uisettings.h"
#include "definitions/definitioneditor.h"
#include "definitions/definitionform.h"

#include "model/definitionjson.h"
#include "replication/slotquestions.h"
#include "replication/slottasks.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "sync/runcontroller.h"

#include <QCheckBox>
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

#include <utility>

namespace SyncBridge {
namespace {

struct Loaded {
    QList<SyncDefinition> definitions;
    StoredCatalog catalog;
};

Result<Loaded> load(const MetaStore &store)
{
    auto definitions = DefinitionRepository(store).all();
    if (!definitions)
        return definitions.error();
    auto catalog = loadStoredCatalog(store);
    if (!catalog)
        return catalog.error();
    if (auto lists = loadRecordedLists(store, *catalog); !lists)
        return lists.error();
    return Loaded{*definitions, *catalog};
}

} // namespace

DefinitionsPage::DefinitionsPage(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_list(new QListWidget(this))
    , m_splitter(new QSplitter(this))
    , m_editor(new DefinitionEditor(m_context, this))
    , m_message(new QLabel(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_new(new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("New"), this))
    , m_delete(new QPushButton(QIcon(QStringLiteral(":/icons/delete.svg")), tr("Delete…"), this))
    , m_export(new QPushButton(tr("Export JSON…"), this))
    , m_import(new QPushButton(tr("Import…"), this))
{
    setObjectName(QStringLiteral("definitionsPage"));
    m_list->setObjectName(QStringLiteral("definitionList"));
    m_message->setObjectName(QStringLiteral("definitionsMessage"));
    // Messages have a place of their own beside the buttons: showing one never moves the form.
    m_message->setWordWrap(false);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_message->setMinimumWidth(120);
    m_save->setObjectName(QStringLiteral("saveDefinition"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the definition (Ctrl+S); only possible when no field shows a problem"));
    m_revert->setObjectName(QStringLiteral("revertDefinition"));
    m_revert->setToolTip(tr("Forget the changes since the last save"));
    m_new->setObjectName(QStringLiteral("newDefinition"));
    m_new->setShortcut(QKeySequence::New);
    m_new->setToolTip(tr("Start a new definition (Ctrl+N): choose its table, lists, rules and mappings, then save"));
    m_delete->setObjectName(QStringLiteral("deleteDefinition"));
    m_delete->setToolTip(tr("Delete the selected definition with its run history and sync state (asks first)"));
    m_export->setToolTip(tr("Write the selected definition as a JSON file (connections by name, never secrets)"));
    m_import->setToolTip(tr("Read definitions from a JSON file: all of it or nothing"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_new, m_save, m_revert, m_delete})
        buttons->addWidget(button);
    buttons->addSpacing(12);
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_import);
    buttons->addWidget(m_export);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_editor);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setSizes({220, 1000});
    m_splitter->restoreState(UiSettings::definitionsSplitter.value());
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_splitter, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &DefinitionsPage::switchTo);
    connect(m_editor, &DefinitionEditor::changed, this, &DefinitionsPage::updateButtons);
    connect(m_editor, &DefinitionEditor::runNowRequested, this, &DefinitionsPage::runNowRequested);
    connect(m_new, &QPushButton::clicked, this, &DefinitionsPage::createDefinition);
    connect(m_delete, &QPushButton::clicked, this, &DefinitionsPage::deleteSelected);
    connect(m_save, &QPushButton::clicked, this, &DefinitionsPage::save);
    connect(m_revert, &QPushButton::clicked, this, &DefinitionsPage::revert);
    connect(m_import, &QPushButton::clicked, this, &DefinitionsPage::importRequested);
    connect(m_export, &QPushButton::clicked, this, [this]() {
        auto *dialog = new QFileDialog(this, tr("Export the definition"), m_editor->definition().name + QStringLiteral(".json"), tr("Definitions (*.json)"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, &DefinitionsPage::exportSelected);
        dialog->open();
    });
    updateButtons();
}

DefinitionsPage::~DefinitionsPage()
{
    UiSettings::definitionsSplitter.setValue(m_splitter->saveState());
}

QString DefinitionsPage::title() const
{
    return tr("Definitions");
}

QIcon DefinitionsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/definitions.svg"));
}

QString DefinitionsPage::message() const
{
    return m_message->text();
}

void DefinitionsPage::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setToolTip(text); // the whole of a message longer than its place
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
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
        // The definition being edited keeps its edits through a reload (an import, the page shown
        // again): a new one is not in the store yet, a stored one stays as the editor has it until
        // it is saved or discarded.
        const bool keepShown = m_shownRow >= 0 && m_shownRow < m_definitions.size() && m_editor->isModified();
        const qint64 shownId = keepShown ? m_definitions.at(m_shownRow).id : 0;
        const SyncDefinition unsaved = keepShown && shownId == 0 ? m_editor->definition() : SyncDefinition{};
        m_definitions = loaded->definitions;
        m_editor->setCatalog(loaded->catalog);
        if (keepShown && shownId == 0)
            m_definitions << unsaved;
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        int row = 0;
        int keptRow = -1;
        for (int i = 0; i < m_definitions.size(); ++i) {
            m_list->addItem(m_definitions.at(i).name);
            if (m_definitions.at(i).id == selected)
                row = i;
            if (keepShown && m_definitions.at(i).id == shownId)
                keptRow = i;
        }
        if (keptRow >= 0) {
            m_list->setCurrentRow(keptRow);
            m_shownRow = keptRow;
            updateButtons();
            emit this->loaded();
            return;
        }
        m_list->setCurrentRow(m_definitions.isEmpty() ? -1 : row);
        showDefinition(m_list->currentRow());
        if (m_pendingNew) { // asked for before the catalog (with its new list) was loaded
            const SyncDefinition pending = *std::exchange(m_pendingNew, std::nullopt);
            addNewDefinition(pending, m_pendingMessage);
            emit this->loaded();
            return;
        }
        if (m_definitions.isEmpty())
            setMessage(tr("No definitions yet: New (Ctrl+N) starts one from a catalogued table, Import… reads a definitions file."), false);
        emit this->loaded();
    });
}

void DefinitionsPage::switchTo(int row)
{
    if (row == m_shownRow)
        return;
    if (!m_editor->isModified()) {
        setMessage({}, false); // a message about the definition left does not stay
        showDefinition(row);
        return;
    }
    // Unsaved changes: stay on them until the user decides (asked without blocking the window).
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(m_shownRow);
    }
    const qint64 wanted = m_definitions.value(row).id;
    askAboutUnsaved(
        {},
        [this, wanted]() {
            const auto found
                = std::find_if(m_definitions.cbegin(), m_definitions.cend(), [&](const SyncDefinition &d) { return d.id == wanted; });
            const int at = found == m_definitions.cend() ? -1 : int(found - m_definitions.cbegin());
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentRow(at);
            setMessage({}, false);
            showDefinition(at);
        },
        wanted);
}

void DefinitionsPage::leave(std::function<void()> proceed)
{
    if (!m_editor->isModified() || m_shownRow < 0) {
        proceed();
        return;
    }
    askAboutUnsaved(std::move(proceed), [this]() { discardShown(); });
}

void DefinitionsPage::askAboutUnsaved(std::function<void()> proceed, std::function<void()> discard, qint64 selectAfterSave)
{
    m_editor->commitPendingEdits();
    const QList<ValidationIssue> problems = m_editor->problems();
    auto *question = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                     tr("'%1' has changes that are not saved.").arg(m_definitions.value(m_shownRow).name),
                                     QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("unsavedChanges"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    if (!problems.isEmpty()) {
        question->button(QMessageBox::Save)->setText(tr("Save as draft"));
        question->setInformativeText(tr("It has %n problem(s): saved, it is disabled — a draft that does not run until they are fixed.",
            nullptr, int(problems.size())));
    }
    question->button(QMessageBox::Save)->setEnabled(canSave());
    connect(question, &QMessageBox::finished, this, [this, question, proceed, discard, selectAfterSave]() {
        const QAbstractButton *clicked = question->clickedButton();
        if (clicked == question->button(QMessageBox::Discard)) {
            discard();
            if (proceed)
                proceed();
        } else if (clicked == question->button(QMessageBox::Save)) {
            m_selectAfterSave = selectAfterSave;
            m_afterSave = proceed;
            save();
        }
    });
    question->open();
}

void DefinitionsPage::discardShown()
{
    const int row = m_shownRow;
    if (row >= 0 && row < m_definitions.size() && m_definitions.at(row).id == 0) { // never saved: dropped
        m_definitions.removeAt(row);
        m_editor->setModified(false);
        {
            const QSignalBlocker blocker(m_list);
            delete m_list->takeItem(row);
        }
        showDefinition(m_list->currentRow());
        return;
    }
    showDefinition(row);
}

void DefinitionsPage::showDefinition(int row)
{
    QStringList others;
    for (int i = 0; i < m_definitions.size(); ++i) {
        if (i != row)
            others << m_definitions.at(i).name;
    }
    m_shownRow = row;
    m_editor->setEnabled(row >= 0);
    form()->setProblemsShown(row >= 0);
    m_editor->setDefinition(row >= 0 ? m_definitions.at(row) : SyncDefinition{}, others);
    if (row >= 0 && m_definitions.at(row).id == 0)
        m_editor->setModified(true);   // a new definition is unsaved until saved
    updateButtons();
}

bool DefinitionsPage::canSave() const
{
    // Everything can be kept as a draft but a definition without a name of its own: the store
    // tells definitions apart by name.
    const QList<ValidationIssue> problems = m_editor->problems();
    const bool named = std::none_of(problems.cbegin(), problems.cend(),
        [](const ValidationIssue &issue) { return issue.path == QLatin1String("$.definitions[0].name"); });
    return m_list->currentRow() >= 0 && m_editor->isModified() && named;
}

void DefinitionsPage::updateButtons()
{
    const bool selected = m_list->currentRow() >= 0;
    const QList<ValidationIssue> problems = m_editor->problems();
    m_save->setEnabled(canSave());
    m_save->setText(problems.isEmpty() ? tr("Save") : tr("Save as draft"));
    m_save->setShortcut(QKeySequence::Save); // setText replaces the shortcut with the text's mnemonic
    m_revert->setEnabled(selected && m_editor->isModified() && m_definitions.value(m_list->currentRow()).id != 0);
    m_delete->setEnabled(selected);
    m_export->setEnabled(selected && problems.isEmpty());
    QStringList lines;
    for (const ValidationIssue &issue : problems)
        lines << issue.message;
    m_save->setToolTip(lines.isEmpty() ? tr("Save the definition (Ctrl+S)")
                                       : tr("Saves it disabled, as a draft that does not run, until these are fixed (Ctrl+S): %1")
                                             .arg(lines.join(QStringLiteral("; "))));
    // The list shows the name being edited, not the one last saved.
    if (QListWidgetItem *item = m_list->item(m_shownRow); item && selected) {
        const QString name = m_editor->definition().name;
        if (!name.isEmpty() && item->text() != name)
            item->setText(name);
    }
}

void DefinitionsPage::save()
{
    m_editor->commitPendingEdits(); // a condition still being typed belongs to what is saved
    if (!canSave()) {
        m_afterSave = nullptr;
        m_selectAfterSave = 0;
        return;
    }
    saveDefinition(false);
}

void DefinitionsPage::saveDefinition(bool resetSyncState)
{
    SyncDefinition definition = m_editor->definition();
    const int problems = int(m_editor->problems().size());
    if (problems > 0)
        definition.enabled = false; // a draft: kept with its problems, refused when run
    m_save->setEnabled(false);
    const auto stateChange = resetSyncState ? DefinitionRepository::StateChange::Reset : DefinitionRepository::StateChange::Refuse;
    runInBackground(
        this, m_context.storePool,
        [store = m_context.store, definition, stateChange]() -> Result<qint64> {
            SyncDefinition saving = definition;
            return DefinitionRepository(*store).save(saving, stateChange);
        },
        [this, definition, problems, row = m_shownRow](Result<qint64> saved) {
            if (!saved && saved.error().code() == ErrorCode::NeedsConfirmation) {
                confirmReset(saved.error().message());
                return;
            }
            if (!saved) {
                m_afterSave = nullptr;
                m_selectAfterSave = 0;
                setMessage(tr("Not saved: %1").arg(saved.error().message()), true);
                updateButtons();
                return;
            }
            if (problems > 0)
                setMessage(
                    tr("Saved '%1' as a disabled draft: %n problem(s) to fix before it can run, listed on the form.", nullptr, problems)
                        .arg(definition.name),
                    false);
            else if (!definition.enabled)
                setMessage(tr("Saved '%1'. It is disabled: tick Enabled under General to let it run.").arg(definition.name), false);
            else
                setMessage(tr("Saved '%1'.").arg(definition.name), false);
            // A CDC definition disabled by hand: its slot holds WAL meanwhile, so dropping it is offered.
            const bool disabledCdc = definition.mode == SyncMode::Cdc && !definition.enabled && problems == 0 && definition.id != 0
                && row >= 0 && row < m_definitions.size() && m_definitions.at(row).id == definition.id && m_definitions.at(row).enabled;
            if (disabledCdc)
                offerToDropSlot(this, m_context, definition.id, definition.name,
                    [this](const QString &message, bool error) { setMessage(message, error); });
            if (row >= 0 && row < m_definitions.size() && m_definitions.at(row).id == definition.id) {
                m_definitions[row] = definition;   // what the store holds now, until the reload brings it
                m_definitions[row].id = *saved;
            }
            m_selectAfterLoad = m_selectAfterSave ? m_selectAfterSave : *saved;
            m_selectAfterSave = 0;
            m_editor->setModified(false);
            emit this->saved(*saved);
            reload();
            if (auto after = std::exchange(m_afterSave, nullptr))
                after();
        });
}

void DefinitionsPage::confirmReset(const QString &why)
{
    // The store refused: the edit reinterprets what was synced. Saving is the user's call, with
    // what it costs in front of them (asked without blocking the window).
    auto *question = new QMessageBox(QMessageBox::Warning, tr("Reset the sync position?"), why, QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("confirmReset"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *reset = question->addButton(tr("Save and Reset"), QMessageBox::AcceptRole);
    question->setDefaultButton(QMessageBox::Cancel);
    connect(question, &QMessageBox::finished, this, [this, question, reset]() {
        if (question->clickedButton() == reset) {
            saveDefinition(true);
            return;
        }
        m_selectAfterSave = 0;
        m_afterSave = nullptr;
        setMessage(tr("Not saved: the sync position was kept."), false);
        updateButtons();
    });
    question->open();
}

void DefinitionsPage::revert()
{
    showDefinition(m_list->currentRow());
    setMessage({}, false);
}

void DefinitionsPage::exportSelected(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(definitionsToDocument({m_editor->definition()})) < 0) {
        setMessage(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return;
    }
    setMessage(tr("Exported '%1' to %2.").arg(m_editor->definition().name, path), false);
}

DefinitionForm *DefinitionsPage::form() const
{
    return m_editor->form();
}

void DefinitionsPage::createDefinition()
{
    if (m_editor->isModified() && m_shownRow >= 0) {
        askAboutUnsaved([this]() { createDefinition(); }, [this]() { discardShown(); });
        return;
    }
    // A starting point that names what is still to choose: the first catalogued table and the
    // first SharePoint connection, the list to pick from the catalogued ones.
    SyncDefinition definition;
    const StoredCatalog &catalog = m_editor->catalog();
    for (const Database &database : catalog.databases) {
        const QList<TableInfo> tables = catalog.tables.value(database.id);
        if (tables.isEmpty())
            continue;
        definition.source.databaseId = database.id;
        definition.source.databaseName = database.name;
        definition.source.schema = tables.first().schema;
        definition.source.table = tables.first().name;
        break;
    }
    definition.cursorStrategy = CursorStrategy::FullScan;
    if (!catalog.sharePoint.isEmpty()) {
        SyncTarget target;
        target.name = tr("Main");
        target.connectionId = catalog.sharePoint.first().id;
        target.connectionName = catalog.sharePoint.first().name;
        const QList<SharePointSite> sites = catalog.sites.value(target.connectionId);
        target.site = sites.isEmpty() ? QString() : sitePath(sites.first());
        // A catalogued list of the table's name is the likely one; otherwise the List cell offers them all.
        for (const SharePointSite &site : sites) {
            for (const SharePointList &list : catalog.lists.value(site.id)) {
                if (target.listName.isEmpty() && list.displayName.compare(definition.source.table, Qt::CaseInsensitive) == 0) {
                    target.site = sitePath(site);
                    target.listName = list.displayName;
                    target.listGraphId = list.graphId;
                }
            }
        }
        definition.targets << target;
    }
    addNewDefinition(definition, tr("A new definition: choose its table, lists and mappings, then save (Ctrl+S)."));
}

void DefinitionsPage::createDefinitionFor(qint64 databaseId, const TableInfo &table, const SyncTarget &target)
{
    if (m_editor->isModified() && m_shownRow >= 0) {
        askAboutUnsaved(
            [this, databaseId, table, target]() { createDefinitionFor(databaseId, table, target); }, [this]() { discardShown(); });
        return;
    }
    SyncDefinition definition;
    definition.source.databaseId = databaseId;
    for (const Database &database : m_editor->catalog().databases) {
        if (database.id == databaseId)
            definition.source.databaseName = database.name;
    }
    definition.source.schema = table.schema;
    definition.source.table = table.name;
    definition.cursorStrategy = CursorStrategy::FullScan;
    definition.targets << target;
    // Shown once the page has read the catalog as it is now: the list may be minutes old.
    m_pendingNew = definition;
    m_pendingMessage = tr("A new definition from %1 into '%2': map its columns (Auto-map on Mappings), then save (Ctrl+S).")
                           .arg(table.qualifiedName(), target.listName);
    reload();
}

void DefinitionsPage::addNewDefinition(SyncDefinition definition, const QString &message)
{
    QStringList names;
    for (const SyncDefinition &existing : std::as_const(m_definitions))
        names << existing.name;
    definition.name = tr("New definition");
    for (int n = 2; names.contains(definition.name, Qt::CaseInsensitive); ++n)
        definition.name = tr("New definition %1").arg(n);
    m_definitions << definition;
    {
        const QSignalBlocker blocker(m_list);
        m_list->addItem(definition.name);
        m_list->setCurrentRow(int(m_definitions.size()) - 1);
    }
    showDefinition(m_list->currentRow());
    setMessage(message, false);
}

void DefinitionsPage::deleteSelected()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    const SyncDefinition definition = m_definitions.at(row);
    if (definition.id == 0) {   // never saved: just drop it
        discardShown();
        return;
    }
    if (m_context.runs && m_context.runs->isRunning(definition.id)) {
        setMessage(tr("'%1' is running: cancel the run before deleting the definition.").arg(definition.name), true);
        return;
    }
    auto *question = new QMessageBox(QMessageBox::Warning, tr("Delete the definition"),
                                     tr("Delete '%1' with its run history, ledger and cursor? The SharePoint lists and their items stay.").arg(definition.name),
                                     QMessageBox::Yes | QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("deleteDefinitionQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->button(QMessageBox::Yes)->setText(tr("Delete"));
    QCheckBox *dropSlot = definition.mode == SyncMode::Cdc ? addDropSlotOption(question) : nullptr;
    connect(question, &QMessageBox::finished, this, [this, question, definition, dropSlot]() {
        if (question->clickedButton() != question->button(QMessageBox::Yes))
            return;
        if (dropSlot && dropSlot->isChecked()) {
            // The slot first: one that cannot be dropped keeps the definition, so it can be tried again.
            dropSlotInBackground(this, m_context, definition.id, [this, definition](Result<void> dropped) {
                if (!dropped) {
                    setMessage(tr("Not deleted: the replication slot was not dropped: %1").arg(dropped.error().message()), true);
                    return;
                }
                removeDefinition(definition, false);
            });
            return;
        }
        removeDefinition(definition, dropSlot != nullptr);
    });
    question->open();
}

void DefinitionsPage::removeDefinition(const SyncDefinition &definition, bool slotLeft)
{
    runInBackground(
        this, m_context.storePool, [store = m_context.store, id = definition.id]() { return DefinitionRepository(*store).remove(id); },
        [this, name = definition.name, id = definition.id, slotLeft](Result<void> removed) {
            if (!removed) {
                setMessage(tr("Not deleted: %1").arg(removed.error().message()), true);
                return;
            }
            if (slotLeft)
                setMessage(tr("Deleted '%1'. Its replication slot and publication stay on PostgreSQL, which keeps WAL for the slot: drop "
                              "them there with %2")
                               .arg(name, dropSlotStatements(id)),
                    false);
            else
                setMessage(tr("Deleted '%1'.").arg(name), false);
            m_editor->setModified(false);
            emit saved(0);
            reload();
        });
}

} // namespace SyncBridge
