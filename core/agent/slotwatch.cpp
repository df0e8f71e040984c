#include "agent/slotwatch.h"

#include "agent/storethread.h"
#include "common/logging.h"
#include "secrets/secretstore.h"
#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "sync/cdc/slotguard.h"

#include <QDateTime>

namespace SyncBridge {

namespace {
struct SlotCheck {
    qint64 definitionId = 0;
    QString name;
    std::optional<SlotHealth> health;
    std::optional<Error> error;
};
} // namespace

SlotWatch::SlotWatch(std::shared_ptr<MetaStore> store, SecretStore &secrets, std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_secrets(secrets)
{
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &SlotWatch::checkNow);
}

SlotWatch::~SlotWatch() = default; // m_thread finishes the reading under way first

void SlotWatch::start()
{
    m_timer.start();
    checkNow();
}

void SlotWatch::checkNow()
{
    if (m_checking)
        return;
    m_checking = true;
    if (!m_thread)
        m_thread = std::make_unique<StoreThread>(m_store);
    m_thread->run(
        this,
        [store = m_store, secrets = &m_secrets]() {
            QList<SlotCheck> checks;
            auto definitions = DefinitionRepository(*store).all();
            if (!definitions) {
                checks.append({0, QString(), std::nullopt, definitions.error()});
                return checks;
            }
            const PasswordLookup passwords = [secrets](const DatabaseInstance &instance) -> Result<QString> {
                return instance.secretRef.isEmpty() ? Result<QString>(QString()) : readSecretBlocking(*secrets, instance.secretRef);
            };
            for (const SyncDefinition &definition : std::as_const(*definitions)) {
                if (definition.mode != SyncMode::Cdc)
                    continue;
                SlotCheck check{definition.id, definition.name, std::nullopt, std::nullopt};
                auto database = ConnectionRepository(*store).database(definition.source.databaseId);
                auto reading = database ? readSlotHealth(*store, *database, passwords, definition, QDateTime::currentDateTimeUtc())
                                        : Result<SlotReading>(database.error());
                if (reading)
                    check.health = reading->health;
                else
                    check.error = reading.error();
                checks << check;
            }
            return checks;
        },
        [this](const QList<SlotCheck> &checks) {
            m_checking = false;
            for (const SlotCheck &check : checks) {
                if (check.error) {
                    qCWarning(lcAgent).noquote()
                        << "slot guardian: cannot read the replication slot of" << check.name << "-" << check.error->message();
                    emit unreadable(check.definitionId, check.name, *check.error);
                    continue;
                }
                emit checked(check.definitionId, check.name, *check.health);
                if (const auto alert = m_alerts.observe(check.definitionId, check.health->severity))
                    emit alerted(*alert, check.name, *check.health);
            }
        });
}

} // namespace SyncBridge
