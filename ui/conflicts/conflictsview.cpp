#include "conflicts/conflictsview.h"

#include "common/backgroundtask.h"
#include "conflicts/conflictcomparison.h"
#include "conflicts/conflictlist.h"
#include "conflicts/conflictvaluedialog.h"

#include "store/conflictrepository.h"
#include "store/metastore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

constexpr int HistoryLimit = 500;

QString decidedBy()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("syncbridge") : user;
}

} // namespace

ConflictsView::ConflictsView(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_filter(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyText(new QLabel(this))
    , m_list(new ConflictList(this))
    , m_comparison(new ConflictComparison(this))
    , m_scope(new QLabel(this))
    , m_useDatabase(new QPushButton(QIcon(QStringLiteral(":/icons/database.svg")), tr("Use &database value"), this))
    , m_useSharePoint(new QPushButton(QIcon(QStringLiteral(":/icons/sharepoint.svg")), tr("Use &SharePoint value"), this))
    , m_edit(new QPushButton(QIcon(QStringLiteral(":/icons/edit.svg")), tr("&Edit…"), this))
    , m_chooseAll(new QPushButton(tr("Choose &all"), this))
    , m_applyNote(new QLabel(this))
    , m_runNow(new QPushButton(QIcon(QStringLiteral(":/icons/run.svg")), tr("&Run now"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("conflictsView"));
    m_filter->setObjectName(QStringLiteral("conflictFilter"));
    m_filter->addItem(tr("Waiting for a decision or a run"));
    m_filter->addItem(tr("Applied (history)"));
    m_filter->setAccessibleName(tr("Show conflicts"));
    auto *filterLabel = new QLabel(tr("Sho&w:"), this);
    filterLabel->setBuddy(m_filter);

    m_emptyText->setObjectName(QStringLiteral("conflictsEmptyState"));
    m_emptyText->setWordWrap(true);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setTextFormat(Qt::RichText);

    m_scope->setObjectName(QStringLiteral("decisionScope"));
    m_useDatabase->setObjectName(QStringLiteral("useDatabaseValue"));
    m_useDatabase->setToolTip(tr("Both sides get the database's value"));
    m_useSharePoint->setObjectName(QStringLiteral("useSharePointValue"));
    m_useSharePoint->setToolTip(tr("Both sides get SharePoint's value"));
    m_edit->setObjectName(QStringLiteral("editConflictValue"));
    m_edit->setToolTip(tr("Both sides get a value you enter"));
    m_chooseAll->setObjectName(QStringLiteral("chooseAllConflicts"));
    m_chooseAll->setToolTip(tr("Choose every conflict of the definition (Ctrl+A in the list)"));
    m_applyNote->setObjectName(QStringLiteral("applyNote"));
    m_applyNote->setWordWrap(true);
    m_applyNote->setForegroundRole(QPalette::PlaceholderText);
    m_applyNote->setText(tr("Decisions are applied to both sides at the definition's next run; until then you can change them."));
    m_runNow->setObjectName(QStringLiteral("runNowForConflicts"));
    m_runNow->setToolTip(tr("Start the definition's run now, which applies the decisions"));
    m_message->setObjectName(QStringLiteral("conflictsMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->hide();

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_useDatabase);
    actions->addWidget(m_useSharePoint);
    actions->addWidget(m_edit);
    actions->addSpacing(12);
    actions->addWidget(m_scope, 1);
    actions->addWidget(m_chooseAll);

    auto *decisionArea = new QWidget(this);
    auto *decisionLayout = new QVBoxLayout(decisionArea);
    decisionLayout->setContentsMargins(0, 6, 0, 0);
    decisionLayout->addWidget(m_comparison);
    decisionLayout->addLayout(actions);
    auto *applyRow = new QHBoxLayout;
    applyRow->addWidget(m_applyNote, 1);
    applyRow->addWidget(m_runNow);
    decisionLayout->addLayout(applyRow);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_list);
    splitter->addWidget(decisionArea);
    // The list takes what room there is; the values and decisions keep their natural height.
    decisionArea->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);

    m_stack->addWidget(splitter);
    m_stack->addWidget(m_emptyText);

    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter);
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    // Keyboard order follows reading order: filter, list, decisions, then the run.
    setTabOrder(m_filter, m_list);
    setTabOrder(m_list, m_useDatabase);
    setTabOrder(m_useDatabase, m_useSharePoint);
    setTabOrder(m_useSharePoint, m_edit);
    setTabOrder(m_edit, m_chooseAll);
    setTabOrder(m_chooseAll, m_runNow);

    connect(m_filter, &QComboBox::currentIndexChanged, this, &ConflictsView::reload);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ConflictsView::updateActions);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ConflictsView::showCurrent);
    connect(m_useDatabase, &QPushButton::clicked, this, &ConflictsView::useDatabase);
    connect(m_useSharePoint, &QPushButton::clicked, this, &ConflictsView::useSharePoint);
    connect(m_edit, &QPushButton::clicked, this, &ConflictsView::editValue);
    connect(m_chooseAll, &QPushButton::clicked, this, [this]() {
        m_list->selectAll();
        m_list->setFocus();
    });
    connect(m_runNow, &QPushButton::clicked, this, [this]() { emit runNowRequested(m_definitionId); });
    updateActions();
}

void ConflictsView::showDefinition(qint64 definitionId)
{
    if (definitionId != m_definitionId)
        m_list->setConflicts({});
    m_definitionId = definitionId;
    reload();
}

void ConflictsView::setShown(Shown shown)
{
    m_filter->setCurrentIndex(shown == Shown::History ? 1 : 0);
}

