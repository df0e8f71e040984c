#include "runs/budgetbar.h"

#include "common/backgroundtask.h"

#include "store/budgetrepository.h"
#include "store/connectionrepository.h"
#include "store/metastore.h"

#include <QLocale>

namespace SyncBridge {
namespace {

struct TenantUse {
    SharePointConnection connection;
    BudgetUsage usage;
};

} // namespace

BudgetBar::BudgetBar(AppContext context, QWidget *parent)
    : QLabel(parent)
    , m_context(std::move(context))
{
    setObjectName(QStringLiteral("budgetBar"));
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setToolTip(
        tr("Resource units SharePoint counted for this app in the tenant — by every SyncBridge process that shares this meta-store"));
}

void BudgetBar::reload()
{
    runInBackground(
        this, m_context.storePool,
        [store = m_context.store]() -> Result<QList<TenantUse>> {
            auto connections = ConnectionRepository(*store).sharePointConnections();
            if (!connections)
                return connections.error();
            const BudgetRepository budget(store);
            QList<TenantUse> uses;
            for (const SharePointConnection &connection : std::as_const(*connections)) {
                auto usage = budget.usage(connection.id, QDateTime::currentDateTimeUtc());
                if (!usage)
                    return usage.error();
                uses.append({connection, *usage});
            }
            return uses;
        },
        [this](Result<QList<TenantUse>> uses) {
            if (!uses) {
                setText(tr("The tenants' budget use could not be read: %1").arg(uses.error().message()));
            } else {
                const QLocale locale;
                QStringList lines;
                for (const TenantUse &use : std::as_const(*uses)) {
                    const double share
                        = use.connection.ruPerDay > 0 ? 100.0 * double(use.usage.spentToday) / double(use.connection.ruPerDay) : 0;
                    lines << tr("%1: %2 of %3 RU today (%4 %), %5 of %6 RU admitted in the last minute")
                                 .arg(use.connection.name, locale.toString(use.usage.spentToday), locale.toString(use.connection.ruPerDay),
                                     locale.toString(share, 'f', 1), locale.toString(use.usage.admittedLastMinute),
                                     locale.toString(use.connection.ruPerMinute));
                }
                setText(lines.join(QLatin1Char('\n')));
            }
            setVisible(!text().isEmpty());
            emit loaded();
        });
}

} // namespace SyncBridge
