#pragma once

#include "model/enums.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SyncBridge {

// Connections hold no secrets: secretRef is a keychain key ("postgres/<uuid>", "sharepoint/<uuid>").

struct Application {
    qint64 id = 0;
    QString name;
    QString description;
};

struct DatabaseInstance {
    qint64 id = 0;
    qint64 databaseId = 0;
    QString name;
    QString host;
    int port = 5432;
    QString userName;
    InstanceRole role = InstanceRole::Primary;
    int priority = 0;               // lower is tried first within a role
    QString sslMode = QStringLiteral("prefer");
    QString secretRef;
};

struct Database {
    qint64 id = 0;
    qint64 applicationId = 0;       // 0 = not part of an application
    QString name;                   // how SyncBridge calls it ("Demo projects")
    QString databaseName;           // the PostgreSQL database ("demo")
    QString description;
    QList<DatabaseInstance> instances;
};

struct SharePointConnection {
    qint64 id = 0;
    QString name;
    QString tenantId;
    QString clientId;
    QString authorityHost = QStringLiteral("https://login.microsoftonline.com");
    QString graphBaseUrl = QStringLiteral("https://graph.microsoft.com/v1.0");
    QString secretRef;
    int ruPerMinute = 1250;         // the tenant's licence band
    qint64 ruPerDay = 1200000;
    // PEM text of CA certificates trusted for this connection besides the system's (a proxy that
    // inspects TLS, a national cloud); empty = the system's only. Public, so stored with the connection.
    QString extraCaCertificates;
};

struct SharePointColumn {
    QString name;                   // internal name
    QString displayName;
    QString type;                   // the column facet: text, number, dateTime, choice, …
    bool readOnly = false;
    bool system = false;            // SharePoint-managed (contract §7.5): never written
    bool hidden = false;
    bool indexed = false;
    bool required = false;
    bool multiValue = false;
    QStringList choices;
    bool allowTextEntry = false; // choice: values outside `choices` are accepted (fill-in); read from Graph, not stored in the catalog
    int maxLength = -1;          // text: single line's limit; -1 = multiple lines
    bool richText = false;       // text: multiple lines of rich text (HTML)
    QString lookupListId;        // lookup: the list its ids are items of; read from Graph, not stored in the catalog
    // number: the values the column takes (inclusive); read from Graph, not stored in the catalog
    std::optional<double> minimum;
    std::optional<double> maximum;
};

struct SharePointList {
    qint64 id = 0;
    qint64 siteId = 0;
    QString graphId;
    QString displayName;
    QString webUrl;
    QList<SharePointColumn> columns;
};

struct SharePointSite {
    qint64 id = 0;
    qint64 connectionId = 0;
    QString graphId;                // composite "{hostname},{site-guid},{web-guid}"
    QString displayName;
    QString webUrl;
};

} // namespace SyncBridge
