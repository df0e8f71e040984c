#include "connections/cacertificatefield.h"

#include "graph/tlstrust.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace SyncBridge {
namespace {

QString describeAll(const QList<QSslCertificate> &certificates)
{
    QStringList lines;
    for (const QSslCertificate &certificate : certificates)
        lines << describeCertificate(certificate);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

CaCertificateField::CaCertificateField(const QString &pem, QWidget *parent)
    : QWidget(parent)
    , m_pem(pem)
    , m_summary(new QLabel(this))
    , m_clear(new QPushButton(tr("C&lear"), this))
{
    m_summary->setObjectName(QStringLiteral("caSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *choose = new QPushButton(tr("C&hoose…"), this);
    choose->setObjectName(QStringLiteral("caChooseButton"));
    choose->setToolTip(tr("A PEM file with the CA certificate of a proxy that inspects TLS, or of a national cloud. The "
                          "system's certificate authorities stay trusted too; certificate checks are never switched off."));
    m_clear->setObjectName(QStringLiteral("caClearButton"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary, 1);
    layout->addWidget(choose);
    layout->addWidget(m_clear);
    connect(choose, &QPushButton::clicked, this, &CaCertificateField::choose);
    connect(m_clear, &QPushButton::clicked, this, &CaCertificateField::clear);
    const auto parsed = parseCaCertificates(m_pem.toUtf8());
    display(m_pem.isEmpty() ? QString() : parsed ? describeAll(*parsed) : parsed.error().message());
}

void CaCertificateField::choose()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Extra CA certificate"), QString(), tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void CaCertificateField::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_problem = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        display(m_problem);
        emit changed();
        return;
    }
    const QByteArray pem = file.readAll();
    const auto parsed = parseCaCertificates(pem);
    if (!parsed) {
        // The previous certificate stays until this is fixed or cleared: nothing half-chosen is saved.
        m_problem = tr("%1: %2").arg(QDir::toNativeSeparators(path), parsed.error().message());
        display(m_problem);
        emit changed();
        return;
    }
    m_problem.clear();
    m_pem = QString::fromLatin1(pem);
    display(describeAll(*parsed));
    emit changed();
}

void CaCertificateField::clear()
{
    m_pem.clear();
    m_problem.clear();
    display({});
    emit changed();
}

void CaCertificateField::display(const QString &summary)
{
    m_summary->setText(summary.isEmpty() ? tr("None: the system's certificate authorities only") : summary);
    m_clear->setEnabled(!m_pem.isEmpty() || !m_problem.isEmpty());
}

} // namespace SyncBridge
