#pragma once

#include "common/result.h"
#include "model/definition.h"
#include "model/definitionjson.h"
#include "sync/condition.h"

namespace SyncBridge {

// The expressions a definition holds as text — its sharding rules' conditions and its mappings'
// transforms — parsed, with errors that say which rule or mapping they belong to wherever they
// surface (import, the editor, a run).

// "Sharding rule 3 (to 'Archive', condition "status = 'x'"): Condition at 8: …" (index from 0).
Error ruleError(int index, const ShardingRule &rule, const Error &cause);
// The rule's condition, or the error naming the rule.
Result<Condition> ruleCondition(int index, const ShardingRule &rule);

// Every rule condition and transform of the definition that does not parse, each with its JSON path
// under definitionPath ("$.definitions[0].sharding.rules[2].condition", "….mappings[1].transform").
QList<ValidationIssue> expressionIssues(const SyncDefinition &definition, const QString &definitionPath);

} // namespace SyncBridge