ConflictsView::Shown ConflictsView::shown() const
{
    return m_filter->currentIndex() == 1 ? Shown::History : Shown::Pending;
}

bool ConflictsView::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyText;
}

QString ConflictsView::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void ConflictsView::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ConflictsView::reload()
{
    if (m_definitionId <= 0)
        return;
    showMessage({});
    const int generation = ++m_loadGeneration;
    const bool history = shown() == Shown::History;
    runInBackground(
        this, m_context.storePool,
        [store = m_context.store, definitionId = m_definitionId, history]() {
            const ConflictRepository conflicts(*store);
            return history ? conflicts.history(definitionId, HistoryLimit) : conflicts.pending(definitionId);
        },
        [this, generation, history](Result<QList<SyncConflict>> conflicts) {
            if (generation != m_loadGeneration)
                return;
            if (!conflicts) {
                showMessage(tr("Cannot read the conflicts: %1").arg(conflicts.error().message()));
                emit loaded();
                return;
            }
            m_list->setConflicts(*conflicts);
            if (conflicts->isEmpty()) {
                m_emptyText->setText(
                    history ? tr(
                        "<h3>No decision applied yet</h3><p>Conflicts whose decision a run has written to both sides are listed here.</p>")
                            : tr("<h3>No conflicts</h3><p>A conflict is one field of one row changed in the database <i>and</i> in "
                                 "SharePoint, to different values, since they last agreed. Only two-way definitions whose conflict "
                                 "policy is <b>Ask (manual)</b> keep them here for you to decide; other policies decide by themselves, and "
                                 "fields changed on one side only simply sync.</p><p>A run that finds conflicts lists them here.</p>"));
            }
            m_stack->setCurrentIndex(conflicts->isEmpty() ? 1 : 0);
            if (!conflicts->isEmpty() && !m_list->currentItem() && m_list->topLevelItemCount() > 0)
                m_list->setCurrentItem(m_list->topLevelItem(0)->child(0));
            showCurrent();
            updateActions();
            emit loaded();
        });
}

void ConflictsView::showCurrent()
{
    if (const std::optional<SyncConflict> current = m_list->currentConflict())
        m_comparison->showConflict(*current);
    else
        m_comparison->clear();
}

void ConflictsView::updateActions()
{
    const QList<SyncConflict> chosen = m_list->selectedConflicts();
    const bool pending = shown() == Shown::Pending;
    bool oneField = !chosen.isEmpty();
    for (const SyncConflict &conflict : chosen)
        oneField = oneField && conflict.field == chosen.constFirst().field;
    m_useDatabase->setEnabled(pending && !chosen.isEmpty());
    m_useSharePoint->setEnabled(pending && !chosen.isEmpty());
    // An edited value fits one field's kind: offered when the chosen conflicts share their field.
    m_edit->setEnabled(pending && oneField);
    m_edit->setToolTip(pending && !chosen.isEmpty() && !oneField ? tr("Choose conflicts of one field to give them a value you enter")
                                                                 : tr("Both sides get a value you enter"));
    m_chooseAll->setVisible(pending);
    m_applyNote->setVisible(pending);
    m_runNow->setVisible(pending);
    m_scope->setText(pending ? (chosen.isEmpty() ? tr("Choose conflicts to decide (a row chooses all its fields)")
                                                 : tr("Applies to %n chosen conflict(s)", nullptr, int(chosen.size())))
                             : QString());
}

void ConflictsView::useDatabase()
{
    decide(m_list->selectedConflicts(), ConflictResolution::Database, [](const SyncConflict &conflict) { return conflict.databaseValue; });
}

void ConflictsView::useSharePoint()
{
    decide(
        m_list->selectedConflicts(), ConflictResolution::SharePoint, [](const SyncConflict &conflict) { return conflict.sharePointValue; });
}

void ConflictsView::editValue()
{
    const QList<SyncConflict> chosen = m_list->selectedConflicts();
    if (chosen.isEmpty())
        return;
    const std::optional<SyncConflict> current = m_list->currentConflict();
    // The dialog starts from the conflict the comparison shows, when it is one of the chosen field.
    const SyncConflict &example = current && current->field == chosen.constFirst().field ? *current : chosen.constFirst();
    auto *dialog = new ConflictValueDialog(example, int(chosen.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConflictValueDialog::valueChosen, this, [this, chosen](const QJsonValue &value) {
        decide(chosen, ConflictResolution::Edited, [value](const SyncConflict &) { return value; });
    });
    dialog->open();
}

void ConflictsView::decide(
    const QList<SyncConflict> &conflicts, ConflictResolution resolution, std::function<QJsonValue(const SyncConflict &)> value)
{
    if (conflicts.isEmpty())
        return;
    QList<QPair<qint64, QJsonValue>> decisions;
    for (const SyncConflict &conflict : conflicts)
        decisions.append({conflict.id, value(conflict)});
    const qint64 definitionId = m_definitionId;
    runInBackground(
        this, m_context.storePool,
        [store = m_context.store, decisions, resolution, by = decidedBy()]() -> Result<void> {
            ConflictRepository repository(*store);
            const QDateTime at = QDateTime::currentDateTimeUtc();
            for (const auto &[id, chosen] : decisions) {
                if (Result<void> resolved = repository.resolve(id, resolution, chosen, by, at); !resolved)
                    return resolved;
            }
            return {};
        },
        [this, definitionId](Result<void> resolved) {
            // A conflict a run applied meanwhile is refused; the reload shows where things stand.
            reload();
            if (!resolved)
                showMessage(tr("Not every decision was recorded: %1").arg(resolved.error().message()));
            emit decided(definitionId);
        });
}

} // namespace SyncBridge
