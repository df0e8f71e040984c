#include "replication/slotquestions.h"

#include "replication/slottasks.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace SyncBridge {

namespace {
QString text(const char *source)
{
    return QCoreApplication::translate("SyncBridge::SlotQuestions", source);
}
} // namespace

QCheckBox *addDropSlotOption(QMessageBox *question)
{
    auto *option = new QCheckBox(text("Also drop its replication slot and publication on PostgreSQL (otherwise PostgreSQL keeps WAL "
                                      "for the slot until someone drops it)"),
        question);
    option->setObjectName(QStringLiteral("dropSlotOption"));
    option->setChecked(true);
    question->setCheckBox(option);
    return option;
}

void offerToDropSlot(QWidget *parent, const AppContext &context, qint64 definitionId, const QString &name,
    std::function<void(const QString &message, bool error)> report)
{
    auto *question = new QMessageBox(QMessageBox::Question, text("Drop the replication slot?"),
        text("'%1' is disabled. Its replication slot and publication stay on PostgreSQL, which keeps WAL for the slot while no run "
             "reads it. Drop them now? When the definition is enabled again, its next run loads the table again in a new slot and "
             "matches the items already synced.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::No, parent);
    question->setObjectName(QStringLiteral("dropSlotOnDisableQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->button(QMessageBox::Yes)->setText(text("Drop slot and publication"));
    question->button(QMessageBox::No)->setText(text("Keep them"));
    question->setDefaultButton(QMessageBox::No);
    QObject::connect(question, &QMessageBox::finished, parent, [parent, question, context, definitionId, name, report]() {
        if (question->clickedButton() != question->button(QMessageBox::Yes))
            return;
        dropSlotInBackground(parent, context, definitionId, [name, report](Result<void> dropped) {
            if (dropped)
                report(text("Dropped the replication slot and publication of '%1'.").arg(name), false);
            else
                report(text("The replication slot of '%1' was not dropped: %2").arg(name, dropped.error().message()), true);
        });
    });
    question->open();
}

} // namespace SyncBridge
