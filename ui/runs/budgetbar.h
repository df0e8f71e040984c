#pragma once

#include "appcontext.h"

#include <QLabel>

namespace SyncBridge {

// The tenants' budget use on the Runs page: per SharePoint connection the RU every process (this
// GUI, CLI cron runs, other machines) spent today of the daily budget, and leased in the last minute
// of the minute budget, as the meta-store's shared ledger holds it.
class BudgetBar : public QLabel
{
    Q_OBJECT

public:
    explicit BudgetBar(AppContext context, QWidget *parent = nullptr);

public slots:
    void reload();

signals:
    void loaded();

private:
    AppContext m_context;
};

} // namespace SyncBridge
