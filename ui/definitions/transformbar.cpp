#include "definitions/transformbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <iterator>

namespace SyncBridge {
namespace {

struct Function {
    const char *name;
    int arguments;
};

// In the order the combo offers them; the texts are the combo's, the placeholders the argument boxes'.
const Function functions[] = {{"UPPER", 0}, {"LOWER", 0}, {"TRIM", 0}, {"DEFAULT", 1}, {"REPLACE", 2}, {"REGEX", 2}, {"FORMAT", 1}};

QString quoted(const QString &text)
{
    QString doubled = text;
    doubled.replace(QLatin1Char('\''), QStringLiteral("''")); // '' stands for one quote
    return QLatin1Char('\'') + doubled + QLatin1Char('\'');
}

} // namespace

TransformBar::TransformBar(QWidget *parent)
    : QWidget(parent)
    , m_function(new QComboBox(this))
    , m_first(new QLineEdit(this))
    , m_second(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add to transform"), this))
{
    setObjectName(QStringLiteral("transformBar"));
    m_function->setObjectName(QStringLiteral("transformFunction"));
    m_first->setObjectName(QStringLiteral("transformArgument1"));
    m_second->setObjectName(QStringLiteral("transformArgument2"));
    m_add->setObjectName(QStringLiteral("addTransformStep"));
    const QStringList descriptions = {tr("UPPER — upper case"), tr("LOWER — lower case"), tr("TRIM — without spaces at both ends"),
        tr("DEFAULT('…') — this value when empty"), tr("REPLACE('…','…') — replace a text"),
        tr("REGEX('…','…') — replace what a pattern matches"), tr("FORMAT('…') — a date or number as text")};
    for (int i = 0; i < int(std::size(functions)); ++i)
        m_function->addItem(descriptions.at(i), QString::fromLatin1(functions[i].name));
    m_add->setToolTip(tr("Append the function to the selected mapping's transform (steps run left to right)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Transform function:"), this));
    layout->addWidget(m_function);
    layout->addWidget(m_first, 1);
    layout->addWidget(m_second, 1);
    layout->addWidget(m_add);
    layout->addStretch(); // the function list keeps its size while no argument boxes are shown

    connect(m_function, &QComboBox::currentIndexChanged, this, &TransformBar::showArguments);
    connect(m_add, &QPushButton::clicked, this, [this]() { emit stepChosen(step()); });
    showArguments();
}

void TransformBar::showArguments()
{
    const QString name = m_function->currentData().toString();
    const int arguments = m_function->currentIndex() >= 0 ? functions[m_function->currentIndex()].arguments : 0;
    m_first->setVisible(arguments >= 1);
    m_second->setVisible(arguments >= 2);
    if (name == QLatin1String("DEFAULT"))
        m_first->setPlaceholderText(tr("value when empty, e.g. n/a"));
    else if (name == QLatin1String("REPLACE"))
        m_first->setPlaceholderText(tr("text to find"));
    else if (name == QLatin1String("REGEX"))
        m_first->setPlaceholderText(tr("pattern, e.g. ^PRJ-"));
    else if (name == QLatin1String("FORMAT"))
        m_first->setPlaceholderText(tr("yyyy-MM-dd for dates, 0.00 for numbers"));
    m_second->setPlaceholderText(tr("replace with"));
}

QString TransformBar::step() const
{
    const int index = m_function->currentIndex();
    if (index < 0)
        return {};
    const QString name = QString::fromLatin1(functions[index].name);
    switch (functions[index].arguments) {
    case 0:
        return name;
    case 1:
        return QStringLiteral("%1(%2)").arg(name, quoted(m_first->text()));
    default:
        return QStringLiteral("%1(%2,%3)").arg(name, quoted(m_first->text()), quoted(m_second->text()));
    }
}

QString TransformBar::appended(const QString &transform, const QString &step)
{
    return transform.trimmed().isEmpty() ? step : transform.trimmed() + QLatin1Char('|') + step;
}

} // namespace SyncBridge
