#pragma once

#include "graph/provisioning.h"
#include "model/definition.h"

#include <QHash>

namespace SyncBridge {

// The columns LOOKUP and PERSON mappings need in a list that provisioning creates: each takes the
// place of its source column's plan, named as the mapping's SharePoint column, multi-valued when
// the source column is an array. `lookupLists`: the list each LOOKUP mapping's referenced
// definition fills, by the mapping's SharePoint column; a lookup whose list is not known yet (that
// definition never ran) is left out with a note that says to run it first.
void planReferenceColumns(
    ListPlan &plan, const TableInfo &table, const QList<FieldMapping> &mappings, const QHash<QString, QString> &lookupLists);

// Rich text mappings' columns in a list provisioning creates: multiple lines of rich text (HTML) in
// place of their source column's plain text column.
void planRichTextColumns(ListPlan &plan, const QList<FieldMapping> &mappings);

} // namespace SyncBridge
