#include "conflicts/conflictspage.h"

#include "common/backgroundtask.h"
#include "conflicts/conflictsview.h"

#include "store/conflictrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

struct DefinitionConflicts {
    qint64 id = 0;
    QString name;
    qint64 open = 0;
};

Result<QList<DefinitionConflicts>> loadDefinitions(const MetaStore &store)
{
    const auto definitions = DefinitionRepository(store).all();
    if (!definitions)
        return definitions.error();
    const auto counts = ConflictRepository(store).openCounts();
    if (!counts)
        return counts.error();
    QList<DefinitionConflicts> rows;
    for (const SyncDefinition &definition : *definitions)
        rows.append({definition.id, definition.name, counts->value(definition.id)});
    return rows;
}

} // namespace

ConflictsPage::ConflictsPage(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_definitions(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_view(new ConflictsView(m_context, this))
{
    setObjectName(QStringLiteral("conflictsPage"));
    auto *title = new QLabel(tr("Conflicts"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    title->setFont(titleFont);
    m_definitions->setObjectName(QStringLiteral("conflictsDefinition"));
    m_definitions->setAccessibleName(tr("Definition"));
    m_definitions->setMinimumContentsLength(28);
    m_definitions->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *definitionLabel = new QLabel(tr("De&finition:"), this);
    definitionLabel->setBuddy(m_definitions);
    m_message->setObjectName(QStringLiteral("conflictsPageMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *chooser = new QHBoxLayout;
    chooser->addWidget(definitionLabel);
    chooser->addWidget(m_definitions);
    chooser->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(chooser);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    setTabOrder(m_definitions, m_view);

    connect(m_definitions, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_view->showDefinition(m_definitions->itemData(index).toLongLong());
    });
    connect(m_view, &ConflictsView::decided, this, [this](qint64 definitionId) {
        reload(); // the chooser's counts
        emit decided(definitionId);
    });
    connect(m_view, &ConflictsView::runNowRequested, this, &ConflictsPage::runNowRequested);
}

QString ConflictsPage::title() const
{
    return tr("Conflicts");
}

QIcon ConflictsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/conflicts.svg"));
}

void ConflictsPage::activated()
{
    reload();
    m_view->reload(); // a run may have found or applied conflicts since
}

void ConflictsPage::showDefinition(qint64 definitionId)
{
    m_wanted = definitionId;
    const int index = m_definitions->findData(definitionId);
    if (index >= 0 && index == m_definitions->currentIndex())
        m_view->showDefinition(definitionId);
    else if (index >= 0)
        m_definitions->setCurrentIndex(index);
    reload();
}

void ConflictsPage::reload()
{
    runInBackground(
        this, m_context.storePool, [store = m_context.store]() { return loadDefinitions(*store); },
        [this](Result<QList<DefinitionConflicts>> definitions) {
            if (!definitions) {
                m_message->setText(tr("Cannot read the definitions: %1").arg(definitions.error().message()));
                m_message->show();
                emit definitionsLoaded();
                return;
            }
            m_message->hide();
            const qint64 wanted = m_wanted > 0 ? m_wanted : m_definitions->currentData().toLongLong();
            {
                // Refilling is not choosing: the view is asked once, below.
                const QSignalBlocker blocker(m_definitions);
                m_definitions->clear();
                for (const DefinitionConflicts &definition : std::as_const(*definitions)) {
                    const QString text
                        = definition.open > 0 ? tr("%1 (%n open)", nullptr, int(definition.open)).arg(definition.name) : definition.name;
                    m_definitions->addItem(text, definition.id);
                }
                const int index = m_definitions->findData(wanted);
                m_definitions->setCurrentIndex(index >= 0 ? index : (m_definitions->count() > 0 ? 0 : -1));
            }
            m_wanted = 0;
            const qint64 shown = m_definitions->currentData().toLongLong();
            if (shown > 0 && shown != m_view->definitionId())
                m_view->showDefinition(shown);
            if (m_definitions->count() == 0) {
                m_message->setText(tr("No sync definitions yet: conflicts belong to a two-way definition."));
                m_message->show();
            }
            emit definitionsLoaded();
        });
}

} // namespace SyncBridge
