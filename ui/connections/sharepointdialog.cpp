#include "connections/sharepointdialog.h"

#include "connections/cacertificatefield.h"
#include "connections/sharepointcheckrunner.h"

#include "graph/sharepointcheck.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace SyncBridge {

bool isAcceptableServiceUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() != QLatin1String("http"))
        return false;
    const QHostAddress address(url.host());
    return url.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
}

SharePointDialog::SharePointDialog(const SharePointConnection &initial, AppContext context, QWidget *parent)
    : QDialog(parent)
    , m_initial(initial)
    , m_name(new QLineEdit(initial.name, this))
    , m_tenant(new QLineEdit(initial.tenantId, this))
    , m_clientId(new QLineEdit(initial.clientId, this))
    , m_secret(new QLineEdit(this))
    , m_authority(new QLineEdit(initial.authorityHost, this))
    , m_graph(new QLineEdit(initial.graphBaseUrl, this))
    , m_ruPerMinute(new QSpinBox(this))
    , m_extraCa(new CaCertificateField(initial.extraCaCertificates, this))
    , m_problems(new QLabel(this))
    , m_test(new QPushButton(QIcon(QStringLiteral(":/icons/test.svg")), tr("&Test"), this))
    , m_testResults(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_context(std::move(context))
{
    setWindowTitle(initial.id == 0 ? tr("Add SharePoint connection") : tr("Edit SharePoint connection"));
    setObjectName(QStringLiteral("sharePointDialog"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_tenant->setObjectName(QStringLiteral("tenantEdit"));
    m_tenant->setPlaceholderText(tr("contoso.onmicrosoft.com or the tenant GUID"));
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientId->setPlaceholderText(tr("Application (client) ID of the app registration"));
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(initial.secretRef.isEmpty() ? tr("Client secret value") : tr("unchanged"));
    m_secret->setToolTip(initial.secretRef.isEmpty() || !m_context.secrets
            ? tr("Stored in the system keychain, never in SyncBridge's files.")
            : tr("Now in: %1. Left empty, it stays as it is.").arg(sharePointSecretLocation(m_context, initial)));
    m_authority->setObjectName(QStringLiteral("authorityEdit"));
    m_graph->setObjectName(QStringLiteral("graphEdit"));
    m_graph->setToolTip(tr("For national clouds or the local Graph emulator; plain http is allowed only for this computer."));
    m_ruPerMinute->setObjectName(QStringLiteral("ruPerMinuteSpin"));
    m_ruPerMinute->setRange(100, 100000);
    m_ruPerMinute->setSingleStep(250);
    m_ruPerMinute->setValue(initial.ruPerMinute);
    m_ruPerMinute->setSuffix(tr(" RU/min"));
    m_ruPerMinute->setToolTip(tr("The tenant's SharePoint resource-unit budget per app and minute (1,250 for most licences)."));
    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_problems->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problems->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Tenant:"), m_tenant);
    form->addRow(tr("&Client ID:"), m_clientId);
    form->addRow(tr("Client &secret:"), m_secret);
    form->addRow(tr("&Authority host:"), m_authority);
    form->addRow(tr("&Graph base URL:"), m_graph);
    form->addRow(tr("&Budget:"), m_ruPerMinute);
    m_extraCa->setObjectName(QStringLiteral("extraCaField"));
    form->addRow(tr("E&xtra CA certificate:"), m_extraCa);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addWidget(m_testResults, 1);
    layout->addWidget(m_buttons);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setToolTip(tr("Ask for a token with these values and read the sites and lists of the definitions that use the connection"));
    m_test->setEnabled(m_context.store != nullptr);
    m_buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    m_testResults->setObjectName(QStringLiteral("testResults"));
    m_testResults->setWordWrap(true);
    m_testResults->setSpacing(2);
    m_testResults->hide();
    resize(640, 400);
    connect(m_test, &QPushButton::clicked, this, &SharePointDialog::test);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_tenant, m_clientId, m_authority, m_graph})
        connect(edit, &QLineEdit::textChanged, this, &SharePointDialog::validate);
    connect(m_extraCa, &CaCertificateField::changed, this, &SharePointDialog::validate);
    validate();
}

QStringList SharePointDialog::problems() const
{
    QStringList problems;
    if (m_name->text().trimmed().isEmpty())
        problems << tr("Give the connection a name.");
    if (m_tenant->text().trimmed().isEmpty())
        problems << tr("Enter the tenant.");
    if (m_clientId->text().trimmed().isEmpty())
        problems << tr("Enter the client ID.");
    if (!isAcceptableServiceUrl(m_authority->text().trimmed()))
        problems << tr("The authority host must be an https URL (http only for this computer).");
    if (!isAcceptableServiceUrl(m_graph->text().trimmed()))
        problems << tr("The Graph base URL must be an https URL (http only for this computer).");
    if (!m_extraCa->problem().isEmpty())
        problems << m_extraCa->problem();
    return problems;
}

void SharePointDialog::validate()
{
    const QStringList found = problems();
    m_problems->setText(found.join(QLatin1Char('\n')));
    m_problems->setVisible(!found.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(found.isEmpty());
    m_test->setEnabled(found.isEmpty() && m_context.store);
}

void SharePointDialog::test()
{
    if (m_check) { // Stop
        m_check->cancel();
        return;
    }
    if (!problems().isEmpty())
        return;
    const SharePointEdit typed = edit();
    m_testResults->show();
    m_test->setText(tr("&Stop test"));
    startSharePointCheck(m_context, typed.connection, typed.clientSecret, this, m_testResults, [this](SharePointCheck *check) {
        m_check = check;
        if (!check) {
            m_test->setText(tr("&Test"));
            emit testFinished(false);
            return;
        }
        connect(check, &SharePointCheck::finished, this, [this, check](bool succeeded) {
            if (check->isCancelled())
                new QListWidgetItem(tr("Test stopped."), m_testResults);
            m_check = nullptr;
            check->deleteLater();
            m_test->setText(tr("&Test"));
            emit testFinished(succeeded);
        });
    });
}

SharePointEdit SharePointDialog::edit() const
{
    SharePointEdit edit;
    edit.connection = m_initial;
    edit.connection.name = m_name->text().trimmed();
    edit.connection.tenantId = m_tenant->text().trimmed();
    edit.connection.clientId = m_clientId->text().trimmed();
    edit.connection.authorityHost = m_authority->text().trimmed();
    edit.connection.graphBaseUrl = m_graph->text().trimmed();
    edit.connection.ruPerMinute = m_ruPerMinute->value();
    edit.connection.extraCaCertificates = m_extraCa->pem();
    if (!m_secret->text().isEmpty())
        edit.clientSecret = m_secret->text();
    return edit;
}

} // namespace SyncBridge
