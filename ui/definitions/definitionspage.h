#pragma once

#include "appcontext.h"
#include "navigationpage.h"

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QSplitter;

namespace SyncBridge {

class DefinitionEditor;
class DefinitionForm;

// The sync definitions: a list, and the selected one in the definition editor (general settings,
// lists and routing, mappings, preview); new (Ctrl+N), save (Ctrl+S), revert, delete, export as
// JSON, import. Leaving unsaved changes asks first — another definition, another page, closing the
// window. A definition with problems is saved as a disabled draft: it keeps its problems, listed on
// the form, and its runs are refused with them until they are fixed and it is enabled.
class DefinitionsPage : public QWidget, public NavigationPage
{
    Q_OBJECT

public:
    explicit DefinitionsPage(AppContext context, QWidget *parent = nullptr);
    ~DefinitionsPage() override;

    QString title() const override;
    QIcon icon() const override;
    QWidget *widget() override { return this; }
    // Definitions imported from the Overview and what the catalog learned since show up here.
    void activated() override { reload(); }
    void leave(std::function<void()> proceed) override;

    QListWidget *list() const { return m_list; }
    DefinitionEditor *editor() const { return m_editor; }
    DefinitionForm *form() const;
    QPushButton *saveButton() const { return m_save; }
    QPushButton *revertButton() const { return m_revert; }
    QPushButton *newButton() const { return m_new; }
    QString message() const;

public slots:
    void reload();
    void save();
    void revert();
    void createDefinition();
    // A new definition syncing a table into a list (the Catalog's "Create a definition from this list").
    void createDefinitionFor(qint64 databaseId, const SyncBridge::TableInfo &table, const SyncBridge::SyncTarget &target);
    void deleteSelected();
    void removeDefinition(const SyncDefinition &definition, bool slotLeft);
    void exportSelected(const QString &path);

signals:
    void loaded();
    void saved(qint64 definitionId);
    void importRequested();
    void runNowRequested(qint64 definitionId);

private:
    void saveDefinition(bool resetSyncState);
    // Unsaved changes: asks Save / Discard / Cancel and calls proceed after Save (once saved) or Discard.
    void askAboutUnsaved(std::function<void()> proceed, std::function<void()> discard, qint64 selectAfterSave = 0);
    // Forgets the shown definition's changes: a new one is dropped, a stored one shown as stored.
    void discardShown();
    void addNewDefinition(SyncDefinition definition, const QString &message);
    bool canSave() const;
    void confirmReset(const QString &why);
    void switchTo(int row);
    void showDefinition(int row);
    void updateButtons();
    void setMessage(const QString &text, bool error);

    AppContext m_context;
    QListWidget *m_list;
    QSplitter *m_splitter;
    DefinitionEditor *m_editor;
    QLabel *m_message;
    QPushButton *m_save;
    QPushButton *m_revert;
    QPushButton *m_new;
    QPushButton *m_delete;
    QPushButton *m_export;
    QPushButton *m_import;
    QList<SyncDefinition> m_definitions;
    qint64 m_selectAfterLoad = 0;
    qint64 m_selectAfterSave = 0;       // the definition the user moved to while a save was asked for
    std::function<void()> m_afterSave;  // what waits for the save asked for to succeed
    std::optional<SyncDefinition> m_pendingNew; // a new definition to show once the catalog is loaded
    QString m_pendingMessage;
    int m_shownRow = -1;
};

} // namespace SyncBridge
