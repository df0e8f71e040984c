#pragma once

#include "appcontext.h"

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace SyncBridge {

class DefinitionForm;

// The sync definitions: a list, and the selected one's general settings in a form with inline
// validation; save (Ctrl+S), revert, export as JSON, import. (New definitions come by import until
// the target and mapping designers exist: a definition without lists cannot be saved.)
class DefinitionsPage : public QWidget
{
    Q_OBJECT

public:
    explicit DefinitionsPage(AppContext context, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    DefinitionForm *form() const { return m_form; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *revertButton() const { return m_revert; }
    QString message() const;

public slots:
    void reload();
    void save();
    void revert();
    void exportSelected(const QString &path);

signals:
    void loaded();
    void saved(qint64 definitionId);
    void importRequested();

private:
    void switchTo(int row);
    void showDefinition(int row);
    void updateButtons();
    void setMessage(const QString &text, bool error);

    AppContext m_context;
    QListWidget *m_list;
    DefinitionForm *m_form;
    QLabel *m_message;
    QPushButton *m_save;
    QPushButton *m_revert;
    QPushButton *m_export;
    QPushButton *m_import;
    QList<SyncDefinition> m_definitions;
    qint64 m_selectAfterLoad = 0;
    qint64 m_selectAfterSave = 0;       // the definition the user moved to while a save was asked for
    int m_shownRow = -1;
};

} // namespace SyncBridge
