#pragma once

#include "model/definition.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace SyncBridge {

// One problem found in an import file, located by a JSON path such as "$.definitions[2].mode".
struct ValidationIssue {
    QString path;
    QString message;
};

struct DefinitionsDocument {
    QList<SyncDefinition> definitions;
    QList<ValidationIssue> issues;  // every problem found, not just the first

    bool valid() const { return issues.isEmpty(); }
};

// The export format: {"format": "syncbridge.definitions/1", "definitions": [...]}.
// Connections are referred to by their SyncBridge names, never by ids or with secrets.
QJsonObject definitionToJson(const SyncDefinition &definition);
QByteArray definitionsToDocument(const QList<SyncDefinition> &definitions);

// Parses and validates a document on its own (references to connections are checked by the importer).
DefinitionsDocument parseDefinitionsDocument(const QByteArray &bytes);

extern const QString definitionsFormat;

} // namespace SyncBridge
