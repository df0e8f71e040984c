#include "secrets/keychainsecretstore.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>
#include <utility>

namespace SyncBridge {
namespace {

// The Linux Secret Service may start after us (D-Bus activation): retry once after this delay.
constexpr int lateBackendRetryMs = 400;

bool looksLikeMissingEntry(QKeychain::Error error, const QString &text)
{
    // Headless Linux reports every failure as OtherError; a missing entry is recognisable by its text.
    return error == QKeychain::EntryNotFound
        || text.contains(QLatin1String("not found"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("No match"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("could not be found"), Qt::CaseInsensitive);
}

Error toError(QKeychain::Error error, const QString &text, const QString &service, const QString &key, bool reading = false)
{
    if (looksLikeMissingEntry(error, text))
        return Error(ErrorCode::SecretNotFound,
            QCoreApplication::translate("SyncBridge::Secrets",
                "No secret was found: the system keychain has no entry '%1' (service '%2'). Enter the secret again "
                "(Connections page, or syncbridge-cli connections add-… --password-stdin).")
                .arg(key, service),
            text);
    if (reading) // a run or a test asked for a secret: say what was not found and the ways out
        return Error(ErrorCode::KeychainUnavailable,
            QCoreApplication::translate("SyncBridge::Secrets",
                "No secret was found: the system keychain is unavailable, so its entry '%1' (service '%2') could not be "
                "read. Unlock or start your keyring (e.g. GNOME Keyring or KWallet) and try again, or give "
                "syncbridge-cli its secrets in the environment (--secrets env).")
                .arg(key, service),
            text);
    return Error(ErrorCode::KeychainUnavailable,
                 QCoreApplication::translate("SyncBridge::Secrets",
                                             "The system keychain is unavailable, so secrets cannot be stored safely. "
                                             "Unlock or start your keyring (e.g. GNOME Keyring or KWallet) and try again."),
                 text);
}

bool worthRetrying(QKeychain::Error error, const QString &text)
{
    return (error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError) && !looksLikeMissingEntry(error, text);
}

// Starts a job made by makeJob; on a late-backend failure makes a fresh one and tries once more.
template<typename MakeJob, typename OnFinished>
void runJob(MakeJob makeJob, OnFinished onFinished, bool retried = false)
{
    QKeychain::Job *job = makeJob();
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, job, [makeJob, onFinished, retried](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError && !retried && worthRetrying(finished->error(), finished->errorString())) {
            qCInfo(lcSecrets).noquote() << "keychain not ready (" << finished->errorString() << "), retrying once";
            QTimer::singleShot(lateBackendRetryMs, [makeJob, onFinished]() { runJob(makeJob, onFinished, true); });
            return;
        }
        onFinished(finished);
    });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{
}

void KeychainSecretStore::read(const QString &key, ReadCallback done)
{
    const QString service = m_service;
    runJob(
        [service, key]() {
            auto *job = new QKeychain::ReadPasswordJob(service);
            job->setKey(key);
            return job;
        },
        [service, key, done](QKeychain::Job *job) {
            if (job->error() != QKeychain::NoError) {
                done(toError(job->error(), job->errorString(), service, key, true));
                return;
            }
            done(static_cast<QKeychain::ReadPasswordJob *>(job)->textData());
        });
}

void KeychainSecretStore::write(const QString &key, const QString &secret, DoneCallback done)
{
    const QString service = m_service;
    runJob(
        [service, key, secret]() {
            auto *job = new QKeychain::WritePasswordJob(service);
            job->setKey(key);
            job->setTextData(secret);
            return job;
        },
        [service, key, done](QKeychain::Job *job) {
            if (job->error() != QKeychain::NoError) {
                done(toError(job->error(), job->errorString(), service, key));
                return;
            }
            done(success());
        });
}

void KeychainSecretStore::remove(const QString &key, DoneCallback done)
{
    const QString service = m_service;
    runJob(
        [service, key]() {
            auto *job = new QKeychain::DeletePasswordJob(service);
            job->setKey(key);
            return job;
        },
        [service, key, done](QKeychain::Job *job) {
            const bool missing = job->error() != QKeychain::NoError && looksLikeMissingEntry(job->error(), job->errorString());
            if (job->error() != QKeychain::NoError && !missing) {
                done(toError(job->error(), job->errorString(), service, key));
                return;
            }
            done(success());
        });
}

QString KeychainSecretStore::backendName() const
{
    return QCoreApplication::translate("SyncBridge::Secrets", "system keychain");
}

} // namespace SyncBridge
