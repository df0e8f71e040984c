#include "sync/references/referenceresolver.h"

#include "graph/persondirectory.h"
#include "sync/fieldmapper.h"
#include "sync/valueconverter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace SyncBridge {
namespace {

QString lookupIdText(const QJsonValue &id)
{
    return id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toString();
}

QStringList lookupIdsIn(const QJsonValue &pulled)
{
    QStringList ids;
    if (pulled.isArray()) {
        for (const QJsonValue &id : pulled.toArray())
            ids << lookupIdText(id);
    } else if (!pulled.isNull() && !pulled.isUndefined()) {
        ids << lookupIdText(pulled);
    }
    return ids;
}

} // namespace

QStringList referenceKeys(const FieldMapping &mapping, const std::optional<QString> &cell, const ColumnInfo &column)
{
    if (!cell)
        return {};
    const QStringList elements = column.isArray ? parsePostgresArray(*cell) : QStringList{*cell};
    const auto steps = parseTransform(mapping.transform); // checked with the definition: a bad rule is no rule here
    QStringList keys;
    for (const QString &element : elements) {
        const QString key = steps ? applyTransform(*steps, QJsonValue(element)).toString() : element;
        if (!key.isEmpty())
            keys << key;
    }
    return keys;
}

QString putReferences(QJsonObject &mapped, const SourceRow &row, const QList<FieldMapping> &mappings,
    const QHash<QString, ColumnInfo> &sourceColumns, const QHash<QString, SharePointColumn> &targetColumns,
    const ResolvedReferences &resolved)
{
    for (const FieldMapping &mapping : mappings) {
        if (mapping.kind == FieldKind::Value || !mapping.pushes())
            continue;
        const ColumnInfo column = sourceColumns.value(mapping.sourceColumn);
        const QStringList keys = referenceKeys(mapping, row.values.value(mapping.sourceColumn), column);
        if (keys.isEmpty()) {
            mapped.insert(mapping.targetColumn, QJsonValue(QJsonValue::Null)); // NULL (or no element): the column is cleared
            continue;
        }
        const ReferenceAnswers answers = resolved.value(mapping.targetColumn);
        const QString lookupList = targetColumns.value(mapping.targetColumn).lookupListId;
        QJsonArray ids;
        for (const QString &key : keys) {
            const ReferenceAnswer answer = answers.value(key);
            if (!answer.problem.isEmpty())
                return answer.problem;
            if (mapping.kind == FieldKind::Lookup && !lookupList.isEmpty() && answer.listId.compare(lookupList, Qt::CaseInsensitive) != 0)
                return QCoreApplication::translate("SyncBridge::Sync",
                    "Lookup %1: the row with %2 = %3 is an item of another list than the one the SharePoint column '%4' looks up.")
                    .arg(mappingText(mapping), mapping.sourceColumn, key, mapping.targetColumn);
            ids.append(answer.value.toLongLong());
        }
        if (column.isArray)
            mapped.insert(mapping.targetColumn, ids);
        else
            mapped.insert(mapping.targetColumn, QString::number(ids.first().toInteger()));
    }
    return {};
}

QJsonValue takeReferences(const QJsonValue &pulled, const ReferenceAnswers &answers, QString *problem)
{
    const QStringList ids = lookupIdsIn(pulled);
    QJsonArray values;
    for (const QString &id : ids) {
        const ReferenceAnswer answer = answers.value(id);
        if (!answer.problem.isEmpty() && problem->isEmpty())
            *problem = answer.problem;
        values.append(answer.value);
    }
    if (pulled.isArray())
        return values;
    return values.isEmpty() ? QJsonValue(QJsonValue::Null) : values.first();
}

ReferenceAnswer personIdAnswer(const PersonDirectory &people, const FieldMapping &mapping, const QString &email)
{
    const int id = people.lookupIdOf(email);
    if (id > 0)
        return {QString::number(id), {}, {}};
    return {{}, {}, PersonDirectory::unknownPersonMessage(mappingText(mapping), email)};
}

ReferenceResolver::ReferenceResolver(const MetaStore &store, QList<FieldMapping> mappings, std::unique_ptr<PersonDirectory> people)
    : m_store(store)
    , m_mappings(std::move(mappings))
    , m_people(std::move(people))
{
}

ReferenceResolver::~ReferenceResolver() = default;

