#include "connections/databasedialog.h"

#include "connections/instancetable.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace SyncBridge {

DatabaseDialog::DatabaseDialog(const Database &initial, QWidget *parent)
    : QDialog(parent)
    , m_initial(initial)
    , m_name(new QLineEdit(initial.name, this))
    , m_databaseName(new QLineEdit(initial.databaseName, this))
    , m_description(new QLineEdit(initial.description, this))
    , m_instances(new InstanceTable(this))
    , m_problems(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(initial.id == 0 ? tr("Add database connection") : tr("Edit database connection"));
    setObjectName(QStringLiteral("databaseDialog"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("How SyncBridge calls it, e.g. “Projects (production)”"));
    m_databaseName->setObjectName(QStringLiteral("databaseNameEdit"));
    m_databaseName->setPlaceholderText(tr("The PostgreSQL database, e.g. “projects”"));
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_problems->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problems->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Database:"), m_databaseName);
    form->addRow(tr("D&escription:"), m_description);

    m_instances->setInstances(initial.instances);
    if (initial.instances.isEmpty())
        m_instances->addInstance();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Instances (tried in failover order):"), this));
    layout->addWidget(m_instances, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);
    resize(860, 420);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &DatabaseDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A field is judged once left (editingFinished: focus out or Return), the grid once a cell's
    // edit is committed; what is already shown follows the typing.
    connect(m_name, &QLineEdit::editingFinished, this, [this]() {
        m_touched.insert(int(Field::Name));
        validate();
    });
    connect(m_databaseName, &QLineEdit::editingFinished, this, [this]() {
        m_touched.insert(int(Field::DatabaseName));
        validate();
    });
    connect(m_name, &QLineEdit::textChanged, this, &DatabaseDialog::validate);
    connect(m_databaseName, &QLineEdit::textChanged, this, &DatabaseDialog::validate);
    connect(m_instances, &InstanceTable::changed, this, [this]() {
        m_touched.insert(int(Field::Instances));
        validate();
    });
    validate();
}

QList<DatabaseDialog::Problem> DatabaseDialog::collectProblems() const
{
    QList<Problem> problems;
    if (m_name->text().trimmed().isEmpty())
        problems.append({Field::Name, tr("Give the connection a name.")});
    if (m_databaseName->text().trimmed().isEmpty())
        problems.append({Field::DatabaseName, tr("Enter the PostgreSQL database name.")});
    const QList<DatabaseInstance> instances = m_instances->instances();
    if (instances.isEmpty())
        problems.append({Field::Instances, tr("Add at least one instance.")});
    QSet<QString> names;
    for (int i = 0; i < instances.size(); ++i) {
        const DatabaseInstance &instance = instances.at(i);
        if (instance.name.isEmpty())
            problems.append({Field::Instances, tr("Instance %1 needs a name.").arg(i + 1)});
        else if (names.contains(instance.name))
            problems.append({Field::Instances, tr("Two instances are called “%1”.").arg(instance.name)});
        names.insert(instance.name);
        if (instance.host.isEmpty())
            problems.append({Field::Instances, tr("Instance “%1” needs a host.").arg(instance.name)});
        if (instance.userName.isEmpty())
            problems.append({Field::Instances, tr("Instance “%1” needs a user.").arg(instance.name)});
    }
    return problems;
}

QStringList DatabaseDialog::problems() const
{
    QStringList texts;
    for (const Problem &problem : collectProblems())
        texts << problem.text;
    return texts;
}

void DatabaseDialog::validate()
{
    QStringList shown;
    for (const Problem &problem : collectProblems()) {
        if (m_saveTried || m_touched.contains(int(problem.field)))
            shown << problem.text;
    }
    m_problems->setText(shown.join(QLatin1Char('\n')));
    m_problems->setVisible(!shown.isEmpty());
}

void DatabaseDialog::save()
{
    m_saveTried = true;
    validate();
    if (problems().isEmpty())
        accept();
}

DatabaseEdit DatabaseDialog::edit() const
{
    DatabaseEdit edit;
    edit.database = m_initial;
    edit.database.name = m_name->text().trimmed();
    edit.database.databaseName = m_databaseName->text().trimmed();
    edit.database.description = m_description->text().trimmed();
    edit.database.instances = m_instances->instances();
    edit.passwords = m_instances->enteredPasswords();
    return edit;
}

} // namespace SyncBridge
