#pragma once

#include "appcontext.h"
#include "navigationpage.h"

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSplitter;

namespace SyncBridge {

class DefinitionEditor;
class DefinitionForm;

// The sync definitions: a list, and the selected one in the definition editor (general settings,
// lists and routing, mappings, preview); new (Ctrl+N), save (Ctrl+S), revert, delete, export as
// JSON, import. Leaving unsaved changes asks first.
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
    void deleteSelected();
    void exportSelected(const QString &path);

signals:
    void loaded();
    void saved(qint64 definitionId);
    void importRequested();
    void runNowRequested(qint64 definitionId);

private:
    void saveDefinition(bool resetSyncState);
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
    int m_shownRow = -1;
};

} // namespace SyncBridge
