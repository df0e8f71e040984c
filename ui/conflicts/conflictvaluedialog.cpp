#include "conflicts/conflictvaluedialog.h"

#include "conflicts/conflictvaluetext.h"

#include <QComboBox>
#include <QDate>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

QList<QJsonValue> valuesOf(const SyncConflict &conflict)
{
    return {conflict.sharePointValue, conflict.databaseValue, conflict.baseValue};
}

// The starting text: what SharePoint holds, else the database's, so a small correction is a small edit.
QJsonValue startingValue(const SyncConflict &conflict)
{
    if (conflict.resolution == ConflictResolution::Edited)
        return conflict.resolvedValue;
    for (const QJsonValue &value : valuesOf(conflict)) {
        if (!value.isNull() && !value.isUndefined())
            return value;
    }
    return {};
}

QString editableText(const QJsonValue &value, ConflictValueKind kind)
{
    if (kind == ConflictValueKind::Number && value.isDouble())
        return QLocale().toString(value.toDouble(), 'f', QLocale::FloatingPointShortest).remove(QLocale().groupSeparator());
    return value.isString() ? value.toString() : QString();
}

} // namespace

ConflictValueKind conflictValueKind(const SyncConflict &conflict)
{
    bool anyText = false, allDates = true;
    for (const QJsonValue &value : valuesOf(conflict)) {
        if (value.isArray())
            return ConflictValueKind::Choices;
        if (value.isBool())
            return ConflictValueKind::YesNo;
        if (value.isDouble())
            return ConflictValueKind::Number;
        if (value.isString()) {
            anyText = true;
            allDates = allDates && isIsoDateText(value.toString());
        }
    }
    return anyText && allDates ? ConflictValueKind::Date : ConflictValueKind::Text;
}

ConflictValueDialog::ConflictValueDialog(const SyncConflict &conflict, int count, QWidget *parent)
    : QDialog(parent)
    , m_kind(conflictValueKind(conflict))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("conflictValueDialog"));
    setWindowTitle(tr("Edit the value of %1").arg(conflict.field));
    auto *intro = new QLabel(count > 1
            ? tr("The value you enter is given to both sides for %n conflict(s) of '%1'.", nullptr, count).arg(conflict.field)
            : tr("The value you enter is given to both sides for '%1' of %2.").arg(conflict.field, conflict.identityText),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    const QJsonValue start = startingValue(conflict);

    switch (m_kind) {
    case ConflictValueKind::YesNo:
        m_yesNo = new QComboBox(this);
        m_yesNo->setObjectName(QStringLiteral("editValue"));
        m_yesNo->addItem(tr("Yes"), true);
        m_yesNo->addItem(tr("No"), false);
        m_yesNo->addItem(tr("— no value"), QVariant());
        m_yesNo->setCurrentIndex(start.isBool() ? (start.toBool() ? 0 : 1) : 2);
        m_yesNo->setAccessibleName(tr("Value"));
        form->addRow(tr("&Value:"), m_yesNo);
        break;
    case ConflictValueKind::Choices: {
        m_choices = new QListWidget(this);
        m_choices->setObjectName(QStringLiteral("editChoices"));
        m_choices->setAccessibleName(tr("Choices"));
        QStringList offered;
        for (const QJsonValue &value : valuesOf(conflict)) {
            for (const QJsonValue &choice : value.toArray()) {
                if (!offered.contains(choice.toString()))
                    offered << choice.toString();
            }
        }
        const QJsonArray chosen = start.toArray();
        for (const QString &choice : std::as_const(offered)) {
            auto *item = new QListWidgetItem(choice, m_choices);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(chosen.contains(choice) ? Qt::Checked : Qt::Unchecked);
        }
        m_choices->setMaximumHeight(m_choices->sizeHintForRow(0) * qMin(8, int(offered.size()) + 1) + 8);
        m_moreChoices = new QLineEdit(this);
        m_moreChoices->setObjectName(QStringLiteral("editMoreChoices"));
        m_moreChoices->setPlaceholderText(tr("Other choices, separated by ;"));
        m_moreChoices->setAccessibleName(tr("Other choices"));
        form->addRow(tr("&Choices:"), m_choices);
        form->addRow(tr("&Others:"), m_moreChoices);
        break;
    }
    default:
        m_text = new QLineEdit(editableText(start, m_kind), this);
        m_text->setObjectName(QStringLiteral("editValue"));
        m_text->setAccessibleName(tr("Value"));
        m_text->setClearButtonEnabled(true);
        if (m_kind == ConflictValueKind::Number)
            m_text->setPlaceholderText(tr("A number, such as %1; empty for no value").arg(QLocale().toString(1234.5, 'f', 1)));
        else if (m_kind == ConflictValueKind::Date)
            m_text->setPlaceholderText(tr("A date as yyyy-mm-dd; empty for no value"));
        else
            m_text->setPlaceholderText(tr("Empty for no value"));
        form->addRow(tr("&Value:"), m_text);
        break;
    }

    m_problem->setObjectName(QStringLiteral("editProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use this value"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConflictValueDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConflictValueDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString ConflictValueDialog::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void ConflictValueDialog::accept()
{
    QJsonValue value;
    QString problem;
    if (!read(&value, &problem)) {
        m_problem->setText(problem);
        m_problem->show();
        if (m_text) {
            m_text->setFocus();
            m_text->selectAll();
        }
        return;
    }
    emit valueChosen(value);
    QDialog::accept();
}

bool ConflictValueDialog::read(QJsonValue *value, QString *problem) const
{
    if (m_yesNo) {
        const QVariant chosen = m_yesNo->currentData();
        *value = chosen.isValid() ? QJsonValue(chosen.toBool()) : QJsonValue();
        return true;
    }
    if (m_choices) {
        QJsonArray chosen;
        for (int row = 0; row < m_choices->count(); ++row) {
            if (m_choices->item(row)->checkState() == Qt::Checked)
                chosen.append(m_choices->item(row)->text());
        }
        for (const QString &more : m_moreChoices->text().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (!more.trimmed().isEmpty() && !chosen.contains(more.trimmed()))
                chosen.append(more.trimmed());
        }
        *value = chosen;
        return true;
    }
    const QString text = m_text->text().trimmed();
    if (text.isEmpty()) {
        *value = QJsonValue();
        return true;
    }
    if (m_kind == ConflictValueKind::Number) {
        bool ok = false;
        double number = QLocale().toDouble(text, &ok);
        if (!ok)
            number = QLocale::c().toDouble(text, &ok);
        if (!ok) {
            *problem = tr("“%1” is not a number. Enter a number such as %2, or nothing for no value.")
                           .arg(text, QLocale().toString(1234.5, 'f', 1));
            return false;
        }
        *value = number;
        return true;
    }
    if (m_kind == ConflictValueKind::Date && !isIsoDateText(text)) {
        *problem = tr("“%1” is not a date. Enter it as yyyy-mm-dd (for example %2), or nothing for no value.")
                       .arg(text, QDate::currentDate().toString(Qt::ISODate));
        return false;
    }
    *value = text;
    return true;
}

} // namespace SyncBridge
