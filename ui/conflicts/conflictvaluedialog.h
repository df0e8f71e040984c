#pragma once

#include "model/conflict.h"

#include <QDialog>
#include <QJsonValue>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace SyncBridge {

// What kind of value a conflicted field holds, read from its three values (the queue keeps no
// column types): the editor offered and the input accepted follow from it.
enum class ConflictValueKind { Text, Date, Number, YesNo, Choices };
ConflictValueKind conflictValueKind(const SyncConflict &conflict);

// "Edit…": a value of the field's kind, neither side's. Input that is not of that kind is refused
// with a message naming it, and the dialog stays open; valueChosen carries SharePoint's form.
class ConflictValueDialog : public QDialog
{
    Q_OBJECT

public:
    // `conflict` gives the field, its kind and the values to start from; `count` how many conflicts
    // of that field the value goes to.
    ConflictValueDialog(const SyncConflict &conflict, int count, QWidget *parent = nullptr);

    ConflictValueKind kind() const { return m_kind; }
    QString problem() const;

    void accept() override;

signals:
    void valueChosen(const QJsonValue &value);

private:
    bool read(QJsonValue *value, QString *problem) const;

    ConflictValueKind m_kind;
    QLineEdit *m_text = nullptr;
    QComboBox *m_yesNo = nullptr;
    QListWidget *m_choices = nullptr;
    QLineEdit *m_moreChoices = nullptr;
    QLabel *m_problem;
};

} // namespace SyncBridge
