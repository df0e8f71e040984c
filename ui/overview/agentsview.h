#pragma once

#include "appcontext.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace SyncBridge {

// The Overview's Agents view: every scheduling agent sharing the meta-store (desktop or headless,
// on any machine) with its host, version, last heartbeat and the definitions it runs now. Read from
// the agents table on the store's thread; the heartbeat is measured against the database's clock,
// as the agents measure it. Refreshed while shown.
class AgentsView : public QWidget
{
    Q_OBJECT

public:
    explicit AgentsView(AppContext context, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }

public slots:
    void reload();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    AppContext m_context;
    QTreeWidget *m_tree;
    QLabel *m_empty;
    QTimer m_refresh;
    bool m_loading = false;
};

} // namespace SyncBridge
