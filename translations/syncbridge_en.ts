<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>SyncBridge::CatalogPage</name>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n table</numerusform>
            <numerusform>%n tables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;h3&gt;%1&lt;/h3&gt;%2 · about %3 rows · %n index(es)</source>
        <translation>
            <numerusform>&lt;h3&gt;%1&lt;/h3&gt;%2 · about %3 rows · %n index</numerusform>
            <numerusform>&lt;h3&gt;%1&lt;/h3&gt;%2 · about %3 rows · %n indexes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n table(s); the schema changed since the last introspection.</source>
        <translation>
            <numerusform>%1: %n table; the schema changed since the last introspection.</numerusform>
            <numerusform>%1: %n tables; the schema changed since the last introspection.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n table(s).</source>
        <translation>
            <numerusform>%1: %n table.</numerusform>
            <numerusform>%1: %n tables.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::Cli</name>
    <message numerus="yes">
        <source>Exported %n definition(s) to %1</source>
        <translation>
            <numerusform>Exported %n definition to %1</numerusform>
            <numerusform>Exported %n definitions to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s); nothing was imported.</source>
        <translation>
            <numerusform>%1: %n problem; nothing was imported.</numerusform>
            <numerusform>%1: %n problems; nothing was imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 via %2 (%3): %n table(s)</source>
        <translation>
            <numerusform>%1 via %2 (%3): %n table</numerusform>
            <numerusform>%1 via %2 (%3): %n tables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>list &apos;%1&apos;: created with %n column(s)</source>
        <translation>
            <numerusform>list &apos;%1&apos;: created with %n column</numerusform>
            <numerusform>list &apos;%1&apos;: created with %n columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>list &apos;%1&apos;: existed; %n missing column(s) added</source>
        <translation>
            <numerusform>list &apos;%1&apos;: existed; %n missing column added</numerusform>
            <numerusform>list &apos;%1&apos;: existed; %n missing columns added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lists of &apos;%1&apos;, planned from %2 (%n column(s)):</source>
        <translation>
            <numerusform>Lists of &apos;%1&apos;, planned from %2 (%n column):</numerusform>
            <numerusform>Lists of &apos;%1&apos;, planned from %2 (%n columns):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of &apos;%1&apos; are due now; a run of the definition retries them:</source>
        <translation>
            <numerusform>%n row of &apos;%1&apos; is due now; a run of the definition retries it:</numerusform>
            <numerusform>%n rows of &apos;%1&apos; are due now; a run of the definition retries them:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry queue (%n row(s); the next run takes them first when due):</source>
        <translation>
            <numerusform>Retry queue (%n row; the next run takes it first when due):</numerusform>
            <numerusform>Retry queue (%n rows; the next run takes them first when due):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n row(s): %1</source>
        <translation>
            <numerusform>  %n row: %1</numerusform>
            <numerusform>  %n rows: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>retry queue: %n row(s) wait (%1 failed in this run, %2 from earlier runs); see: syncbridge-cli retry list &quot;%3&quot;</source>
        <translation>
            <numerusform>retry queue: %n row waits (%1 failed in this run, %2 from earlier runs); see: syncbridge-cli retry list &quot;%3&quot;</numerusform>
            <numerusform>retry queue: %n rows wait (%1 failed in this run, %2 from earlier runs); see: syncbridge-cli retry list &quot;%3&quot;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pending: %n write(s) of rows not in the retry queue wait to be confirmed by the next run</source>
        <translation>
            <numerusform>pending: %n write of a row not in the retry queue waits to be confirmed by the next run</numerusform>
            <numerusform>pending: %n writes of rows not in the retry queue wait to be confirmed by the next run</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting  %n row(s) in the retry queue when the run ended, %1 now</source>
        <translation>
            <numerusform>waiting  %n row in the retry queue when the run ended, %1 now</numerusform>
            <numerusform>waiting  %n rows in the retry queue when the run ended, %1 now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting  %n row(s) in the retry queue now</source>
        <translation>
            <numerusform>waiting  %n row in the retry queue now</numerusform>
            <numerusform>waiting  %n rows in the retry queue now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pending  %n write(s) wait to be confirmed by the next run</source>
        <translation>
            <numerusform>pending  %n write waits to be confirmed by the next run</numerusform>
            <numerusform>pending  %n writes wait to be confirmed by the next run</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %3.%4 → %n list(s)</source>
        <translation>
            <numerusform>%1  %2  %3.%4 → %n list</numerusform>
            <numerusform>%1  %2  %3.%4 → %n lists</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more %1 row(s) (run --json lists every row)</source>
        <translation>
            <numerusform>  … and %n more %1 row (run --json lists every row)</numerusform>
            <numerusform>  … and %n more %1 rows (run --json lists every row)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more planned row(s)</source>
        <translation>
            <numerusform>  … and %n more planned row</numerusform>
            <numerusform>  … and %n more planned rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>warning: drift check of &apos;%1&apos; found %n difference(s): %2</source>
        <translation>
            <numerusform>warning: drift check of &apos;%1&apos; found %n difference: %2</numerusform>
            <numerusform>warning: drift check of &apos;%1&apos; found %n differences: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) of &apos;%1&apos;.</source>
        <translation>
            <numerusform>%n conflict of &apos;%1&apos;.</numerusform>
            <numerusform>%n conflicts of &apos;%1&apos;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) of &apos;%1&apos; decided; the next run writes the decision to both sides.</source>
        <translation>
            <numerusform>%n conflict of &apos;%1&apos; decided; the next run writes the decision to both sides.</numerusform>
            <numerusform>%n conflicts of &apos;%1&apos; decided; the next run writes the decision to both sides.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Schema drift: %n finding(s)</source>
        <translation>
            <numerusform>Schema drift: %n finding</numerusform>
            <numerusform>Schema drift: %n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In sync: %n row(s) compared</source>
        <translation>
            <numerusform>In sync: %n row compared</numerusform>
            <numerusform>In sync: %n rows compared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drift: %n difference(s)</source>
        <translation>
            <numerusform>Drift: %n difference</numerusform>
            <numerusform>Drift: %n differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be planned (see `run --dry-run`) and were not compared.</source>
        <translation>
            <numerusform>%n row could not be planned (see `run --dry-run`) and was not compared.</numerusform>
            <numerusform>%n rows could not be planned (see `run --dry-run`) and were not compared.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Streaming: lag %L1 bytes (%2 s), %3 changes/s, %n change(s) queued, </source>
        <translation>
            <numerusform>Streaming: lag %L1 bytes (%2 s), %3 changes/s, %n change queued, </numerusform>
            <numerusform>Streaming: lag %L1 bytes (%2 s), %3 changes/s, %n changes queued, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delivered (%1 created, %2 updated, %3 deleted, %4 failed)   </source>
        <translation>
            <numerusform>%n delivered (%1 created, %2 updated, %3 deleted, %4 failed)   </numerusform>
            <numerusform>%n delivered (%1 created, %2 updated, %3 deleted, %4 failed)   </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConflictList</name>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConflictValueDialog</name>
    <message numerus="yes">
        <source>The value you enter is given to both sides for %n conflict(s) of &apos;%1&apos;.</source>
        <translation>
            <numerusform>The value you enter is given to both sides for %n conflict of &apos;%1&apos;.</numerusform>
            <numerusform>The value you enter is given to both sides for %n conflicts of &apos;%1&apos;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConflictsPage</name>
    <message numerus="yes">
        <source>%1 (%n open)</source>
        <translation>
            <numerusform>%1 (%n open)</numerusform>
            <numerusform>%1 (%n open)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConflictsView</name>
    <message numerus="yes">
        <source>Applies to %n chosen conflict(s)</source>
        <translation>
            <numerusform>Applies to %n chosen conflict</numerusform>
            <numerusform>Applies to %n chosen conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConnectionsModel</name>
    <message numerus="yes">
        <source>database “%1”, %n instance(s)</source>
        <translation>
            <numerusform>database “%1”, %n instance</numerusform>
            <numerusform>database “%1”, %n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConnectionsPage</name>
    <message numerus="yes">
        <source>&lt;p&gt;%n instance(s), tried in failover order.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n instance, tried in failover order.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n instances, tried in failover order.&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::DefinitionCard</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>Conflicts (%n)</numerusform>
            <numerusform>Conflicts (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n open conflict</numerusform>
            <numerusform>%n open conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::DefinitionCheck</name>
    <message numerus="yes">
        <source>%n rows share %1</source>
        <translation>
            <numerusform>%n row shares %1</numerusform>
            <numerusform>%n rows share %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n more key value(s) are shared</source>
        <translation>
            <numerusform>; %n more key value is shared</numerusform>
            <numerusform>; %n more key values are shared</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::DefinitionEditor</name>
    <message numerus="yes">
        <source>Sample values: the first %n row(s) of %1 by key.</source>
        <translation>
            <numerusform>Sample values: the first row of %1 by key.</numerusform>
            <numerusform>Sample values: the first %n rows of %1 by key.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::DefinitionsPage</name>
    <message numerus="yes">
        <source>It has %n problem(s): saved, it is disabled — a draft that does not run until they are fixed.</source>
        <translation>
            <numerusform>It has %n problem: saved, it is disabled — a draft that does not run until it is fixed.</numerusform>
            <numerusform>It has %n problems: saved, it is disabled — a draft that does not run until they are fixed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved &apos;%1&apos; as a disabled draft: %n problem(s) to fix before it can run, listed on the form.</source>
        <translation>
            <numerusform>Saved &apos;%1&apos; as a disabled draft: %n problem to fix before it can run, listed on the form.</numerusform>
            <numerusform>Saved &apos;%1&apos; as a disabled draft: %n problems to fix before it can run, listed on the form.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::Drift</name>
    <message numerus="yes">
        <source>%n schema change(s) the mappings do not follow.</source>
        <translation>
            <numerusform>%n schema change the mappings do not follow.</numerusform>
            <numerusform>%n schema changes the mappings do not follow.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) between the table and its lists: </source>
        <translation>
            <numerusform>%n difference between the table and its lists: </numerusform>
            <numerusform>%n differences between the table and its lists: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The table and its lists are in sync (%n row(s)).</source>
        <translation>
            <numerusform>The table and its lists are in sync (%n row).</numerusform>
            <numerusform>The table and its lists are in sync (%n rows).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) named were not found by the check (repaired since, changed class, or mistyped): %1</source>
        <translation>
            <numerusform>%n difference named was not found by the check (repaired since, changed class, or mistyped): %1</numerusform>
            <numerusform>%n differences named were not found by the check (repaired since, changed class, or mistyped): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Held back %n deletion(s) in &apos;%1&apos;: %2 % of its %L3 items, above the limit of %4 %. Check the list, then confirm the deletions (syncbridge-cli drift repair --allow-mass-delete).</source>
        <translation>
            <numerusform>Held back %n deletion in &apos;%1&apos;: %2 % of its %L3 items, above the limit of %4 %. Check the list, then confirm the deletions (syncbridge-cli drift repair --allow-mass-delete).</numerusform>
            <numerusform>Held back %n deletions in &apos;%1&apos;: %2 % of its %L3 items, above the limit of %4 %. Check the list, then confirm the deletions (syncbridge-cli drift repair --allow-mass-delete).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adopted %n item(s) that held their row but were not in the ledger.</source>
        <translation>
            <numerusform>Adopted %n item that held its row but was not in the ledger.</numerusform>
            <numerusform>Adopted %n items that held their row but were not in the ledger.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to create</source>
        <translation>
            <numerusform>%n item to create</numerusform>
            <numerusform>%n items to create</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to update</source>
        <translation>
            <numerusform>%n item to update</numerusform>
            <numerusform>%n items to update</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to move</source>
        <translation>
            <numerusform>%n item to move</numerusform>
            <numerusform>%n items to move</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to delete</source>
        <translation>
            <numerusform>%n item to delete</numerusform>
            <numerusform>%n items to delete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to adopt</source>
        <translation>
            <numerusform>%n item to adopt</numerusform>
            <numerusform>%n items to adopt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) created</source>
        <translation>
            <numerusform>%n item created</numerusform>
            <numerusform>%n items created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) updated</source>
        <translation>
            <numerusform>%n item updated</numerusform>
            <numerusform>%n items updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) moved</source>
        <translation>
            <numerusform>%n item moved</numerusform>
            <numerusform>%n items moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) deleted</source>
        <translation>
            <numerusform>%n item deleted</numerusform>
            <numerusform>%n items deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) adopted</source>
        <translation>
            <numerusform>%n item adopted</numerusform>
            <numerusform>%n items adopted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) failed</source>
        <translation>
            <numerusform>%n item failed</numerusform>
            <numerusform>%n items failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(s) held back</source>
        <translation>
            <numerusform>%n deletion held back</numerusform>
            <numerusform>%n deletions held back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::DriftPanel</name>
    <message numerus="yes">
        <source>In sync: %n row(s) compared.</source>
        <translation>
            <numerusform>In sync: %n row compared.</numerusform>
            <numerusform>In sync: %n rows compared.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) between the table and its lists.</source>
        <translation>
            <numerusform>%n difference between the table and its lists.</numerusform>
            <numerusform>%n differences between the table and its lists.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n schema change(s): see what to do below.</source>
        <translation>
            <numerusform>%n schema change: see what to do below.</numerusform>
            <numerusform>%n schema changes: see what to do below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::DriftTrend</name>
    <message numerus="yes">
        <source>One check: %n difference(s).</source>
        <translation>
            <numerusform>One check: %n difference.</numerusform>
            <numerusform>One check: %n differences.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %1 checks: %2 → %n difference(s).</source>
        <translation>
            <numerusform>Last %1 checks: %2 → %n difference.</numerusform>
            <numerusform>Last %1 checks: %2 → %n differences.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::DryRunPanel</name>
    <message numerus="yes">
        <source>The definition as edited cannot run (%Ln problem(s)):</source>
        <translation>
            <numerusform>The definition as edited cannot run (%Ln problem):</numerusform>
            <numerusform>The definition as edited cannot run (%Ln problems):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::Graph</name>
    <message numerus="yes">
        <source>a batch of %n item(s)</source>
        <translation>
            <numerusform>a batch of %n item</numerusform>
            <numerusform>a batch of %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::MainWindow</name>
    <message numerus="yes">
        <source>Delete %n item(s)?</source>
        <translation>
            <numerusform>Delete %n item?</numerusform>
            <numerusform>Delete %n items?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This run would delete %L1 of the %n item(s) in &apos;%2&apos; (%3 %), more than the definition allows without asking (%4 %).