Result<std::shared_ptr<ReferenceResolver>> ReferenceResolver::make(
    const MetaStore &store, const SyncDefinition &definition, GraphClient &client, const QString &siteId)
{
    QList<FieldMapping> mappings;
    QHash<QString, LookupSource> lookups;
    for (const FieldMapping &mapping : definition.mappings) {
        if (mapping.kind == FieldKind::Value)
            continue;
        mappings << mapping;
        if (mapping.kind != FieldKind::Lookup)
            continue;
        auto source = Lookups::source(store, mapping);
        if (!source)
            return source.error();
        lookups.insert(mapping.targetColumn, *source);
    }
    std::shared_ptr<ReferenceResolver> resolver(new ReferenceResolver(store, mappings, std::make_unique<PersonDirectory>(client, siteId)));
    resolver->m_lookups = lookups;
    return resolver;
}

QHash<QString, QString> ReferenceResolver::lookupLists() const
{
    QHash<QString, QString> lists;
    for (auto it = m_lookups.cbegin(); it != m_lookups.cend(); ++it)
        lists.insert(it.key(), it->listId);
    return lists;
}

void ReferenceResolver::resolveRows(
    const QList<SourceRow> &rows, const QHash<QString, ColumnInfo> &sourceColumns, std::function<void(Result<ResolvedReferences>)> done)
{
    ResolvedReferences resolved;
    QHash<QString, QStringList> emailsOf; // person mapping's column → the emails of this batch
    for (const FieldMapping &mapping : std::as_const(m_mappings)) {
        if (!mapping.pushes())
            continue;
        QSet<QString> keys;
        for (const SourceRow &row : rows) {
            for (const QString &key :
                referenceKeys(mapping, row.values.value(mapping.sourceColumn), sourceColumns.value(mapping.sourceColumn)))
                keys.insert(key);
        }
        if (mapping.kind == FieldKind::Person) {
            emailsOf.insert(mapping.targetColumn, keys.values());
            continue;
        }
        auto items = Lookups::itemsOf(m_store, m_lookups.value(mapping.targetColumn), mapping, keys.values());
        if (!items) {
            done(items.error());
            return;
        }
        resolved.insert(mapping.targetColumn, *items);
    }
    resolvePeople(resolved, emailsOf, true, std::move(done));
}

void ReferenceResolver::resolvePeople(ResolvedReferences resolved, const QHash<QString, QStringList> &asked, bool byEmail,
    std::function<void(Result<ResolvedReferences>)> done)
{
    if (asked.isEmpty()) {
        done(resolved);
        return;
    }
    QStringList all;
    for (const QStringList &some : asked)
        all << some;
    auto answer = [this, resolved, asked, byEmail, done](Result<void> found) mutable {
        if (!found) {
            done(found.error());
            return;
        }
        for (const FieldMapping &mapping : std::as_const(m_mappings)) {
            if (mapping.kind != FieldKind::Person)
                continue;
            ReferenceAnswers &answers = resolved[mapping.targetColumn];
            for (const QString &value : asked.value(mapping.targetColumn))
                answers.insert(value, byEmail ? personIdAnswer(*m_people, mapping, value) : emailAnswer(mapping, value));
        }
        done(resolved);
    };
    if (byEmail)
        m_people->findByEmail(all, std::move(answer));
    else
        m_people->findById(all, std::move(answer));
}

ReferenceAnswer ReferenceResolver::emailAnswer(const FieldMapping &mapping, const QString &lookupId) const
{
    const QString email = m_people->emailOf(lookupId);
    if (!email.isEmpty())
        return {email, {}, {}};
    return {{}, {},
        QCoreApplication::translate("SyncBridge::Sync", "Person %1: the site has no user with lookup id %2.")
            .arg(mappingText(mapping), lookupId)};
}

void ReferenceResolver::resolveItems(const QList<QJsonObject> &items, const QHash<QString, SharePointColumn> &columns,
    std::function<void(Result<ResolvedReferences>)> done, Mappings which)
{
    ResolvedReferences resolved;
    QHash<QString, QStringList> idsOf; // person mapping's column → the lookup ids of these items
    for (const FieldMapping &mapping : std::as_const(m_mappings)) {
        if (mapping.direction == FieldDirection::PushOnly && which == Mappings::Pulled)
            continue;
        QSet<QString> ids;
        for (const QJsonObject &item : items) {
            const QJsonValue pulled
                = item.value(QStringLiteral("fields")).toObject().value(mapping.targetColumn + QStringLiteral("LookupId"));
            for (const QString &id : lookupIdsIn(pulled))
                ids.insert(id);
        }
        if (mapping.kind == FieldKind::Person) {
            idsOf.insert(mapping.targetColumn, ids.values());
            continue;
        }
        const LookupSource source = m_lookups.value(mapping.targetColumn);
        auto keys = Lookups::keysOf(m_store, source, mapping, columns.value(mapping.targetColumn).lookupListId, ids.values());
        if (!keys) {
            done(keys.error());
            return;
        }
        resolved.insert(mapping.targetColumn, *keys);
    }
    resolvePeople(resolved, idsOf, false, std::move(done));
}

} // namespace SyncBridge
