#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace SyncBridge {

// A SharePoint connection's extra CA certificate: a PEM file chosen with a file dialog, checked to hold
// at least one certificate, each shown with its subject and expiry. The PEM text is what is kept (the
// store may be shared by machines without that file). For a proxy that inspects TLS or a national
// cloud; the system's CAs stay trusted too.
class CaCertificateField : public QWidget
{
    Q_OBJECT

public:
    explicit CaCertificateField(const QString &pem, QWidget *parent = nullptr);

    QString pem() const { return m_pem; }
    // Why the chosen file cannot be used; empty when it can (or none is chosen).
    QString problem() const { return m_problem; }

public slots:
    // What choosing a file does (the file dialog calls it; tests call it directly).
    void loadFile(const QString &path);
    void clear();

signals:
    void changed();

private:
    void choose();
    void display(const QString &summary);

    QString m_pem;
    QString m_problem;
    QLabel *m_summary;
    QPushButton *m_clear;
};

} // namespace SyncBridge
