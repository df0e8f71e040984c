#pragma once

#include "appcontext.h"

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"
#include "model/definitionjson.h"
#include "store/storedcatalog.h"

#include <QHash>
#include <QTabWidget>

namespace SyncBridge {

class DefinitionForm;
class DriftPanel;
class DryRunPanel;
class MappingEditor;
class ReplicationPanel;
class ScheduleEditor;
class ShardingDesigner;

// One definition in five tabs: General (the form), Lists & routing (sharding designer), Mappings
// (mapping editor), Schedule (schedule editor) and Preview (dry run, Run Sync Now). The tabs share one definition: what the
// designers change is validated with the general settings, and a new source table reaches the
// designers, their sample rows and their live counts. Database work runs off the GUI thread.
class DefinitionEditor : public QTabWidget
{
    Q_OBJECT

public:
    explicit DefinitionEditor(AppContext context, QWidget *parent = nullptr);

    void setCatalog(const StoredCatalog &catalog);
    const StoredCatalog &catalog() const { return m_catalog; }
    void setDefinition(const SyncDefinition &definition, const QStringList &otherNames);
    SyncDefinition definition() const;
    // What keeps the definition from running: the form's checks (the import's shape checks) and, once
    // the table is catalogued, the semantic check the import and every run make (sync/definitioncheck.h)
    // against the table and the lists' columns the catalog knows. A draft may be saved with them.
    QList<ValidationIssue> problems() const;
    // Typed text not yet applied (a condition being typed) goes into the definition now.
    void commitPendingEdits();
    bool isModified() const;
    void setModified(bool modified);

    DefinitionForm *form() const { return m_form; }
    ShardingDesigner *sharding() const { return m_sharding; }
    MappingEditor *mappingEditor() const { return m_mappings; }
    ScheduleEditor *schedule() const { return m_schedule; }
    DryRunPanel *preview() const { return m_preview; }
    DriftPanel *drift() const { return m_drift; }
    // The Replication tab, shown for CDC definitions only.
    ReplicationPanel *replication() const { return m_replication; }

public slots:
    // Reads the first list's columns from SharePoint in the background and records them in the catalog.
    void readListColumns();
    // "Provision a new list…" for a row of Lists & routing: the provisioning dialog for the table.
    void provisionList(int row);

signals:
    void changed();
    void runNowRequested(qint64 definitionId);
    // A list was read or provisioned: the catalog knows more than the page loaded.
    void catalogChanged();

private:
    void showReplication(const SyncDefinition &definition);
    void onFormChanged();
    void onDesignChanged();
    void onScheduleChanged();
    void sourceChanged();
    void showMappingColumns();
    void loadSamples();
    void countRoutes();
    const Database *sourceDatabase() const;
    const SharePointConnection *connectionOf(const SyncTarget &target) const;
    // The catalogued list a target points at, or nullptr.
    const SharePointList *catalogList(const SyncTarget &target) const;
    void recordList(const SharePointSite &site, const SharePointList &list);
    QList<ValidationIssue> semanticProblems(const SyncDefinition &definition) const;
    void showSemanticProblems();

    AppContext m_context;
    StoredCatalog m_catalog;
    DefinitionForm *m_form;
    ShardingDesigner *m_sharding;
    MappingEditor *m_mappings;
    ScheduleEditor *m_schedule;
    DryRunPanel *m_preview;
    DriftPanel *m_drift;
    ReplicationPanel *m_replication;
    QString m_shownSource;          // "database id/schema.table" the designers were given
    QString m_shownMappingList;     // the list whose columns the mapping editor shows
    quint64 m_samplesGeneration = 0;
    bool m_counting = false;        // a route count is running
    bool m_readingColumns = false;  // a list's columns are being read from SharePoint
};

} // namespace SyncBridge
