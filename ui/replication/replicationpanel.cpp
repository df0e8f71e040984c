#include "replication/replicationpanel.h"

#include "replication/slotstyle.h"
#include "replication/slottasks.h"

#include "sync/runcontroller.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTime>
#include <QVBoxLayout>

#include <climits>

namespace SyncBridge {

ReplicationPanel::ReplicationPanel(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_banner(new QLabel(this))
    , m_slot(new QLabel(this))
    , m_publication(new QLabel(this))
    , m_active(new QLabel(this))
    , m_lagBytes(new QLabel(this))
    , m_lagTime(new QLabel(this))
    , m_walStatus(new QLabel(this))
    , m_safeWalSize(new QLabel(this))
    , m_status(new QLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_drop(new QPushButton(tr("Drop slot and publication…"), this))
    , m_resnapshot(new QPushButton(tr("Re-snapshot…"), this))
{
    setObjectName(QStringLiteral("replicationPanel"));
    m_banner->setObjectName(QStringLiteral("slotBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->hide();
    m_status->setWordWrap(true);
    m_refresh->setToolTip(tr("Read the slot from PostgreSQL again"));
    m_drop->setToolTip(tr("Drop the replication slot and the publication, so PostgreSQL keeps no WAL for this definition (asks first)"));
    m_resnapshot->setToolTip(tr("Load the table again in a new slot's snapshot and match the items already synced (asks first)"));
    for (QLabel *value : {m_slot, m_publication, m_active, m_lagBytes, m_lagTime, m_walStatus, m_safeWalSize})
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Replication slot:"), m_slot);
    form->addRow(tr("Publication:"), m_publication);
    form->addRow(tr("Streaming now:"), m_active);
    form->addRow(tr("Lag (WAL held):"), m_lagBytes);
    form->addRow(tr("Lag (time):"), m_lagTime);
    form->addRow(tr("wal_status:"), m_walStatus);
    form->addRow(tr("safe_wal_size:"), m_safeWalSize);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addStretch();
    buttons->addWidget(m_resnapshot);
    buttons->addWidget(m_drop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addStretch();

    connect(m_refresh, &QPushButton::clicked, this, &ReplicationPanel::refresh);
    connect(m_drop, &QPushButton::clicked, this, &ReplicationPanel::askToDrop);
    connect(m_resnapshot, &QPushButton::clicked, this, &ReplicationPanel::askToResnapshot);
    if (m_context.runs) {
        // A run of this definition moved the slot (or a re-snapshot made a new one): read it again.
        connect(m_context.runs, &RunController::finished, this, [this](qint64 definitionId, const RunOutcome &) {
            if (definitionId == m_definitionId && isVisible())
                refresh();
        });
    }
    setBusy(false);
}

void ReplicationPanel::setDefinition(qint64 definitionId, const QString &name)
{
    m_definitionId = definitionId;
    m_name = name;
    m_severity.reset();
    m_banner->hide();
    for (QLabel *value : {m_slot, m_publication, m_active, m_lagBytes, m_lagTime, m_walStatus, m_safeWalSize})
        value->setText(QStringLiteral("—"));
    m_status->setText(definitionId == 0 ? tr("Save the definition first: its slot is made by its first run.") : QString());
    setBusy(false);
}

void ReplicationPanel::refresh()
{
    if (m_definitionId == 0 || m_busy || !m_context.store)
        return;
    setBusy(true);
    m_status->setText(tr("Reading the slot…"));
    const qint64 id = m_definitionId;
    readSlotInBackground(this, m_context, id, [this, id](Result<SlotReading> reading) {
        if (id != m_definitionId)
            return; // another definition is shown now
        setBusy(false);
        if (!reading) {
            showError(tr("The slot could not be read: %1").arg(reading.error().message()));
            return;
        }
        showReading(*reading);
    });
}

void ReplicationPanel::showReading(const SlotReading &reading)
{
    const SlotFacts &facts = reading.facts;
    const SlotHealth &health = reading.health;
    m_slot->setText(facts.slotExists ? facts.slot : tr("%1 (none)").arg(facts.slot));
    m_publication->setText(!facts.publicationExists ? tr("%1 (none)").arg(facts.publication)
            : facts.publicationHasTable             ? facts.publication
                                                    : tr("%1 (no longer publishes the table)").arg(facts.publication));
    m_active->setText(!facts.slotExists ? QStringLiteral("—") : facts.active ? tr("yes, a run reads from it") : tr("no"));
    m_lagBytes->setText(facts.slotExists ? tr("%1 (%L2 bytes)").arg(walSizeText(facts.lagBytes)).arg(facts.lagBytes) : QStringLiteral("—"));
    m_lagTime->setText(!facts.lagSeconds ? QStringLiteral("—")
            : *facts.lagSeconds < 120
            ? tr("%n second(s) since a run recorded its position", nullptr, int(*facts.lagSeconds))
            : tr("%n minute(s) since a run recorded its position", nullptr, int(qMin<qint64>(*facts.lagSeconds / 60, INT_MAX))));
    m_walStatus->setText(facts.slotExists ? facts.walStatus : QStringLiteral("—"));
    m_safeWalSize->setText(!facts.slotExists ? QStringLiteral("—")
            : facts.safeWalSize              ? walSizeText(qMax<qint64>(0, *facts.safeWalSize))
                                             : tr("not limited (max_slot_wal_keep_size = -1)"));
    if (health.severity == SlotSeverity::Ok) {
        m_banner->hide();
    } else {
        QStringList findings;
        for (const QString &finding : health.findings)
            findings << finding.toHtmlEscaped();
        m_banner->setText(QStringLiteral("<b>%1</b><br>%2")
                              .arg(slotSeverityText(health.severity).toHtmlEscaped(), findings.join(QStringLiteral("<br>"))));
        m_banner->setStyleSheet(slotSeverityStyle(health.severity, QStringLiteral("8px")));
        m_banner->show();
    }
    m_status->setText(!facts.slotExists && !facts.synced
            ? tr("No slot yet: the first run creates it and loads the table in its snapshot.")
            : tr("Read at %1.").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_severity = health.severity;
    m_resnapshot->setVisible(health.severity == SlotSeverity::Lost);
    m_drop->setEnabled(!m_busy && (facts.slotExists || facts.publicationExists));
    emit severityChanged(m_definitionId, health.severity);
}

void ReplicationPanel::showError(const QString &message)
{
    m_status->setText(message);
    m_status->setStyleSheet(QStringLiteral("color: #c62828"));
}

void ReplicationPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_status->setStyleSheet(QString());
    const bool saved = m_definitionId != 0;
    m_refresh->setEnabled(saved && !busy);
    m_drop->setEnabled(saved && !busy);
    m_resnapshot->setEnabled(saved && !busy);
    if (!m_severity || *m_severity != SlotSeverity::Lost)
        m_resnapshot->setVisible(false);
}

void ReplicationPanel::askToDrop()
{
    auto *question = new QMessageBox(QMessageBox::Warning, tr("Drop the slot and publication"),
        tr("Drop the replication slot and the publication of '%1' on PostgreSQL? PostgreSQL stops keeping WAL for it. If the "
           "definition runs again, its next run loads the table again in a new slot's snapshot and matches the items already synced.")
            .arg(m_name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("dropSlotQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->button(QMessageBox::Yes)->setText(tr("Drop"));
    question->setDefaultButton(QMessageBox::Cancel);
    connect(question, &QMessageBox::finished, this, [this, question, id = m_definitionId]() {
        if (question->clickedButton() != question->button(QMessageBox::Yes) || id != m_definitionId)
            return;
        setBusy(true);
        m_status->setText(tr("Dropping the slot and the publication…"));
        dropSlotInBackground(this, m_context, id, [this, id](Result<void> dropped) {
            if (id != m_definitionId)
                return;
            setBusy(false);
            if (!dropped) {
                showError(tr("Not dropped: %1").arg(dropped.error().message()));
                return;
            }
            refresh();
        });
    });
    question->open();
}

void ReplicationPanel::askToResnapshot()
{
    auto *question = new QMessageBox(QMessageBox::Question, tr("Re-snapshot"),
        tr("Load the table of '%1' again in a new replication slot's snapshot? Every row is read and compared with its item: changed "
           "rows are updated, new rows created, nothing is duplicated. Changes made while the slot was gone are found by the load.")
            .arg(m_name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("resnapshotQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->button(QMessageBox::Yes)->setText(tr("Re-snapshot"));
    connect(question, &QMessageBox::finished, this, [this, question, id = m_definitionId]() {
        if (question->clickedButton() != question->button(QMessageBox::Yes) || id != m_definitionId || !m_context.runs)
            return;
        RunOptions options;
        options.resnapshot = true;
        if (auto started = m_context.runs->start(id, options); !started) {
            showError(tr("Not started: %1").arg(started.error().message()));
            return;
        }
        m_status->setText(tr("The re-snapshot runs; its progress is on the Overview and Runs pages."));
        m_resnapshot->setEnabled(false);
    });
    question->open();
}

} // namespace SyncBridge
