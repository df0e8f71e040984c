#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"
#include "source/sourcerow.h"
#include "sync/references/lookups.h"

#include <QHash>
#include <QJsonObject>

#include <functional>
#include <memory>

namespace SyncBridge {

class GraphClient;
class MetaStore;
class PersonDirectory;

// The reference values of one source cell: the elements of an array column or the one value, each
// through the mapping's transform ("TRIM|LOWER" on emails); none for NULL.
QStringList referenceKeys(const FieldMapping &mapping, const std::optional<QString> &cell, const ColumnInfo &column);

// Puts the resolved ids of the row's LOOKUP and PERSON mappings into its mapped fields (a NULL
// clears the column); the first reference that did not resolve is returned as the row's error.
QString putReferences(QJsonObject &mapped, const SourceRow &row, const QList<FieldMapping> &mappings,
    const QHash<QString, ColumnInfo> &sourceColumns, const QHash<QString, SharePointColumn> &targetColumns,
    const ResolvedReferences &resolved);
// The reverse for a pulled value: a lookup id (or an array of them) → key(s), a person id → email;
// `problem` is set when one did not resolve.
QJsonValue takeReferences(const QJsonValue &pulled, const ReferenceAnswers &answers, QString *problem);
// A PERSON mapping's answer for an email the directory has looked up: the person's lookup id, or why there is none.
ReferenceAnswer personIdAnswer(const PersonDirectory &people, const FieldMapping &mapping, const QString &email);

// A run's resolution of LOOKUP and PERSON mappings, a batch of rows (push) or items (pull) at a time:
// lookups through the referenced definitions' ledgers, people through the site's User Information
// List (asked once per person per run).
class ReferenceResolver
{
public:
    // Finds the definitions lookups reference; an error names the mapping. Without such mappings the
    // resolver does nothing (and asks nothing).
    static Result<std::shared_ptr<ReferenceResolver>> make(
        const MetaStore &store, const SyncDefinition &definition, GraphClient &client, const QString &siteId);
    ~ReferenceResolver();

    bool isEmpty() const { return m_mappings.isEmpty(); }
    // The list each LOOKUP mapping's referenced definition fills, by the mapping's SharePoint column
    // (for the lookup columns provisioning creates).
    QHash<QString, QString> lookupLists() const;
    void resolveRows(const QList<SourceRow> &rows, const QHash<QString, ColumnInfo> &sourceColumns,
        std::function<void(Result<ResolvedReferences>)> done);
    // Items of one list as Graph returns them (their "…LookupId" fields), with the list's columns
    // (a lookup column names the list its ids are items of). The mappings a pull reads, or every one
    // (two-way compares a PUSH_ONLY field's item value too).
    enum class Mappings { Pulled, All };
    void resolveItems(const QList<QJsonObject> &items, const QHash<QString, SharePointColumn> &columns,
        std::function<void(Result<ResolvedReferences>)> done, Mappings which = Mappings::Pulled);

private:
    ReferenceResolver(const MetaStore &store, QList<FieldMapping> mappings, std::unique_ptr<PersonDirectory> people);
    // The PERSON mappings' values (by SharePoint column) asked of the directory, by email (push) or by
    // lookup id (pull), and added to `resolved`.
    void resolvePeople(ResolvedReferences resolved, const QHash<QString, QStringList> &asked, bool byEmail,
        std::function<void(Result<ResolvedReferences>)> done);
    ReferenceAnswer emailAnswer(const FieldMapping &mapping, const QString &lookupId) const;

    const MetaStore &m_store;
    QList<FieldMapping> m_mappings;         // the LOOKUP and PERSON ones
    QHash<QString, LookupSource> m_lookups; // by SharePoint column
    std::unique_ptr<PersonDirectory> m_people;
};

} // namespace SyncBridge