Rows gone from the source usually mean they were deleted on purpose — but a wrong filter or an emptied table looks the same. Check the source before you confirm.</source>
        <translation>
            <numerusform>This run would delete %L1 of the %n item in &apos;%2&apos; (%3 %), more than the definition allows without asking (%4 %).

Rows gone from the source usually mean they were deleted on purpose — but a wrong filter or an emptied table looks the same. Check the source before you confirm.</numerusform>
            <numerusform>This run would delete %L1 of the %n items in &apos;%2&apos; (%3 %), more than the definition allows without asking (%4 %).

Rows gone from the source usually mean they were deleted on purpose — but a wrong filter or an emptied table looks the same. Check the source before you confirm.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported from %1, with %n warning(s) worth a look.</source>
        <translation>
            <numerusform>Imported from %1, with %n warning worth a look.</numerusform>
            <numerusform>Imported from %1, with %n warnings worth a look.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in %1; nothing was imported.</source>
        <translation>
            <numerusform>%n problem in %1; nothing was imported.</numerusform>
            <numerusform>%n problems in %1; nothing was imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The import changes how %n synced definition(s) read or identify their rows. Importing resets their sync position: the next run reads every row again and matches rows to the items they made, so nothing is duplicated.</source>
        <translation>
            <numerusform>The import changes how %n synced definition reads or identifies its rows. Importing resets its sync position: the next run reads every row again and matches rows to the items they made, so nothing is duplicated.</numerusform>
            <numerusform>The import changes how %n synced definitions read or identify their rows. Importing resets their sync position: the next run reads every row again and matches rows to the items they made, so nothing is duplicated.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::Mapping</name>
    <message numerus="yes">
        <source>%n mappings write into %1; keep one.</source>
        <translation>
            <numerusform>%n mapping writes into %1; keep one.</numerusform>
            <numerusform>%n mappings write into %1; keep one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::ProvisionDialog</name>
    <message numerus="yes">
        <source>Created the list with %n column(s).</source>
        <translation>
            <numerusform>Created the list with %n column.</numerusform>
            <numerusform>Created the list with %n columns.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The list existed; added %n missing column(s).</source>
        <translation>
            <numerusform>The list existed; added %n missing column.</numerusform>
            <numerusform>The list existed; added %n missing columns.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::ReplicationPanel</name>
    <message numerus="yes">
        <source>%n second(s) since a run recorded its position</source>
        <translation>
            <numerusform>%n second since a run recorded its position</numerusform>
            <numerusform>%n seconds since a run recorded its position</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) since a run recorded its position</source>
        <translation>
            <numerusform>%n minute since a run recorded its position</numerusform>
            <numerusform>%n minutes since a run recorded its position</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunDialog</name>
    <message numerus="yes">
        <source>%Ln row(s) failed; they wait in the retry queue and go first on the next run:</source>
        <translation>
            <numerusform>%Ln row failed; it waits in the retry queue and goes first on the next run:</numerusform>
            <numerusform>%Ln rows failed; they wait in the retry queue and go first on the next run:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunNotifier</name>
    <message numerus="yes">
        <source>The scheduled run would have deleted %Ln item(s), more than the definition allows without asking. Nothing was deleted and its schedule is paused: check the source, then run it by hand.</source>
        <translation>
            <numerusform>The scheduled run would have deleted %Ln item, more than the definition allows without asking. Nothing was deleted and its schedule is paused: check the source, then run it by hand.</numerusform>
            <numerusform>The scheduled run would have deleted %Ln items, more than the definition allows without asking. Nothing was deleted and its schedule is paused: check the source, then run it by hand.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The scheduled check found %n difference(s) between the table and its lists (%1). See the definition&apos;s Drift tab.</source>
        <translation>
            <numerusform>The scheduled check found %n difference between the table and its lists (%1). See the definition&apos;s Drift tab.</numerusform>
            <numerusform>The scheduled check found %n differences between the table and its lists (%1). See the definition&apos;s Drift tab.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunProgressView</name>
    <message numerus="yes">
        <source>%n change(s) queued</source>
        <translation>
            <numerusform>%n change queued</numerusform>
            <numerusform>%n changes queued</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunsPage</name>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) failed and wait to be retried; the next run takes them first.</source>
        <translation>
            <numerusform>%n row failed and waits to be retried; the next run takes it first.</numerusform>
            <numerusform>%n rows failed and wait to be retried; the next run takes them first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Items written per second, newest %n run(s)</source>
        <translation>
            <numerusform>Items written per second, newest %n run</numerusform>
            <numerusform>Items written per second, newest %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::SlotHealth</name>
    <message numerus="yes">
        <source>No run recorded the slot&apos;s position for %n minute(s) while the server wrote WAL: changes wait that long. Schedule the definition more often, or check that its agent runs.</source>
        <translation>
            <numerusform>No run recorded the slot&apos;s position for %n minute while the server wrote WAL: changes wait that long. Schedule the definition more often, or check that its agent runs.</numerusform>
            <numerusform>No run recorded the slot&apos;s position for %n minutes while the server wrote WAL: changes wait that long. Schedule the definition more often, or check that its agent runs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::Sync</name>
    <message numerus="yes">
        <source>%n row(s) of &apos;%1&apos; are gone from the source; their items were left in place (deletes policy LEAVE).</source>
        <translation>
            <numerusform>%n row of &apos;%1&apos; is gone from the source; its item was left in place (deletes policy LEAVE).</numerusform>
            <numerusform>%n rows of &apos;%1&apos; are gone from the source; their items were left in place (deletes policy LEAVE).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Held back %n deletion(s) in &apos;%1&apos;: %2 % of its %L3 items, above the limit of %4 %. Check the source, then confirm the deletions (syncbridge-cli run --allow-mass-delete).</source>
        <translation>
            <numerusform>Held back %n deletion in &apos;%1&apos;: %2 % of its %L3 items, above the limit of %4 %. Check the source, then confirm the deletions (syncbridge-cli run --allow-mass-delete).</numerusform>
            <numerusform>Held back %n deletions in &apos;%1&apos;: %2 % of its %L3 items, above the limit of %4 %. Check the source, then confirm the deletions (syncbridge-cli run --allow-mass-delete).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flagged %n item(s) whose source rows are gone (column %1 = Yes; deletes policy MARK).</source>
        <translation>
            <numerusform>Flagged %n item whose source row is gone (column %1 = Yes; deletes policy MARK).</numerusform>
            <numerusform>Flagged %n items whose source rows are gone (column %1 = Yes; deletes policy MARK).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A real run would ask before deleting %L1 of the %n item(s) of &apos;%2&apos; (above the limit of %3 %).</source>
        <translation>
            <numerusform>A real run would ask before deleting %L1 of the %n item of &apos;%2&apos; (above the limit of %3 %).</numerusform>
            <numerusform>A real run would ask before deleting %L1 of the %n items of &apos;%2&apos; (above the limit of %3 %).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To fix before it can run (%n problem(s)):</source>
        <translation>
            <numerusform>To fix before it can run (%n problem):</numerusform>
            <numerusform>To fix before it can run (%n problems):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The definition cannot run as it is (%n problem(s)); nothing was read or written:</source>
        <translation>
            <numerusform>The definition cannot run as it is (%n problem); nothing was read or written:</numerusform>
            <numerusform>The definition cannot run as it is (%n problems); nothing was read or written:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) would fail: %1</source>
        <translation>
            <numerusform>%n row would fail: %1</numerusform>
            <numerusform>%n rows would fail: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n row(s) that failed before.</source>
        <translation>
            <numerusform>Retrying %n row that failed before.</numerusform>
            <numerusform>Retrying %n rows that failed before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database role cannot see other sessions&apos; transactions, so a transaction that commits more than %n second(s) late may be missed. Grant it pg_read_all_stats.</source>
        <translation>
            <numerusform>The database role cannot see other sessions&apos; transactions, so a transaction that commits more than %n second late may be missed. Grant it pg_read_all_stats.</numerusform>
            <numerusform>The database role cannot see other sessions&apos; transactions, so a transaction that commits more than %n seconds late may be missed. Grant it pg_read_all_stats.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolved %n half-finished write(s) from an earlier run.</source>
        <translation>
            <numerusform>Resolved %n half-finished write from an earlier run.</numerusform>
            <numerusform>Resolved %n half-finished writes from an earlier run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looked up %n write(s) SharePoint did not answer: %1 had arrived, the others wait for a retry.</source>
        <translation>
            <numerusform>Looked up %n write SharePoint did not answer: %1 had arrived, the others wait for a retry.</numerusform>
            <numerusform>Looked up %n writes SharePoint did not answer: %1 had arrived, the others wait for a retry.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unconfirmed write(s) went to a list that no longer exists; the rows are written again where their route says.</source>
        <translation>
            <numerusform>%n unconfirmed write went to a list that no longer exists; the row is written again where its route says.</numerusform>
            <numerusform>%n unconfirmed writes went to a list that no longer exists; the rows are written again where their route says.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n duplicate item(s) that a re-sent request, or a write of a run that died, had created.</source>
        <translation>
            <numerusform>Removed %n duplicate item that a re-sent request, or a write of a run that died, had created.</numerusform>
            <numerusform>Removed %n duplicate items that a re-sent request, or a write of a run that died, had created.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matched %n existing item(s) to their rows by the new key columns.</source>
        <translation>
            <numerusform>Matched %n existing item to its row by the new key columns.</numerusform>
            <numerusform>Matched %n existing items to their rows by the new key columns.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) kept their old identity: their rows are gone, or their new key is NULL or shared with another row.</source>
        <translation>
            <numerusform>%n item kept its old identity: its row is gone, or its new key is NULL or shared with another row.</numerusform>
            <numerusform>%n items kept their old identity: their rows are gone, or their new key is NULL or shared with another row.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created the list &apos;%1&apos; with %n column(s).</source>
        <translation>
            <numerusform>Created the list &apos;%1&apos; with %n column.</numerusform>
            <numerusform>Created the list &apos;%1&apos; with %n columns.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %Ln row(s): %1 created, %2 updated, %3 moved, %4 unchanged, %5 failed.</source>
        <translation>
            <numerusform>Read %Ln row: %1 created, %2 updated, %3 moved, %4 unchanged, %5 failed.</numerusform>
            <numerusform>Read %Ln rows: %1 created, %2 updated, %3 moved, %4 unchanged, %5 failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: planned %Ln row(s) (%1 unchanged, %2 failing); nothing was written.</source>
        <translation>
            <numerusform>Dry run: planned %Ln row (%1 unchanged, %2 failing); nothing was written.</numerusform>
            <numerusform>Dry run: planned %Ln rows (%1 unchanged, %2 failing); nothing was written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) in the retry queue; the next retry is due at %1 UTC.</source>
        <translation>
            <numerusform>%Ln row in the retry queue; the next retry is due at %1 UTC.</numerusform>
            <numerusform>%Ln rows in the retry queue; the next retry is due at %1 UTC.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln write(s) to be confirmed by the next run.</source>
        <translation>
            <numerusform>%Ln write to be confirmed by the next run.</numerusform>
            <numerusform>%Ln writes to be confirmed by the next run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of items deleted from list &apos;%1&apos; were not deleted: more than %2 % of its items. Confirm with --allow-mass-delete (or in the run&apos;s question) to delete them.</source>
        <translation>
            <numerusform>%n row of an item deleted from list &apos;%1&apos; was not deleted: more than %2 % of its items. Confirm with --allow-mass-delete (or in the run&apos;s question) to delete them.</numerusform>
            <numerusform>%n rows of items deleted from list &apos;%1&apos; were not deleted: more than %2 % of its items. Confirm with --allow-mass-delete (or in the run&apos;s question) to delete them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) were deleted from list &apos;%1&apos;; their rows are kept (delete policy LEAVE).</source>
        <translation>
            <numerusform>%n item was deleted from list &apos;%1&apos;; its row is kept (delete policy LEAVE).</numerusform>
            <numerusform>%n items were deleted from list &apos;%1&apos;; their rows are kept (delete policy LEAVE).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n item(s) that failed before.</source>
        <translation>
            <numerusform>Retrying %n item that failed before.</numerusform>
            <numerusform>Retrying %n items that failed before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) were deleted from list &apos;%1&apos;; their rows are kept and marked in %2 (delete policy MARK).</source>
        <translation>
            <numerusform>%n item was deleted from list &apos;%1&apos;; its row is kept and marked in %2 (delete policy MARK).</numerusform>
            <numerusform>%n items were deleted from list &apos;%1&apos;; their rows are kept and marked in %2 (delete policy MARK).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The table %1.%2 was truncated. Its %n item(s) are not deleted: the circuit breaker holds the truncate back, and the stream stops before it. Check the source, then confirm the deletions (syncbridge-cli run --allow-mass-delete).</source>
        <translation>
            <numerusform>The table %1.%2 was truncated. Its %n item is not deleted: the circuit breaker holds the truncate back, and the stream stops before it. Check the source, then confirm the deletions (syncbridge-cli run --allow-mass-delete).</numerusform>
            <numerusform>The table %1.%2 was truncated. Its %n items are not deleted: the circuit breaker holds the truncate back, and the stream stops before it. Check the source, then confirm the deletions (syncbridge-cli run --allow-mass-delete).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The table %1.%2 was truncated: deleting its %n item(s), as approved.</source>
        <translation>
            <numerusform>The table %1.%2 was truncated: deleting its %n item, as approved.</numerusform>
            <numerusform>The table %1.%2 was truncated: deleting its %n items, as approved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the definition &apos;%1&apos; identifies its rows by %n columns (%2); a lookup needs a key of one column.</source>
        <translation>
            <numerusform>the definition &apos;%1&apos; identifies its rows by %n columns (%2); a lookup needs a key of one column.</numerusform>
            <numerusform>the definition &apos;%1&apos; identifies its rows by %n columns (%2); a lookup needs a key of one column.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A real run would hold back %n deletion(s) of list &apos;%1&apos; and ask first (more than the definition&apos;s share).</source>
        <translation>
            <numerusform>A real run would hold back %n deletion of list &apos;%1&apos; and ask first (more than the definition&apos;s share).</numerusform>
            <numerusform>A real run would hold back %n deletions of list &apos;%1&apos; and ask first (more than the definition&apos;s share).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(s) held back: more than the definition&apos;s share of list &apos;%1&apos; would go. Run with --allow-mass-delete to confirm.</source>
        <translation>
            <numerusform>%n deletion held back: more than the definition&apos;s share of list &apos;%1&apos; would go. Run with --allow-mass-delete to confirm.</numerusform>
            <numerusform>%n deletions held back: more than the definition&apos;s share of list &apos;%1&apos; would go. Run with --allow-mass-delete to confirm.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written into the database</source>
        <translation>
            <numerusform>%n row written into the database</numerusform>
            <numerusform>%n rows written into the database</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) written into SharePoint</source>
        <translation>
            <numerusform>%n item written into SharePoint</numerusform>
            <numerusform>%n items written into SharePoint</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Another run kept changing the choices of column &apos;%1&apos; for %n minute(s).</source>
        <translation>
            <numerusform>Another run kept changing the choices of column &apos;%1&apos; for %n minute.</numerusform>
            <numerusform>Another run kept changing the choices of column &apos;%1&apos; for %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::TrayIcon</name>
    <message numerus="yes">
        <source>SyncBridge — syncing (%n run(s))</source>
        <translation>
            <numerusform>SyncBridge — syncing (%n run)</numerusform>
            <numerusform>SyncBridge — syncing (%n runs)</numerusform>
        </translation>
    </message>
</context>
</TS>
