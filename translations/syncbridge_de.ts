<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConflictValueText</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>none chosen</source>
        <translation>nichts gewählt</translation>
    </message>
    <message>
        <source>— no value</source>
        <translation>— kein Wert</translation>
    </message>
    <message>
        <source>Applied: %1 (run %2, %3)</source>
        <translation>Angewendet: %1 (Lauf %2, %3)</translation>
    </message>
    <message>
        <source>Decided: database value — waiting for the next run</source>
        <translation>Entschieden: Wert der Datenbank — wartet auf den nächsten Lauf</translation>
    </message>
    <message>
        <source>Decided: SharePoint value — waiting for the next run</source>
        <translation>Entschieden: Wert aus SharePoint — wartet auf den nächsten Lauf</translation>
    </message>
    <message>
        <source>Decided: %1 — waiting for the next run</source>
        <translation>Entschieden: %1 — wartet auf den nächsten Lauf</translation>
    </message>
    <message>
        <source>Open — not decided yet</source>
        <translation>Offen — noch nicht entschieden</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Agent</name>
    <message>
        <source>Interrupted: the agent %1 stopped renewing its claim on this scheduled run; the agent %2 took the run over.</source>
        <translation>Unterbrochen: Der Agent %1 hat seinen Anspruch auf diesen geplanten Lauf nicht mehr erneuert; der Agent %2 hat den Lauf übernommen.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::AgentsView</name>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Letztes Lebenszeichen</translation>
    </message>
    <message>
        <source>Runs now</source>
        <translation>Läuft gerade</translation>
    </message>
    <message>
        <source>The agents could not be read: %1</source>
        <translation>Die Agenten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>not responding</source>
        <translation>antwortet nicht</translation>
    </message>
    <message>
        <source>No agent runs the schedules yet: turn on &quot;Run scheduled syncs on this computer&quot; in Settings, or start syncbridge-cli agent on a server.</source>
        <translation>Noch kein Agent führt die Zeitpläne aus: Schalten Sie in den Einstellungen &quot;Geplante Synchronisationen auf diesem Computer ausführen&quot; ein oder starten Sie syncbridge-cli agent auf einem Server.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::BudgetBar</name>
    <message>
        <source>Resource units SharePoint counted for this app in the tenant — by every SyncBridge process that shares this meta-store</source>
        <translation>Ressourceneinheiten, die SharePoint dieser App im Mandanten angerechnet hat – von jedem SyncBridge-Prozess, der diesen Metadatenspeicher teilt</translation>
    </message>
    <message>
        <source>The tenants&apos; budget use could not be read: %1</source>
        <translation>Der Budgetverbrauch der Mandanten konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: %2 of %3 RU today (%4 %), %5 of %6 RU admitted in the last minute</source>
        <translation>%1: %2 von %3 RU heute (%4 %), %5 von %6 RU in der letzten Minute zugeteilt</translation>
    </message>
</context>
<context>
    <name>SyncBridge::CaCertificateField</name>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>A PEM file with the CA certificate of a proxy that inspects TLS, or of a national cloud. The system&apos;s certificate authorities stay trusted too; certificate checks are never switched off.</source>
        <translation>Eine PEM-Datei mit dem CA-Zertifikat eines Proxys, der TLS untersucht, oder einer nationalen Cloud. Den Zertifizierungsstellen des Systems wird weiterhin vertraut; Zertifikatsprüfungen werden nie abgeschaltet.</translation>
    </message>
    <message>
        <source>Extra CA certificate</source>
        <translation>Zusätzliches CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>None: the system&apos;s certificate authorities only</source>
        <translation>Keins: nur die Zertifizierungsstellen des Systems</translation>
    </message>
</context>
<context>
    <name>SyncBridge::CatalogPage</name>
    <message>
        <source>no primary key</source>
        <translation>kein Primärschlüssel</translation>
    </message>
    <message>
        <source>key (%1)</source>
        <translation>Schlüssel (%1)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Provision list from table…</source>
        <translation>Liste aus Tabelle anlegen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Read the selected database&apos;s tables again, or the selected site&apos;s lists (F5)</source>
        <translation>Die Tabellen der gewählten Datenbank oder die Listen der gewählten Website neu lesen (F5)</translation>
    </message>
    <message>
        <source>Create a SharePoint list with a column for each column of the selected table</source>
        <translation>Eine SharePoint-Liste mit einer Spalte je Spalte der gewählten Tabelle anlegen</translation>
    </message>
    <message>
        <source>Cannot read the catalog: %1</source>
        <translation>Der Katalog kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>not introspected yet: Refresh</source>
        <translation>noch nicht eingelesen: Aktualisieren</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n Tabelle</numerusform>
            <numerusform>%n Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <source> · schema changed</source>
        <translation> · Schema geändert</translation>
    </message>
    <message>
        <source>The last introspection found a schema that differs from the snapshot before it.</source>
        <translation>Das letzte Einlesen fand ein Schema, das sich vom vorherigen Stand unterscheidet.</translation>
    </message>
    <message>
        <source>%1 columns, %2, ~%3 rows</source>
        <translation>%1 Spalten, %2, ~%3 Zeilen</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>SharePoint</source>
        <translation>SharePoint</translation>
    </message>
    <message>
        <source>tenant %1</source>
        <translation>Mandant %1</translation>
    </message>
    <message>
        <source>used by a definition</source>
        <translation>von einer Definition verwendet</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>No definition uses a site of this connection yet.</source>
        <translation>Noch keine Definition verwendet eine Website dieser Verbindung.</translation>
    </message>
    <message>
        <source>Nothing to show yet: add a database or a SharePoint connection on the Connections page.</source>
        <translation>Noch nichts anzuzeigen: legen Sie auf der Seite „Verbindungen“ eine Datenbank oder eine SharePoint-Verbindung an.</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Catalog&lt;/h3&gt;Select a table to see its columns, keys and indexes, or a SharePoint list to see its columns. &lt;b&gt;Refresh&lt;/b&gt; reads a database&apos;s tables again.</source>
        <translation>&lt;h3&gt;Katalog&lt;/h3&gt;Wählen Sie eine Tabelle, um ihre Spalten, Schlüssel und Indizes zu sehen, oder eine SharePoint-Liste für ihre Spalten. &lt;b&gt;Aktualisieren&lt;/b&gt; liest die Tabellen einer Datenbank neu.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;h3&gt;%1&lt;/h3&gt;%2 · about %3 rows · %n index(es)</source>
        <translation>
            <numerusform>&lt;h3&gt;%1&lt;/h3&gt;%2 · etwa %3 Zeilen · %n Index</numerusform>
            <numerusform>&lt;h3&gt;%1&lt;/h3&gt;%2 · etwa %3 Zeilen · %n Indizes</numerusform>
        </translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Null</source>
        <translation>Null</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <source>Indexed</source>
        <translation>Indiziert</translation>
    </message>
    <message>
        <source>In SharePoint</source>
        <translation>In SharePoint</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>not supported: %1</source>
        <translation>nicht unterstützt: %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;SharePoint list on %2</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;SharePoint-Liste auf %2</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>verborgen</translation>
    </message>
    <message>
        <source>indexed</source>
        <translation>indiziert</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>max %1 characters</source>
        <translation>max. %1 Zeichen</translation>
    </message>
    <message>
        <source>No lists yet.</source>
        <translation>Noch keine Listen.</translation>
    </message>
    <message>
        <source>Reading the tables of %1…</source>
        <translation>Lese die Tabellen von %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n table(s); the schema changed since the last introspection.</source>
        <translation>
            <numerusform>%1: %n Tabelle; das Schema hat sich seit dem letzten Einlesen geändert.</numerusform>
            <numerusform>%1: %n Tabellen; das Schema hat sich seit dem letzten Einlesen geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n table(s).</source>
        <translation>
            <numerusform>%1: %n Tabelle.</numerusform>
            <numerusform>%1: %n Tabellen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The list&apos;s columns could not be recorded in the catalog: %1</source>
        <translation>Die Spalten der Liste konnten nicht im Katalog gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Create a definition from this list</source>
        <translation>Definition aus dieser Liste erstellen</translation>
    </message>
    <message>
        <source>A new definition that syncs the table this list was provisioned from into it</source>
        <translation>Eine neue Definition, die die Tabelle, aus der diese Liste angelegt wurde, in sie synchronisiert</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>provisioned here</source>
        <translation>hier angelegt</translation>
    </message>
    <message>
        <source>Created the list &apos;%1&apos; from %2. &quot;Create a definition from this list&quot; starts a definition that syncs the table into it.</source>
        <translation>Die Liste &apos;%1&apos; wurde aus %2 angelegt. &quot;Definition aus dieser Liste erstellen&quot; beginnt eine Definition, die die Tabelle in sie synchronisiert.</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos; existed: the columns of %2 it lacked were added. &quot;Create a definition from this list&quot; starts a definition that syncs the table into it.</source>
        <translation>Die Liste &apos;%1&apos; war bereits vorhanden: die fehlenden Spalten von %2 wurden hinzugefügt. &quot;Definition aus dieser Liste erstellen&quot; beginnt eine Definition, die die Tabelle in sie synchronisiert.</translation>
    </message>
    <message>
        <source>Show system columns</source>
        <translation>Systemspalten anzeigen</translation>
    </message>
    <message>
        <source>Show the columns SharePoint keeps itself (ID, Created, Author…) and its hidden ones</source>
        <translation>Die Spalten anzeigen, die SharePoint selbst führt (ID, Created, Author…), und seine ausgeblendeten Spalten</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Cli</name>
    <message>
        <source>Meta-store: a SQLite file path or postgresql://user@host:port/db (password from PGPASSWORD or ~/.pgpass).</source>
        <translation>Meta-Speicher: ein SQLite-Dateipfad oder postgresql://benutzer@host:port/db (Passwort aus PGPASSWORD oder ~/.pgpass).</translation>
    </message>
    <message>
        <source>Where secrets come from: keychain (default) or env (SYNCBRIDGE_SECRET_* variables, for headless agents).</source>
        <translation>Woher die Zugangsdaten kommen: keychain (Standard) oder env (SYNCBRIDGE_SECRET_*-Variablen, für Agenten ohne Oberfläche).</translation>
    </message>
    <message>
        <source>Write to this file instead of standard output.</source>
        <translation>In diese Datei statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>Export every definition.</source>
        <translation>Alle Definitionen exportieren.</translation>
    </message>
    <message>
        <source>PostgreSQL database name.</source>
        <translation>Name der PostgreSQL-Datenbank.</translation>
    </message>
    <message>
        <source>Instance name (default: primary).</source>
        <translation>Name der Instanz (Standard: primary).</translation>
    </message>
    <message>
        <source>Instance host.</source>
        <translation>Host der Instanz.</translation>
    </message>
    <message>
        <source>Instance port.</source>
        <translation>Port der Instanz.</translation>
    </message>
    <message>
        <source>Database user.</source>
        <translation>Datenbankbenutzer.</translation>
    </message>
    <message>
        <source>Instance role: PRIMARY, STANDBY or REPLICA.</source>
        <translation>Rolle der Instanz: PRIMARY, STANDBY oder REPLICA.</translation>
    </message>
    <message>
        <source>Failover priority within the role (lower first).</source>
        <translation>Failover-Priorität innerhalb der Rolle (niedrigere zuerst).</translation>
    </message>
    <message>
        <source>Entra tenant id or domain.</source>
        <translation>Entra-Mandanten-ID oder -Domäne.</translation>
    </message>
    <message>
        <source>Application (client) id.</source>
        <translation>Anwendungs-ID (Client-ID).</translation>
    </message>
    <message>
        <source>Authority host.</source>
        <translation>Autoritäts-Host.</translation>
    </message>
    <message>
        <source>Microsoft Graph base URL.</source>
        <translation>Basis-URL von Microsoft Graph.</translation>
    </message>
    <message>
        <source>Read the password or client secret from standard input and store it in the keychain.</source>
        <translation>Passwort oder geheimen Clientschlüssel von der Standardeingabe lesen und im Schlüsselbund speichern.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>  detail: %1</source>
        <translation>  Einzelheiten: %1</translation>
    </message>
    <message>
        <source>usage error: %1</source>
        <translation>Aufruffehler: %1</translation>
    </message>
    <message>
        <source>Meta-store: %1 (schema %2)</source>
        <translation>Meta-Speicher: %1 (Schema %2)</translation>
    </message>
    <message>
        <source>Database connections: %1</source>
        <translation>Datenbankverbindungen: %1</translation>
    </message>
    <message>
        <source>SharePoint connections: %1</source>
        <translation>SharePoint-Verbindungen: %1</translation>
    </message>
    <message>
        <source>%1  tenant %2  %3</source>
        <translation>%1  Mandant %2  %3</translation>
    </message>
    <message>
        <source>Sync definitions: %1</source>
        <translation>Synchronisationsdefinitionen: %1</translation>
    </message>
    <message>
        <source>connections add-database needs --name (and --database for a new database)</source>
        <translation>connections add-database braucht --name (und --database für eine neue Datenbank)</translation>
    </message>
    <message>
        <source>--role must be one of %1</source>
        <translation>--role muss eines von %1 sein</translation>
    </message>
    <message>
        <source>--port must be a number from 1 to 65535</source>
        <translation>--port muss eine Zahl von 1 bis 65535 sein</translation>
    </message>
    <message>
        <source>a new database connection needs --database</source>
        <translation>eine neue Datenbankverbindung braucht --database</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already has an instance called &apos;%2&apos;.</source>
        <translation>„%1“ hat bereits eine Instanz namens „%2“.</translation>
    </message>
    <message>
        <source>Added instance &apos;%1&apos;</source>
        <translation>Instanz „%1“ hinzugefügt</translation>
    </message>
    <message>
        <source>Added database connection &apos;%1&apos;</source>
        <translation>Datenbankverbindung „%1“ hinzugefügt</translation>
    </message>
    <message>
        <source>connections add-sharepoint needs --name, --tenant and --client-id</source>
        <translation>connections add-sharepoint braucht --name, --tenant und --client-id</translation>
    </message>
    <message>
        <source>Added SharePoint connection &apos;%1&apos;</source>
        <translation>SharePoint-Verbindung „%1“ hinzugefügt</translation>
    </message>
    <message>
        <source>ok      %1 (%2:%3): %4</source>
        <translation>ok      %1 (%2:%3): %4</translation>
    </message>
    <message>
        <source>FAILED  %1 (%2:%3): %4 [%5]</source>
        <translation>FEHLER  %1 (%2:%3): %4 [%5]</translation>
    </message>
    <message>
        <source>introspect takes one database connection name</source>
        <translation>introspect erwartet den Namen einer Datenbankverbindung</translation>
    </message>
    <message>
        <source>warning: instance unavailable, failed over: %1</source>
        <translation>Warnung: Instanz nicht erreichbar, ausgewichen: %1</translation>
    </message>
    <message>
        <source>%1  %2 columns, key (%3), %4 index(es), ~%5 rows</source>
        <translation>%1  %2 Spalten, Schlüssel (%3), %4 Index(e), ~%5 Zeilen</translation>
    </message>
    <message>
        <source>Schema drift: the schema differs from the previous snapshot.</source>
        <translation>Schemaabweichung: Das Schema unterscheidet sich vom vorherigen Stand.</translation>
    </message>
    <message>
        <source>No sync definitions yet. Import one with: syncbridge-cli definitions import &lt;file&gt;</source>
        <translation>Noch keine Synchronisationsdefinitionen. Importieren mit: syncbridge-cli definitions import &lt;datei&gt;</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>definitions export takes one definition name or --all</source>
        <translation>definitions export erwartet einen Definitionsnamen oder --all</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>definitions import takes one file</source>
        <translation>definitions import erwartet eine Datei</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>SyncBridge command line: keeps PostgreSQL tables and SharePoint lists in sync.</source>
        <translation>SyncBridge-Kommandozeile: hält PostgreSQL-Tabellen und SharePoint-Listen synchron.</translation>
    </message>
    <message>
        <source>The command and its arguments (see above).</source>
        <translation>Der Befehl und seine Argumente (siehe oben).</translation>
    </message>
    <message>
        <source>usage error: no command given</source>
        <translation>Aufruffehler: kein Befehl angegeben</translation>
    </message>
    <message>
        <source>usage error: --secrets must be keychain or env</source>
        <translation>Aufruffehler: --secrets muss keychain oder env sein</translation>
    </message>
    <message>
        <source>Keychain key of the client secret (default: sharepoint/&lt;new uuid&gt;); with --secrets env the secret is read from SYNCBRIDGE_SECRET_&lt;KEY&gt;.</source>
        <translation>Schlüsselbund-Eintrag des geheimen Clientschlüssels (Standard: sharepoint/&lt;neue UUID&gt;); mit --secrets env werden die Zugangsdaten aus SYNCBRIDGE_SECRET_&lt;SCHLÜSSEL&gt; gelesen.</translation>
    </message>
    <message>
        <source>The tenant&apos;s SharePoint budget in resource units per minute (default 1250).</source>
        <translation>Das SharePoint-Budget des Mandanten in Ressourceneinheiten pro Minute (Standard 1250).</translation>
    </message>
    <message>
        <source>Plan only: count what a run would do, write nothing.</source>
        <translation>Nur planen: zählen, was ein Lauf täte, nichts schreiben.</translation>
    </message>
    <message>
        <source>Compare every row again (a full re-sync that updates, never duplicates).</source>
        <translation>Jede Zeile erneut vergleichen (vollständige Neusynchronisation, die aktualisiert und nie verdoppelt).</translation>
    </message>
    <message>
        <source>Rows read per page (default 500).</source>
        <translation>Pro Seite gelesene Zeilen (Standard 500).</translation>
    </message>
    <message>
        <source>--ru-per-minute must be a positive number</source>
        <translation>--ru-per-minute muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>--secret-ref must look like sharepoint/&lt;name&gt;</source>
        <translation>--secret-ref muss die Form sharepoint/&lt;name&gt; haben</translation>
    </message>
    <message>
        <source>run takes one definition name</source>
        <translation>run erwartet den Namen einer Definition</translation>
    </message>
    <message>
        <source>--page-size must be 1 to 10000</source>
        <translation>--page-size muss zwischen 1 und 10000 liegen</translation>
    </message>
    <message>
        <source>%1: %2 read, %3 created, %4 updated, %5 moved, %6 unchanged, %7 failed, %8 items/s   </source>
        <translation>%1: %2 gelesen, %3 angelegt, %4 aktualisiert, %5 verschoben, %6 unverändert, %7 fehlgeschlagen, %8 Elemente/s   </translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <source>Confirm deletions above the definition&apos;s share of a list (the circuit breaker).</source>
        <translation>Löschungen über dem Anteil einer Liste bestätigen, den die Definition erlaubt (der Schutzschalter).</translation>
    </message>
    <message>
        <source>Re-push only these mapped fields (comma-separated) to every synced item; the cursor stays.</source>
        <translation>Nur diese zugeordneten Felder (durch Kommas getrennt) erneut an jedes synchronisierte Element senden; der Cursor bleibt.</translation>
    </message>
    <message>
        <source>--backfill needs at least one field name</source>
        <translation>--backfill braucht mindestens einen Feldnamen</translation>
    </message>
    <message>
        <source>--backfill cannot be combined with --dry-run or --reset-cursor</source>
        <translation>--backfill lässt sich nicht mit --dry-run oder --reset-cursor kombinieren</translation>
    </message>
    <message>
        <source>what the meta-store holds</source>
        <translation>was der Meta-Speicher enthält</translation>
    </message>
    <message>
        <source>database and SharePoint connections</source>
        <translation>Datenbank- und SharePoint-Verbindungen</translation>
    </message>
    <message>
        <source>add a database, or an instance to an existing one</source>
        <translation>eine Datenbank oder eine Instanz einer vorhandenen hinzufügen</translation>
    </message>
    <message>
        <source>read the database&apos;s tables into the catalog</source>
        <translation>die Tabellen der Datenbank in den Katalog lesen</translation>
    </message>
    <message>
        <source>sync definitions</source>
        <translation>Synchronisationsdefinitionen</translation>
    </message>
    <message>
        <source>validate, then import all or nothing</source>
        <translation>prüfen, dann ganz oder gar nicht importieren</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>  detail (%1): %2</source>
        <translation>  Detail (%1): %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Import: confirm resetting the sync position of synced definitions whose key columns, change detection or table change.</source>
        <translation>Import: bestätigt, dass die Sync-Position synchronisierter Definitionen zurückgesetzt wird, deren Schlüsselspalten, Änderungserkennung oder Tabelle sich ändern.</translation>
    </message>
    <message>
        <source>Nothing was imported; import again with --reset to confirm.</source>
        <translation>Nichts wurde importiert; importieren Sie erneut mit --reset, um es zu bestätigen.</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>Warnung: %1: %2</translation>
    </message>
    <message>
        <source>UPDATED_AT: also read again the rows stamped this many seconds before the oldest open transaction (default 60), for stamps that are not the writer&apos;s now().</source>
        <translation>UPDATED_AT: Zeilen, die so viele Sekunden vor der ältesten offenen Transaktion gestempelt wurden, erneut lesen (Standard 60), für Stempel, die nicht aus now() des Schreibers stammen.</translation>
    </message>
    <message>
        <source>--look-back must be a whole number of seconds, 0 or more (not &apos;%1&apos;)</source>
        <translation>--look-back muss eine ganze Zahl von Sekunden sein, 0 oder mehr (nicht &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>budget: %1 of %2 RU today (%3 %), %4 of %5 RU admitted in the last minute</source>
        <translation>Budget: %1 von %2 RU heute (%3 %), %4 von %5 RU in der letzten Minute zugeteilt</translation>
    </message>
    <message>
        <source>runs list: only the runs of this definition.</source>
        <translation>runs list: nur die Läufe dieser Definition.</translation>
    </message>
    <message>
        <source>runs list: only runs with this status (RUNNING, SUCCEEDED, PARTIALLY_FAILED, FAILED, CANCELLED, INTERRUPTED).</source>
        <translation>runs list: nur Läufe mit diesem Status (RUNNING, SUCCEEDED, PARTIALLY_FAILED, FAILED, CANCELLED, INTERRUPTED).</translation>
    </message>
    <message>
        <source>runs list: at most this many runs, newest first (default 20).</source>
        <translation>runs list: höchstens so viele Läufe, neueste zuerst (Standard 20).</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok, 1 item failures, 2 failure, 64 usage error, 65 invalid input file, 75 busy (running elsewhere).</source>
        <translation>Exit-Codes: 0 ok, 1 Fehler bei Elementen, 2 Fehler, 64 Aufruffehler, 65 ungültige Eingabedatei, 75 belegt (läuft anderswo).</translation>
    </message>
    <message>
        <source>connections test takes one connection name</source>
        <translation>connections test erwartet den Namen einer Verbindung</translation>
    </message>
    <message>
        <source>No database or SharePoint connection is called &apos;%1&apos;.</source>
        <translation>Keine Datenbank- oder SharePoint-Verbindung heißt &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>connect to every instance of a database, or test a SharePoint connection</source>
        <translation>mit jeder Instanz einer Datenbank verbinden oder eine SharePoint-Verbindung testen</translation>
    </message>
    <message>
        <source>definitions delete takes one definition name</source>
        <translation>definitions delete erwartet den Namen einer Definition</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Deleted the definition &apos;%1&apos;.</source>
        <translation>Die Definition &apos;%1&apos; wurde gelöscht.</translation>
    </message>
    <message>
        <source>The SharePoint lists and their items stay in place. A definition that writes to them again starts without a ledger and creates its items anew; delete or empty the lists first if that is not wanted.</source>
        <translation>Die SharePoint-Listen und ihre Elemente bleiben erhalten. Eine Definition, die wieder in sie schreibt, beginnt ohne Ledger und legt ihre Elemente neu an; löschen oder leeren Sie die Listen vorher, wenn das nicht gewünscht ist.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid SharePoint internal name (letters, digits and _, at most 32)</source>
        <translation>&apos;%1&apos; ist kein gültiger interner SharePoint-Name (Buchstaben, Ziffern und _, höchstens 32)</translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; is taken (by SharePoint&apos;s own column or another column)</source>
        <translation>der Name &apos;%1&apos; ist vergeben (durch eine SharePoint-eigene Spalte oder eine andere Spalte)</translation>
    </message>
    <message>
        <source>named &apos;%1&apos; instead of &apos;%2&apos;: %3</source>
        <translation>heißt &apos;%1&apos; statt &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>warning: the mapping of &apos;%1&apos; writes to &apos;%2&apos;, but provisioning names that column &apos;%3&apos;: map it to &apos;%3&apos;.</source>
        <translation>Warnung: die Zuordnung von &apos;%1&apos; schreibt in &apos;%2&apos;, aber das Anlegen nennt diese Spalte &apos;%3&apos;: ordnen Sie sie &apos;%3&apos; zu.</translation>
    </message>
    <message>
        <source>list &apos;%1&apos; does not exist: it would be created with these columns:</source>
        <translation>Liste &apos;%1&apos; existiert nicht: sie würde mit diesen Spalten angelegt:</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos;</source>
        <translation>Die Liste &apos;%1&apos;</translation>
    </message>
    <message>
        <source>list &apos;%1&apos; exists: its missing columns would be added:</source>
        <translation>Liste &apos;%1&apos; existiert: ihre fehlenden Spalten würden hinzugefügt:</translation>
    </message>
    <message>
        <source>exists %1</source>
        <translation>vorhanden %1</translation>
    </message>
    <message>
        <source>would create</source>
        <translation>anzulegen</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>lists provision takes one definition name</source>
        <translation>lists provision erwartet den Namen einer Definition</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no SharePoint list.</source>
        <translation>&apos;%1&apos; hat keine SharePoint-Liste.</translation>
    </message>
    <message>
        <source>The table %1.%2 does not exist in &apos;%3&apos;.</source>
        <translation>Die Tabelle %1.%2 existiert in &apos;%3&apos; nicht.</translation>
    </message>
    <message>
        <source>The SharePoint connection of the list &apos;%1&apos; no longer exists.</source>
        <translation>Die SharePoint-Verbindung der Liste &apos;%1&apos; existiert nicht mehr.</translation>
    </message>
    <message>
        <source>error: list &apos;%1&apos;: %2</source>
        <translation>Fehler: Liste &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed.</source>
        <translation>Probelauf: nichts wurde geändert.</translation>
    </message>
    <message>
        <source>create or complete the definition&apos;s lists with the planned columns</source>
        <translation>die Listen der Definition mit den geplanten Spalten anlegen oder vervollständigen</translation>
    </message>
    <message>
        <source>retry list takes one definition name</source>
        <translation>retry list erwartet den Namen einer Definition</translation>
    </message>
    <message>
        <source>retry now takes one definition name</source>
        <translation>retry now erwartet den Namen einer Definition</translation>
    </message>
    <message>
        <source>No rows of &apos;%1&apos; wait in the retry queue; nothing to retry.</source>
        <translation>Keine Zeilen von &apos;%1&apos; warten in der Wiederholungswarteschlange; nichts zu wiederholen.</translation>
    </message>
    <message>
        <source>rows that failed and wait to be retried</source>
        <translation>fehlgeschlagene Zeilen, die auf einen erneuten Versuch warten</translation>
    </message>
    <message>
        <source>make every waiting row due now and run the definition</source>
        <translation>alle wartenden Zeilen sofort fällig machen und die Definition laufen lassen</translation>
    </message>
    <message>
        <source>No rows wait in the retry queue.</source>
        <translation>Keine Zeilen warten in der Wiederholungswarteschlange.</translation>
    </message>
    <message>
        <source>(no item yet)</source>
        <translation>(noch kein Element)</translation>
    </message>
    <message>
        <source>ROW</source>
        <translation>ZEILE</translation>
    </message>
    <message>
        <source>LIST</source>
        <translation>LISTE</translation>
    </message>
    <message>
        <source>ATTEMPTS</source>
        <translation>VERSUCHE</translation>
    </message>
    <message>
        <source>NEXT ATTEMPT (UTC)</source>
        <translation>NÄCHSTER VERSUCH (UTC)</translation>
    </message>
    <message>
        <source>LAST ERROR</source>
        <translation>LETZTER FEHLER</translation>
    </message>
    <message>
        <source>Failing rows by reason:</source>
        <translation>Fehlschlagende Zeilen nach Grund:</translation>
    </message>
    <message>
        <source>deletes: %1 deleted, %2 held back by the circuit breaker</source>
        <translation>Löschungen: %1 gelöscht, %2 vom Schutzschalter zurückgehalten</translation>
    </message>
    <message>
        <source>(check the source, then confirm with --allow-mass-delete)</source>
        <translation>(prüfen Sie die Quelle und bestätigen Sie dann mit --allow-mass-delete)</translation>
    </message>
    <message>
        <source>retry queue: no rows wait</source>
        <translation>Wiederholungswarteschlange: keine Zeilen warten</translation>
    </message>
    <message>
        <source>Stopping the run… (signal again to quit at once)</source>
        <translation>Der Lauf wird angehalten… (ein weiteres Signal beendet sofort)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>runs list takes no arguments, only options</source>
        <translation>runs list erwartet keine Argumente, nur Optionen</translation>
    </message>
    <message>
        <source>--definition: no sync definition is called &apos;%1&apos;</source>
        <translation>--definition: keine Synchronisationsdefinition heißt &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--status: &apos;%1&apos; is not one of %2</source>
        <translation>--status: &apos;%1&apos; ist keiner von %2</translation>
    </message>
    <message>
        <source>--limit must be a whole number, 1 or more (not &apos;%1&apos;)</source>
        <translation>--limit muss eine ganze Zahl ab 1 sein (nicht &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>No runs match.</source>
        <translation>Keine passenden Läufe.</translation>
    </message>
    <message>
        <source>RUN</source>
        <translation>LAUF</translation>
    </message>
    <message>
        <source>DEFINITION</source>
        <translation>DEFINITION</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>STARTED (UTC)</source>
        <translation>GESTARTET (UTC)</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DAUER</translation>
    </message>
    <message>
        <source>READ</source>
        <translation>GELESEN</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>ANGELEGT</translation>
    </message>
    <message>
        <source>UPDATED</source>
        <translation>AKTUALISIERT</translation>
    </message>
    <message>
        <source>MOVED</source>
        <translation>VERSCHOBEN</translation>
    </message>
    <message>
        <source>DELETED</source>
        <translation>GELÖSCHT</translation>
    </message>
    <message>
        <source>HELD BACK</source>
        <translation>ZURÜCKGEHALTEN</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>WARTEND</translation>
    </message>
    <message>
        <source>runs show takes one run id (a number, see runs list)</source>
        <translation>runs show erwartet eine Lauf-ID (eine Zahl, siehe runs list)</translation>
    </message>
    <message>
        <source>Run %1 of &apos;%2&apos; (%3): %4</source>
        <translation>Lauf %1 von &apos;%2&apos; (%3): %4</translation>
    </message>
    <message>
        <source>started  %1 UTC, %2, by %3</source>
        <translation>Beginn   %1 UTC, %2, durch %3</translation>
    </message>
    <message>
        <source>summary  %1</source>
        <translation>Ergebnis %1</translation>
    </message>
    <message>
        <source>rows     %1 read: %2 created, %3 updated, %4 moved, %5 unchanged, %6 failed</source>
        <translation>Zeilen   %1 gelesen: %2 angelegt, %3 aktualisiert, %4 verschoben, %5 unverändert, %6 fehlgeschlagen</translation>
    </message>
    <message>
        <source>deletes  %1 deleted, %2 held back by the circuit breaker</source>
        <translation>Löschen  %1 gelöscht, %2 vom Schutzschalter zurückgehalten</translation>
    </message>
    <message>
        <source>(confirm with: syncbridge-cli run &quot;%1&quot; --allow-mass-delete)</source>
        <translation>(bestätigen mit: syncbridge-cli run &quot;%1&quot; --allow-mass-delete)</translation>
    </message>
    <message>
        <source>budget   %1 RU</source>
        <translation>Budget   %1 RU</translation>
    </message>
    <message>
        <source>error    %1: %2</source>
        <translation>Fehler   %1: %2</translation>
    </message>
    <message>
        <source>Events (%1):</source>
        <translation>Ereignisse (%1):</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>run history, newest first</source>
        <translation>Laufhistorie, neueste zuerst</translation>
    </message>
    <message>
        <source>a run&apos;s counts, events and the retry queue</source>
        <translation>Zahlen, Ereignisse und Wiederholungswarteschlange eines Laufs</translation>
    </message>
    <message>
        <source>ok      %1</source>
        <translation>ok      %1</translation>
    </message>
    <message>
        <source>FAILED  %1</source>
        <translation>FEHLER  %1</translation>
    </message>
    <message>
        <source>secret: no secret is stored for &apos;%1&apos; (the connection names no secret; add it again with --password-stdin)</source>
        <translation>Zugangsdaten: für &apos;%1&apos; sind keine Zugangsdaten gespeichert (die Verbindung nennt keine; fügen Sie die Verbindung mit --password-stdin erneut hinzu)</translation>
    </message>
    <message>
        <source>budget  %1 of %2 RU spent today, %3 of %4 RU admitted in the last minute (every process sharing this store)</source>
        <translation>Budget  %1 von %2 RU heute verbraucht, %3 von %4 RU in der letzten Minute zugeteilt (alle Prozesse, die diesen Speicher teilen)</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>catch-up</source>
        <translation>nachgeholt</translation>
    </message>
    <message>
        <source>agent takes no arguments, only options</source>
        <translation>agent erwartet keine Argumente, nur Optionen</translation>
    </message>
    <message>
        <source>--max-runs must be a whole number, 1 or more (not &apos;%1&apos;)</source>
        <translation>--max-runs muss eine ganze Zahl ab 1 sein (nicht &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>agent %1 started; scheduled definitions: %2</source>
        <translation>Agent %1 gestartet; geplante Definitionen: %2</translation>
    </message>
    <message>
        <source>started %1 run of &apos;%2&apos;</source>
        <translation>Lauf (%1) von &apos;%2&apos; gestartet</translation>
    </message>
    <message>
        <source>finished %1 run %2 of &apos;%3&apos;: %4 — %5</source>
        <translation>Lauf %2 (%1) von &apos;%3&apos; beendet: %4 — %5</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: deletions held back by the circuit breaker: %2; its schedule is paused until someone checks the source and resumes it</source>
        <translation>&apos;%1&apos;: vom Schutzschalter zurückgehaltene Löschungen: %2; sein Zeitplan ist pausiert, bis jemand die Quelle prüft und ihn fortsetzt</translation>
    </message>
    <message>
        <source>agent %1 stopped</source>
        <translation>Agent %1 beendet</translation>
    </message>
    <message>
        <source>stopping; runs in flight: %1 — they finish what is on the wire and commit (signal again to quit at once)</source>
        <translation>wird beendet; aktive Läufe: %1 — sie schließen ab, was gerade übertragen wird, und schreiben fest (erneutes Signal beendet sofort)</translation>
    </message>
    <message>
        <source>agents takes no arguments, only options</source>
        <translation>agents erwartet keine Argumente, nur Optionen</translation>
    </message>
    <message>
        <source>No agent is running on this store.</source>
        <translation>Auf diesem Speicher läuft kein Agent.</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (vor %2)</translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>(pausiert)</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>LAST HEARTBEAT (UTC)</source>
        <translation>LETZTES LEBENSZEICHEN (UTC)</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>LÄUFT</translation>
    </message>
    <message>
        <source>run the store&apos;s scheduled definitions until SIGTERM (--once: what is due now)</source>
        <translation>die geplanten Definitionen des Speichers bis SIGTERM ausführen (--once: was jetzt fällig ist)</translation>
    </message>
    <message>
        <source>the agents sharing the store and what they run</source>
        <translation>die Agenten, die den Speicher teilen, und was sie ausführen</translation>
    </message>
    <message>
        <source>Name of the connection to add; agent: the agent&apos;s name in the store (default: the host name).</source>
        <translation>Name der hinzuzufügenden Verbindung; agent: der Name des Agenten im Speicher (Standard: der Hostname).</translation>
    </message>
    <message>
        <source>agent: run what is due now, wait for it, and exit.</source>
        <translation>agent: ausführen, was jetzt fällig ist, darauf warten und beenden.</translation>
    </message>
    <message>
        <source>agent: at most this many runs at once (default 4).</source>
        <translation>agent: höchstens so viele Läufe gleichzeitig (Standard 4).</translation>
    </message>
    <message>
        <source>Listing commands and run: print JSON (stable keys, docs/cli.md) instead of text.</source>
        <translation>Auflistende Befehle und run: JSON ausgeben (stabile Schlüssel, docs/cli.md) statt Text.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n definition(s) to %1</source>
        <translation>
            <numerusform>%n Definition nach %1 exportiert</numerusform>
            <numerusform>%n Definitionen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s); nothing was imported.</source>
        <translation>
            <numerusform>%1: %n Problem; es wurde nichts importiert.</numerusform>
            <numerusform>%1: %n Probleme; es wurde nichts importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Definitions imported: %L1 new, %L2 replaced.</source>
        <translation>Definitionen importiert: %L1 neu, %L2 ersetzt.</translation>
    </message>
    <message>
        <source>Removed from the store with it: its ledger (rows it knew in SharePoint: %L1), its sync position, its retry queue (rows: %L2) and its run history (runs: %L3).</source>
        <translation>Mit ihr aus dem Speicher entfernt: ihr Ledger (ihr bekannte Zeilen in SharePoint: %L1), ihre Sync-Position, ihre Wiederholungswarteschlange (Zeilen: %L2) und ihre Laufhistorie (Läufe: %L3).</translation>
    </message>
    <message numerus="yes">
        <source>%1 via %2 (%3): %n table(s)</source>
        <translation>
            <numerusform>%1 über %2 (%3): %n Tabelle</numerusform>
            <numerusform>%1 über %2 (%3): %n Tabellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>list &apos;%1&apos;: created with %n column(s)</source>
        <translation>
            <numerusform>Liste &apos;%1&apos;: mit %n Spalte angelegt</numerusform>
            <numerusform>Liste &apos;%1&apos;: mit %n Spalten angelegt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>list &apos;%1&apos;: existed; %n missing column(s) added</source>
        <translation>
            <numerusform>Liste &apos;%1&apos;: war vorhanden; %n fehlende Spalte hinzugefügt</numerusform>
            <numerusform>Liste &apos;%1&apos;: war vorhanden; %n fehlende Spalten hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lists of &apos;%1&apos;, planned from %2 (%n column(s)):</source>
        <translation>
            <numerusform>Listen von &apos;%1&apos;, geplant aus %2 (%n Spalte):</numerusform>
            <numerusform>Listen von &apos;%1&apos;, geplant aus %2 (%n Spalten):</numerusform>
        </translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>the row is gone from the source</source>
        <translation>die Zeile ist aus der Quelle verschwunden</translation>
    </message>
    <message>
        <source>from &apos;%1&apos;</source>
        <translation>aus &apos;%1&apos;</translation>
    </message>
    <message>
        <source>SharePoint&apos;s item could not be read</source>
        <translation>das Element in SharePoint konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>no field differs (written again to confirm it)</source>
        <translation>kein Feld weicht ab (zur Bestätigung erneut geschrieben)</translation>
    </message>
    <message>
        <source>Planned rows (changes: what SharePoint holds now → the mapped value):</source>
        <translation>Geplante Zeilen (Änderungen: was SharePoint jetzt enthält → der zugeordnete Wert):</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of &apos;%1&apos; are due now; a run of the definition retries them:</source>
        <translation>
            <numerusform>%n Zeile von &apos;%1&apos; ist jetzt fällig; ein Lauf der Definition wiederholt sie:</numerusform>
            <numerusform>%n Zeilen von &apos;%1&apos; sind jetzt fällig; ein Lauf der Definition wiederholt sie:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry queue (%n row(s); the next run takes them first when due):</source>
        <translation>
            <numerusform>Wiederholungswarteschlange (%n Zeile; der nächste Lauf nimmt sie bei Fälligkeit zuerst):</numerusform>
            <numerusform>Wiederholungswarteschlange (%n Zeilen; der nächste Lauf nimmt sie bei Fälligkeit zuerst):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n row(s): %1</source>
        <translation>
            <numerusform>  %n Zeile: %1</numerusform>
            <numerusform>  %n Zeilen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>retry queue: %n row(s) wait (%1 failed in this run, %2 from earlier runs); see: syncbridge-cli retry list &quot;%3&quot;</source>
        <translation>
            <numerusform>Wiederholungswarteschlange: %n Zeile wartet (%1 in diesem Lauf fehlgeschlagen, %2 aus früheren Läufen); siehe: syncbridge-cli retry list &quot;%3&quot;</numerusform>
            <numerusform>Wiederholungswarteschlange: %n Zeilen warten (%1 in diesem Lauf fehlgeschlagen, %2 aus früheren Läufen); siehe: syncbridge-cli retry list &quot;%3&quot;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pending: %n write(s) of rows not in the retry queue wait to be confirmed by the next run</source>
        <translation>
            <numerusform>ausstehend: %n Schreibvorgang von Zeilen außerhalb der Wiederholungswarteschlange wartet auf Bestätigung durch den nächsten Lauf</numerusform>
            <numerusform>ausstehend: %n Schreibvorgänge von Zeilen außerhalb der Wiederholungswarteschlange warten auf Bestätigung durch den nächsten Lauf</numerusform>
        </translation>
    </message>
    <message>
        <source>TRIGGER</source>
        <translation>AUSLÖSER</translation>
    </message>
    <message>
        <source>AGENT</source>
        <translation>AGENT</translation>
    </message>
    <message>
        <source>list     &apos;%1&apos;: %2</source>
        <translation>Liste    &apos;%1&apos;: %2</translation>
    </message>
    <message numerus="yes">
        <source>waiting  %n row(s) in the retry queue when the run ended, %1 now</source>
        <translation>
            <numerusform>wartend  %n Zeile in der Wiederholungswarteschlange bei Laufende, jetzt %1</numerusform>
            <numerusform>wartend  %n Zeilen in der Wiederholungswarteschlange bei Laufende, jetzt %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting  %n row(s) in the retry queue now</source>
        <translation>
            <numerusform>wartend  %n Zeile jetzt in der Wiederholungswarteschlange</numerusform>
            <numerusform>wartend  %n Zeilen jetzt in der Wiederholungswarteschlange</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pending  %n write(s) wait to be confirmed by the next run</source>
        <translation>
            <numerusform>offen    %n Schreibvorgang wartet auf Bestätigung durch den nächsten Lauf</numerusform>
            <numerusform>offen    %n Schreibvorgänge warten auf Bestätigung durch den nächsten Lauf</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>  what to do: %1</source>
        <translation>  was zu tun ist: %1</translation>
    </message>
    <message>
        <source>%1 → database &apos;%2&apos; (instances: %L3, tables in the catalog: %L4)</source>
        <translation>%1 → Datenbank &apos;%2&apos; (Instanzen: %L3, Tabellen im Katalog: %L4)</translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %3.%4 → %n list(s)</source>
        <translation>
            <numerusform>%1  %2  %3.%4 → %n Liste</numerusform>
            <numerusform>%1  %2  %3.%4 → %n Listen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more %1 row(s) (run --json lists every row)</source>
        <translation>
            <numerusform>  … und %n weitere Zeile (%1; run --json listet jede Zeile)</numerusform>
            <numerusform>  … und %n weitere Zeilen (%1; run --json listet jede Zeile)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more planned row(s)</source>
        <translation>
            <numerusform>  … und %n weitere geplante Zeile</numerusform>
            <numerusform>  … und %n weitere geplante Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>drift check of &apos;%1&apos;: in sync</source>
        <translation>Abweichungsprüfung von „%1“: synchron</translation>
    </message>
    <message numerus="yes">
        <source>warning: drift check of &apos;%1&apos; found %n difference(s): %2</source>
        <translation>
            <numerusform>Warnung: Die Abweichungsprüfung von „%1“ fand %n Abweichung: %2</numerusform>
            <numerusform>Warnung: Die Abweichungsprüfung von „%1“ fand %n Abweichungen: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: drift check of &apos;%1&apos; failed: %2</source>
        <translation>Warnung: Die Abweichungsprüfung von „%1“ ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: its replication slot is OK again</source>
        <translation>„%1“: sein Replikationsslot ist wieder in Ordnung</translation>
    </message>
    <message>
        <source>warning: &apos;%1&apos;: replication slot %2: %3</source>
        <translation>Warnung: „%1“: Replikationsslot %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>a CDC definition&apos;s replication slot (lag, wal_status, safe_wal_size), publication and the guardian&apos;s verdict (exit 0 OK, 1 warning, 2 critical or lost)</source>
        <translation>Replikationsslot (Rückstand, wal_status, safe_wal_size), Publikation und Urteil der Überwachung einer CDC-Definition (Exit 0 OK, 1 Warnung, 2 kritisch oder verloren)</translation>
    </message>
    <message>
        <source>drop a CDC definition&apos;s slot and publication (its next run loads the table again)</source>
        <translation>Slot und Publikation einer CDC-Definition entfernen (ihr nächster Lauf lädt die Tabelle erneut)</translation>
    </message>
    <message>
        <source>PEM file of CA certificates trusted for this connection besides the system&apos;s (a proxy that inspects TLS, a national cloud); stored with the connection.</source>
        <translation>PEM-Datei mit CA-Zertifikaten, denen diese Verbindung zusätzlich zu denen des Systems vertraut (ein Proxy, der TLS untersucht, eine nationale Cloud); wird mit der Verbindung gespeichert.</translation>
    </message>
    <message>
        <source>CDC: keep streaming changes for this many seconds (0: until stopped) instead of draining.</source>
        <translation>CDC: Änderungen so viele Sekunden lang weiter streamen (0: bis zum Anhalten), statt nur das Anstehende abzuarbeiten.</translation>
    </message>
    <message>
        <source>CDC: keep streaming until nothing arrived for a short quiet period after catching up.</source>
        <translation>CDC: weiter streamen, bis nach dem Aufholen eine kurze Ruhezeit lang nichts mehr ankommt.</translation>
    </message>
    <message>
        <source>drift repair: only these classes of drift, e.g. +,*,-,&gt;,! (default all of them).</source>
        <translation>drift repair: nur diese Abweichungsklassen, z. B. +,*,-,&gt;,! (Standard: alle).</translation>
    </message>
    <message>
        <source>drift repair: only these differences, by the repairKey `drift check --json` gives each (comma-separated).</source>
        <translation>drift repair: nur diese Abweichungen, angegeben mit dem repairKey, den `drift check --json` für jede ausgibt (durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>CDC: approve loading the table again in a new replication slot when the definition&apos;s slot is gone or lost (items are matched, not duplicated).</source>
        <translation>CDC: erlauben, die Tabelle in einem neuen Replikationsslot erneut zu laden, wenn der Slot der Definition fehlt oder verloren ist (Elemente werden zugeordnet, nicht verdoppelt).</translation>
    </message>
    <message>
        <source>definitions delete: also drop the CDC definition&apos;s replication slot and publication on PostgreSQL.</source>
        <translation>definitions delete: auch Replikationsslot und Publikation der CDC-Definition in PostgreSQL entfernen.</translation>
    </message>
    <message>
        <source>conflicts resolve: take this side&apos;s value: database or sharepoint.</source>
        <translation>conflicts resolve: den Wert dieser Seite übernehmen: database oder sharepoint.</translation>
    </message>
    <message>
        <source>conflicts resolve: give both sides this value (read as the field&apos;s column type).</source>
        <translation>conflicts resolve: beiden Seiten diesen Wert geben (gelesen als Spaltentyp des Felds).</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>decided: %1</source>
        <translation>entschieden: %1</translation>
    </message>
    <message>
        <source>conflicts list takes one definition name</source>
        <translation>conflicts list erwartet den Namen einer Definition</translation>
    </message>
    <message>
        <source>No conflicts of &apos;%1&apos; wait for a decision.</source>
        <translation>Keine Konflikte von „%1“ warten auf eine Entscheidung.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>SharePoint</source>
        <translation>SharePoint</translation>
    </message>
    <message>
        <source>Changed in SharePoint</source>
        <translation>In SharePoint geändert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) of &apos;%1&apos;.</source>
        <translation>
            <numerusform>%n Konflikt von „%1“.</numerusform>
            <numerusform>%n Konflikte von „%1“.</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a value of column &apos;%2&apos; (%3): %4</source>
        <translation>„%1“ ist kein Wert der Spalte „%2“ (%3): %4</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; field &apos;%2&apos; holds numbers.</source>
        <translation>„%1“ ist keine Zahl; das Feld „%2“ enthält Zahlen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not yes or no; field &apos;%2&apos; is Yes/No.</source>
        <translation>„%1“ ist weder yes noch no; das Feld „%2“ ist ein Ja/Nein-Feld.</translation>
    </message>
    <message>
        <source>conflicts resolve takes a conflict id, or --all and a definition name</source>
        <translation>conflicts resolve erwartet eine Konflikt-ID oder --all und den Namen einer Definition</translation>
    </message>
    <message>
        <source>conflicts resolve takes either --use database|sharepoint or --value &lt;text&gt;</source>
        <translation>conflicts resolve erwartet entweder --use database|sharepoint oder --value &lt;Text&gt;</translation>
    </message>
    <message>
        <source>--use takes database or sharepoint, not &apos;%1&apos;</source>
        <translation>--use erwartet database oder sharepoint, nicht „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a conflict id (a number from conflicts list)</source>
        <translation>„%1“ ist keine Konflikt-ID (eine Zahl aus conflicts list)</translation>
    </message>
    <message>
        <source>There is no conflict %1 waiting for a decision.</source>
        <translation>Es gibt keinen Konflikt %1, der auf eine Entscheidung wartet.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) of &apos;%1&apos; decided; the next run writes the decision to both sides.</source>
        <translation>
            <numerusform>%n Konflikt von „%1“ entschieden; der nächste Lauf schreibt die Entscheidung auf beide Seiten.</numerusform>
            <numerusform>%n Konflikte von „%1“ entschieden; der nächste Lauf schreibt die Entscheidungen auf beide Seiten.</numerusform>
        </translation>
    </message>
    <message>
        <source>two-way fields changed on both sides that wait for a decision</source>
        <translation>Felder in beide Richtungen, auf beiden Seiten geändert, die auf eine Entscheidung warten</translation>
    </message>
    <message>
        <source>decide conflicts; the next run writes the value to both sides</source>
        <translation>Konflikte entscheiden; der nächste Lauf schreibt den Wert auf beide Seiten</translation>
    </message>
    <message>
        <source>Extra CA certificate: %1</source>
        <translation>Zusätzliches CA-Zertifikat: %1</translation>
    </message>
    <message>
        <source>--drop-slot is for CDC definitions; &apos;%1&apos; is not one</source>
        <translation>--drop-slot gilt für CDC-Definitionen; „%1“ ist keine</translation>
    </message>
    <message>
        <source>Dropped its replication slot and publication: PostgreSQL keeps no WAL for it any more.</source>
        <translation>Ihr Replikationsslot und ihre Publikation wurden entfernt: PostgreSQL hält dafür kein WAL mehr vor.</translation>
    </message>
    <message>
        <source>Its replication slot &apos;%1&apos; and publication &apos;%2&apos; are left on PostgreSQL, which keeps WAL for the slot until it is dropped. Drop them there: %3</source>
        <translation>Ihr Replikationsslot „%1“ und ihre Publikation „%2“ bleiben in PostgreSQL, das für den Slot WAL vorhält, bis er entfernt wird. Entfernen Sie sie dort: %3</translation>
    </message>
    <message>
        <source>delete a definition and its ledger (SharePoint items stay; --drop-slot: a CDC definition&apos;s slot and publication too)</source>
        <translation>eine Definition und ihr Ledger löschen (SharePoint-Elemente bleiben; --drop-slot: auch Slot und Publikation einer CDC-Definition)</translation>
    </message>
    <message numerus="yes">
        <source>Schema drift: %n finding(s)</source>
        <translation>
            <numerusform>Schemaabweichung: %n Befund</numerusform>
            <numerusform>Schemaabweichung: %n Befunde</numerusform>
        </translation>
    </message>
    <message>
        <source>The rows were not compared: %1</source>
        <translation>Die Zeilen wurden nicht verglichen: %1</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Differenz</translation>
    </message>
    <message numerus="yes">
        <source>In sync: %n row(s) compared</source>
        <translation>
            <numerusform>Synchron: %n Zeile verglichen</numerusform>
            <numerusform>Synchron: %n Zeilen verglichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drift: %n difference(s)</source>
        <translation>
            <numerusform>%n Abweichung</numerusform>
            <numerusform>%n Abweichungen</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 s, %2 RU).</source>
        <translation> (%1 s, %2 RU).</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be planned (see `run --dry-run`) and were not compared.</source>
        <translation>
            <numerusform>%n Zeile konnte nicht geplant werden (siehe `run --dry-run`) und wurde nicht verglichen.</numerusform>
            <numerusform>%n Zeilen konnten nicht geplant werden (siehe `run --dry-run`) und wurden nicht verglichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>drift check takes one definition name</source>
        <translation>drift check erwartet den Namen einer Definition</translation>
    </message>
    <message>
        <source>%1 %2 rows, %3 items   </source>
        <translation>%1 %2 Zeilen, %3 Elemente   </translation>
    </message>
    <message>
        <source>drift repair takes one definition name</source>
        <translation>drift repair erwartet den Namen einer Definition</translation>
    </message>
    <message>
        <source>--classes takes %1 (or their names), not &apos;%2&apos;</source>
        <translation>--classes erwartet %1 (oder ihre Namen), nicht „%2“</translation>
    </message>
    <message>
        <source>--only takes the repairKey of a difference as `drift check --json` gives it (class/list/row/item), not &apos;%1&apos;</source>
        <translation>--only erwartet den repairKey einer Abweichung, wie ihn `drift check --json` ausgibt (class/list/row/item), nicht „%1“</translation>
    </message>
    <message>
        <source>%1: %2 created, %3 updated, %4 moved, %5 deleted   </source>
        <translation>%1: %2 angelegt, %3 aktualisiert, %4 verschoben, %5 gelöscht   </translation>
    </message>
    <message>
        <source>compare the table with its lists (exit 0 in sync, 1 drift found, 2 failed)</source>
        <translation>die Tabelle mit ihren Listen vergleichen (Exit 0 synchron, 1 Abweichung gefunden, 2 fehlgeschlagen)</translation>
    </message>
    <message>
        <source>repair the drift a check finds (preview it with --dry-run)</source>
        <translation>die Abweichungen beheben, die eine Prüfung findet (Vorschau mit --dry-run)</translation>
    </message>
    <message>
        <source>--for and --until-idle cannot be combined</source>
        <translation>--for und --until-idle lassen sich nicht kombinieren</translation>
    </message>
    <message>
        <source>%1 streams a CDC definition&apos;s changes; &apos;%2&apos; is a %3 definition, whose run ends by itself</source>
        <translation>%1 streamt die Änderungen einer CDC-Definition; „%2“ ist eine %3-Definition, deren Lauf von selbst endet</translation>
    </message>
    <message>
        <source>%1 cannot be combined with --dry-run or --backfill</source>
        <translation>%1 lässt sich nicht mit --dry-run oder --backfill kombinieren</translation>
    </message>
    <message>
        <source>--for must be a whole number of seconds, 0 (until stopped) or more (not &apos;%1&apos;)</source>
        <translation>--for muss eine ganze Zahl von Sekunden sein, 0 (bis zum Anhalten) oder mehr (nicht „%1“)</translation>
    </message>
    <message numerus="yes">
        <source>Streaming: lag %L1 bytes (%2 s), %3 changes/s, %n change(s) queued, </source>
        <translation>
            <numerusform>Streaming: Rückstand %L1 Bytes (%2 s), %3 Änderungen/s, %n Änderung wartend, </numerusform>
            <numerusform>Streaming: Rückstand %L1 Bytes (%2 s), %3 Änderungen/s, %n Änderungen wartend, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delivered (%1 created, %2 updated, %3 deleted, %4 failed)   </source>
        <translation>
            <numerusform>%n zugestellt (%1 angelegt, %2 aktualisiert, %3 gelöscht, %4 fehlgeschlagen)   </numerusform>
            <numerusform>%n zugestellt (%1 angelegt, %2 aktualisiert, %3 gelöscht, %4 fehlgeschlagen)   </numerusform>
        </translation>
    </message>
    <message>
        <source>push the definition&apos;s rows to SharePoint (CDC: drain what was committed, or keep streaming with --for/--until-idle)</source>
        <translation>die Zeilen der Definition nach SharePoint übertragen (CDC: das Festgeschriebene abarbeiten oder mit --for/--until-idle weiter streamen)</translation>
    </message>
    <message>
        <source>the item was deleted in SharePoint</source>
        <translation>das Element wurde in SharePoint gelöscht</translation>
    </message>
    <message>
        <source>Planned rows (the values each would write):</source>
        <translation>Geplante Zeilen (die Werte, die jede schreiben würde):</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ColumnOptionsBar</name>
    <message>
        <source>Link te&amp;xt from:</source>
        <translation>Linkte&amp;xt aus:</translation>
    </message>
    <message>
        <source>Holds &amp;HTML (rich text)</source>
        <translation>Enthält &amp;HTML (Rich Text)</translation>
    </message>
    <message>
        <source>Add ne&amp;w values to the column&apos;s choices</source>
        <translation>Neue Werte zu den A&amp;uswahlwerten der Spalte hinzufügen</translation>
    </message>
    <message>
        <source>The source column whose value is the link&apos;s text in SharePoint; a pull writes the text back into it</source>
        <translation>Die Quellspalte, deren Wert in SharePoint der Text des Links ist; ein Abruf schreibt den Text in sie zurück</translation>
    </message>
    <message>
        <source>The source column holds HTML: a list SyncBridge provisions gets a column of rich text for it. Values are sent as they are either way.</source>
        <translation>Die Quellspalte enthält HTML: Eine Liste, die SyncBridge anlegt, erhält dafür eine Spalte mit Rich Text. Die Werte werden in jedem Fall unverändert gesendet.</translation>
    </message>
    <message>
        <source>A value the choice column does not offer is added to its choices before the rows that carry it are written. Off: such a row fails with SharePoint&apos;s reason and waits in the retry queue.</source>
        <translation>Ein Wert, den die Auswahlspalte nicht anbietet, wird ihren Auswahlwerten hinzugefügt, bevor die Zeilen geschrieben werden, die ihn enthalten. Aus: Eine solche Zeile schlägt mit der Begründung von SharePoint fehl und wartet in der Wiederholungswarteschlange.</translation>
    </message>
    <message>
        <source>the URL itself</source>
        <translation>die URL selbst</translation>
    </message>
    <message>
        <source>%1 (not a column of the table)</source>
        <translation>%1 (keine Spalte der Tabelle)</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConditionBuilder</name>
    <message>
        <source>Add condition</source>
        <translation>Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>e.g. status == &apos;Active&apos; and budget_amount &gt;= 1000000</source>
        <translation>z. B. status == &apos;Active&apos; and budget_amount &gt;= 1000000</translation>
    </message>
    <message>
        <source>The condition as text: ==, !=, &lt;, &lt;=, &gt;, &gt;=, in (…), contains, starts with, is null, is not null; and, or, not; &apos;text&apos; in quotes</source>
        <translation>Die Bedingung als Text: ==, !=, &lt;, &lt;=, &gt;, &gt;=, in (…), contains, starts with, is null, is not null; and, or, not; &apos;Text&apos; in Anführungszeichen</translation>
    </message>
    <message>
        <source>Column / group</source>
        <translation>Spalte / Gruppe</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add a column–operator–value row to the selected group</source>
        <translation>Eine Zeile Spalte–Operator–Wert zur gewählten Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Add a group whose rows must all match (or any of them)</source>
        <translation>Eine Gruppe hinzufügen, deren Zeilen alle zutreffen müssen (oder eine davon)</translation>
    </message>
    <message>
        <source>Condition as text:</source>
        <translation>Bedingung als Text:</translation>
    </message>
    <message>
        <source>not (%1)</source>
        <translation>nicht (%1)</translation>
    </message>
    <message>
        <source>Edit &apos;not&apos; conditions in the text form</source>
        <translation>&apos;not&apos;-Bedingungen in der Textform bearbeiten</translation>
    </message>
    <message>
        <source>All of (and)</source>
        <translation>Alle (und)</translation>
    </message>
    <message>
        <source>Any of (or)</source>
        <translation>Eine davon (oder)</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConflictComparison</name>
    <message>
        <source>Last agreed</source>
        <translation>Zuletzt übereinstimmend</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>SharePoint</source>
        <translation>SharePoint</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; of row &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; der Zeile &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What both sides held after the last sync</source>
        <translation>Was beide Seiten nach der letzten Synchronisation enthielten</translation>
    </message>
    <message>
        <source>Changed in the database</source>
        <translation>In der Datenbank geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Changed in the database, %1</source>
        <translation>In der Datenbank geändert, %1</translation>
    </message>
    <message>
        <source>Changed in SharePoint</source>
        <translation>In SharePoint geändert</translation>
    </message>
    <message>
        <source>Changed by %1, %2</source>
        <translation>Geändert von %1, %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Decision:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Entscheidung:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Choose a conflict to compare its values.</source>
        <translation>Wählen Sie einen Konflikt, um seine Werte zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConflictList</name>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Conflicts, by row</source>
        <translation>Konflikte, nach Zeile</translation>
    </message>
    <message>
        <source>Row and field</source>
        <translation>Zeile und Feld</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>SharePoint</source>
        <translation>SharePoint</translation>
    </message>
    <message>
        <source>Changed in SharePoint by</source>
        <translation>In SharePoint geändert von</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
    <message>
        <source>All decided</source>
        <translation>Alle entschieden</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConflictValueDialog</name>
    <message>
        <source>Edit the value of %1</source>
        <translation>Den Wert von %1 bearbeiten</translation>
    </message>
    <message numerus="yes">
        <source>The value you enter is given to both sides for %n conflict(s) of &apos;%1&apos;.</source>
        <translation>
            <numerusform>Der eingegebene Wert geht für %n Konflikt von „%1“ an beide Seiten.</numerusform>
            <numerusform>Der eingegebene Wert geht für %n Konflikte von „%1“ an beide Seiten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The value you enter is given to both sides for &apos;%1&apos; of %2.</source>
        <translation>Der eingegebene Wert geht für „%1“ von %2 an beide Seiten.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>— no value</source>
        <translation>— kein Wert</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Auswahlwerte</translation>
    </message>
    <message>
        <source>Other choices, separated by ;</source>
        <translation>Weitere Auswahlwerte, getrennt durch ;</translation>
    </message>
    <message>
        <source>Other choices</source>
        <translation>Weitere Auswahlwerte</translation>
    </message>
    <message>
        <source>&amp;Choices:</source>
        <translation>&amp;Auswahlwerte:</translation>
    </message>
    <message>
        <source>&amp;Others:</source>
        <translation>W&amp;eitere:</translation>
    </message>
    <message>
        <source>A number, such as %1; empty for no value</source>
        <translation>Eine Zahl wie %1; leer für keinen Wert</translation>
    </message>
    <message>
        <source>A date as yyyy-mm-dd; empty for no value</source>
        <translation>Ein Datum als JJJJ-MM-TT; leer für keinen Wert</translation>
    </message>
    <message>
        <source>Empty for no value</source>
        <translation>Leer für keinen Wert</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>Diesen Wert verwenden</translation>
    </message>
    <message>
        <source>“%1” is not a number. Enter a number such as %2, or nothing for no value.</source>
        <translation>„%1“ ist keine Zahl. Geben Sie eine Zahl wie %2 ein oder nichts für keinen Wert.</translation>
    </message>
    <message>
        <source>“%1” is not a date. Enter it as yyyy-mm-dd (for example %2), or nothing for no value.</source>
        <translation>„%1“ ist kein Datum. Geben Sie es als JJJJ-MM-TT ein (zum Beispiel %2) oder nichts für keinen Wert.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>De&amp;finition:</source>
        <translation>De&amp;finition:</translation>
    </message>
    <message>
        <source>Cannot read the definitions: %1</source>
        <translation>Die Definitionen können nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n open)</source>
        <translation>
            <numerusform>%1 (%n offen)</numerusform>
            <numerusform>%1 (%n offen)</numerusform>
        </translation>
    </message>
    <message>
        <source>No sync definitions yet: conflicts belong to a two-way definition.</source>
        <translation>Noch keine Synchronisationsdefinitionen: Konflikte gehören zu einer Definition in beide Richtungen.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConflictsView</name>
    <message>
        <source>Use &amp;database value</source>
        <translation>Wert der &amp;Datenbank übernehmen</translation>
    </message>
    <message>
        <source>Use &amp;SharePoint value</source>
        <translation>Wert aus &amp;SharePoint übernehmen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Choose &amp;all</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation>&amp;Jetzt ausführen</translation>
    </message>
    <message>
        <source>Waiting for a decision or a run</source>
        <translation>Warten auf Entscheidung oder Lauf</translation>
    </message>
    <message>
        <source>Applied (history)</source>
        <translation>Angewendet (Verlauf)</translation>
    </message>
    <message>
        <source>Show conflicts</source>
        <translation>Konflikte anzeigen</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <source>Both sides get the database&apos;s value</source>
        <translation>Beide Seiten erhalten den Wert der Datenbank</translation>
    </message>
    <message>
        <source>Both sides get SharePoint&apos;s value</source>
        <translation>Beide Seiten erhalten den Wert aus SharePoint</translation>
    </message>
    <message>
        <source>Both sides get a value you enter</source>
        <translation>Beide Seiten erhalten einen Wert, den Sie eingeben</translation>
    </message>
    <message>
        <source>Choose every conflict of the definition (Ctrl+A in the list)</source>
        <translation>Alle Konflikte der Definition auswählen (Strg+A in der Liste)</translation>
    </message>
    <message>
        <source>Decisions are applied to both sides at the definition&apos;s next run; until then you can change them.</source>
        <translation>Entscheidungen werden beim nächsten Lauf der Definition auf beide Seiten angewendet; bis dahin können Sie sie ändern.</translation>
    </message>
    <message>
        <source>Start the definition&apos;s run now, which applies the decisions</source>
        <translation>Den Lauf der Definition jetzt starten; er wendet die Entscheidungen an</translation>
    </message>
    <message>
        <source>Cannot read the conflicts: %1</source>
        <translation>Die Konflikte können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No decision applied yet&lt;/h3&gt;&lt;p&gt;Conflicts whose decision a run has written to both sides are listed here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch keine Entscheidung angewendet&lt;/h3&gt;&lt;p&gt;Hier stehen Konflikte, deren Entscheidung ein Lauf auf beide Seiten geschrieben hat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Choose conflicts of one field to give them a value you enter</source>
        <translation>Wählen Sie Konflikte eines Felds, um ihnen einen eingegebenen Wert zu geben</translation>
    </message>
    <message>
        <source>Choose conflicts to decide (a row chooses all its fields)</source>
        <translation>Wählen Sie die zu entscheidenden Konflikte (eine Zeile wählt alle ihre Felder)</translation>
    </message>
    <message>
        <source>Not every decision was recorded: %1</source>
        <translation>Nicht jede Entscheidung wurde gespeichert: %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No conflicts&lt;/h3&gt;&lt;p&gt;A conflict is one field of one row changed in the database &lt;i&gt;and&lt;/i&gt; in SharePoint, to different values, since they last agreed. Only two-way definitions whose conflict policy is &lt;b&gt;Ask (manual)&lt;/b&gt; keep them here for you to decide; other policies decide by themselves, and fields changed on one side only simply sync.&lt;/p&gt;&lt;p&gt;A run that finds conflicts lists them here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keine Konflikte&lt;/h3&gt;&lt;p&gt;Ein Konflikt ist ein Feld einer Zeile, das seit der letzten Übereinstimmung in der Datenbank &lt;i&gt;und&lt;/i&gt; in SharePoint auf unterschiedliche Werte geändert wurde. Nur Definitionen in beide Richtungen mit der Konfliktregel &lt;b&gt;Nachfragen (manuell)&lt;/b&gt; legen sie Ihnen hier zur Entscheidung vor; andere Regeln entscheiden selbst, und nur auf einer Seite geänderte Felder werden einfach synchronisiert.&lt;/p&gt;&lt;p&gt;Ein Lauf, der Konflikte findet, listet sie hier auf.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Applies to %n chosen conflict(s)</source>
        <translation>
            <numerusform>Gilt für %n gewählten Konflikt</numerusform>
            <numerusform>Gilt für %n gewählte Konflikte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConnectionsModel</name>
    <message>
        <source>Primary</source>
        <translation>Primär</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>Standby</translation>
    </message>
    <message>
        <source>Replica</source>
        <translation>Replikat</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>%1 #%2 · %3@%4:%5</source>
        <translation>%1 #%2 · %3@%4:%5</translation>
    </message>
    <message numerus="yes">
        <source>database “%1”, %n instance(s)</source>
        <translation>
            <numerusform>Datenbank „%1“, %n Instanz</numerusform>
            <numerusform>Datenbank „%1“, %n Instanzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung</numerusform>
            <numerusform>%n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <source>SharePoint</source>
        <translation>SharePoint</translation>
    </message>
    <message>
        <source>tenant %1 · %2</source>
        <translation>Mandant %1 · %2</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ConnectionsPage</name>
    <message>
        <source>&lt;h3&gt;No connections yet&lt;/h3&gt;&lt;p&gt;Add the PostgreSQL database you want to sync from (&lt;b&gt;Add database…&lt;/b&gt;, Ctrl+N) and the SharePoint tenant to sync to (&lt;b&gt;Add SharePoint…&lt;/b&gt;, Ctrl+Shift+N).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch keine Verbindungen&lt;/h3&gt;&lt;p&gt;Fügen Sie die PostgreSQL-Datenbank hinzu, aus der synchronisiert wird (&lt;b&gt;Datenbank hinzufügen…&lt;/b&gt;, Strg+N), und den SharePoint-Mandanten, in den synchronisiert wird (&lt;b&gt;SharePoint hinzufügen…&lt;/b&gt;, Strg+Umschalt+N).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Connection test:</source>
        <translation>Verbindungstest:</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Connections&lt;/h2&gt;Where SyncBridge reads from and writes to. Passwords and client secrets are kept in the system keychain.</source>
        <translation>&lt;h2&gt;Verbindungen&lt;/h2&gt;Woraus SyncBridge liest und wohin es schreibt. Passwörter und geheime Clientschlüssel liegen im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Add &amp;database…</source>
        <translation>&amp;Datenbank hinzufügen…</translation>
    </message>
    <message>
        <source>Add a PostgreSQL database with one or more instances (Ctrl+N)</source>
        <translation>Eine PostgreSQL-Datenbank mit einer oder mehreren Instanzen hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <source>Add &amp;SharePoint…</source>
        <translation>&amp;SharePoint hinzufügen…</translation>
    </message>
    <message>
        <source>Add a SharePoint (Microsoft Graph) connection (Ctrl+Shift+N)</source>
        <translation>Eine SharePoint-Verbindung (Microsoft Graph) hinzufügen (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Connect to every instance and report what answers (Ctrl+T)</source>
        <translation>Jede Instanz verbinden und melden, welche antwortet (Strg+T)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;PostgreSQL database &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;PostgreSQL-Datenbank &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n instance(s), tried in failover order.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n Instanz, in Failover-Reihenfolge versucht.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n Instanzen, in Failover-Reihenfolge versucht.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Tenant &lt;b&gt;%2&lt;/b&gt;, client ID &lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Authority: %4&lt;br&gt;Graph: %5&lt;br&gt;Budget: %6 resource units per minute&lt;/p&gt;&lt;p&gt;Client secret: %7&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Mandant &lt;b&gt;%2&lt;/b&gt;, Client-ID &lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Autorität: %4&lt;br&gt;Graph: %5&lt;br&gt;Budget: %6 Ressourceneinheiten pro Minute&lt;/p&gt;&lt;p&gt;Geheimer Clientschlüssel: %7&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Select a connection to see its details.</source>
        <translation>Wählen Sie eine Verbindung, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Another connection already has this name; choose a different one.</source>
        <translation>Eine andere Verbindung trägt diesen Namen bereits; wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>The system keychain is unavailable: passwords are kept for this session only and must be entered again after a restart. Unlock or start your keyring to store them permanently.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar: Passwörter gelten nur für diese Sitzung und müssen nach einem Neustart erneut eingegeben werden. Entsperren oder starten Sie Ihren Schlüsselbund, um sie dauerhaft zu speichern.</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Delete “%1” and its stored passwords? Sync definitions that use it stop working.</source>
        <translation>„%1“ und die gespeicherten Passwörter löschen? Synchronisationsdefinitionen, die sie nutzen, funktionieren dann nicht mehr.</translation>
    </message>
    <message>
        <source>%1 (%2:%3): connecting…</source>
        <translation>%1 (%2:%3): verbinde…</translation>
    </message>
    <message>
        <source>%1: %2, answered in %3 ms</source>
        <translation>%1: %2, Antwort nach %3 ms</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>S&amp;top test</source>
        <translation>Test &amp;anhalten</translation>
    </message>
    <message>
        <source>Ask for a token and read the sites and lists of the definitions that use it (Ctrl+T)</source>
        <translation>Ein Token anfordern und die Websites und Listen der Definitionen lesen, die sie verwenden (Strg+T)</translation>
    </message>
    <message>
        <source>Test stopped.</source>
        <translation>Test angehalten.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Cron</name>
    <message>
        <source>minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>day-of-month</source>
        <translation>Tag des Monats</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>day-of-week</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>at %1: %2</source>
        <translation>an Stelle %1: %2</translation>
    </message>
    <message>
        <source>%1, at %2: %3</source>
        <translation>%1, an Stelle %2: %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known IANA time zone</source>
        <translation>&apos;%1&apos; ist keine bekannte IANA-Zeitzone</translation>
    </message>
</context>
<context>
    <name>SyncBridge::CronDescription</name>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
</context>
<context>
    <name>SyncBridge::CursorAdvice</name>
    <message>
        <source>No index starts with %1: every run sorts the whole table to find the changed rows. Create one, e.g. CREATE INDEX ON %2 (%1, %3).</source>
        <translation>Kein Index beginnt mit %1: jeder Lauf sortiert die ganze Tabelle, um die geänderten Zeilen zu finden. Legen Sie einen an, z. B. CREATE INDEX ON %2 (%1, %3).</translation>
    </message>
    <message>
        <source>%1 can be NULL and has no default: rows without a stamp have no position, so every run reads them all again. Give it a default and keep it stamped, e.g. ALTER TABLE %2 ALTER COLUMN %1 SET DEFAULT now().</source>
        <translation>%1 kann NULL sein und hat keinen Standardwert: Zeilen ohne Zeitstempel haben keine Position, daher liest jeder Lauf sie alle erneut. Geben Sie der Spalte einen Standardwert und halten Sie sie aktuell, z. B. ALTER TABLE %2 ALTER COLUMN %1 SET DEFAULT now().</translation>
    </message>
</context>
<context>
    <name>SyncBridge::DatabaseDialog</name>
    <message>
        <source>Add database connection</source>
        <translation>Datenbankverbindung hinzufügen</translation>
    </message>
    <message>
        <source>Edit database connection</source>
        <translation>Datenbankverbindung bearbeiten</translation>
    </message>
    <message>
        <source>How SyncBridge calls it, e.g. “Projects (production)”</source>
        <translation>Wie SyncBridge sie nennt, z. B. „Projekte (Produktion)“</translation>
    </message>
    <message>
        <source>The PostgreSQL database, e.g. “projects”</source>
        <translation>Die PostgreSQL-Datenbank, z. B. „projects“</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>B&amp;eschreibung:</translation>
    </message>
    <message>
        <source>Instances (tried in failover order):</source>
        <translation>Instanzen (in Failover-Reihenfolge versucht):</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>Enter the PostgreSQL database name.</source>
        <translation>Geben Sie den Namen der PostgreSQL-Datenbank ein.</translation>
    </message>
    <message>
        <source>Add at least one instance.</source>
        <translation>Fügen Sie mindestens eine Instanz hinzu.</translation>
    </message>
    <message>
        <source>Instance %1 needs a name.</source>
        <translation>Instanz %1 braucht einen Namen.</translation>
    </message>
    <message>
        <source>Two instances are called “%1”.</source>
        <translation>Zwei Instanzen heißen „%1“.</translation>
    </message>
    <message>
        <source>Instance “%1” needs a host.</source>
        <translation>Instanz „%1“ braucht einen Host.</translation>
    </message>
    <message>
        <source>Instance “%1” needs a user.</source>
        <translation>Instanz „%1“ braucht einen Benutzer.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::DefinitionCard</name>
    <message>
        <source>%1.%2 → %3</source>
        <translation>%1.%2 → %3</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run Sync Now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Manual runs only</source>
        <translation>Nur manuelle Läufe</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Plan the run and count what it would do, writing nothing</source>
        <translation>Den Lauf planen und zählen, was er täte, ohne etwas zu schreiben</translation>
    </message>
    <message>
        <source>Finish the page in flight, record it, and stop</source>
        <translation>Die laufende Seite abschließen, vermerken und anhalten</translation>
    </message>
    <message>
        <source>Every count of the run, and the rows that failed with their errors</source>
        <translation>Alle Zählungen des Laufs und die fehlgeschlagenen Zeilen mit ihren Fehlern</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Never run. &lt;b&gt;Run Sync Now&lt;/b&gt; pushes every row the first time.</source>
        <translation>Noch nie gelaufen. &lt;b&gt;Jetzt synchronisieren&lt;/b&gt; überträgt beim ersten Mal jede Zeile.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Running…&lt;/b&gt;</source>
        <translation>&lt;b&gt;Läuft…&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Push the rows that changed since the last run</source>
        <translation>Die seit dem letzten Lauf geänderten Zeilen übertragen</translation>
    </message>
    <message>
        <source>Never synced: only previewed. &lt;b&gt;Run Sync Now&lt;/b&gt; pushes every row the first time.</source>
        <translation>Noch nie synchronisiert, nur als Vorschau angesehen. &lt;b&gt;Jetzt synchronisieren&lt;/b&gt; überträgt beim ersten Mal jede Zeile.</translation>
    </message>
    <message>
        <source>No preview yet.</source>
        <translation>Noch keine Vorschau.</translation>
    </message>
    <message>
        <source>Last preview (dry run, nothing written): %1 · %2 · %3</source>
        <translation>Letzte Vorschau (Probelauf, nichts geschrieben): %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Last sync: &lt;span style=&apos;color:%1&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/span&gt; · %3 · %4</source>
        <translation>Letzte Synchronisation: &lt;span style=&apos;color:%1&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/span&gt; · %3 · %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stopping…&lt;/b&gt; What was written is being recorded.</source>
        <translation>&lt;b&gt;Wird angehalten…&lt;/b&gt; Das bisher Geschriebene wird erfasst.</translation>
    </message>
    <message>
        <source>%1 — schedules paused on this computer</source>
        <translation>%1 — Zeitpläne auf diesem Computer pausiert</translation>
    </message>
    <message>
        <source>Schedule paused</source>
        <translation>Zeitplan pausiert</translation>
    </message>
    <message>
        <source>Schedule not valid: %1</source>
        <translation>Zeitplan ungültig: %1</translation>
    </message>
    <message>
        <source>No next run: the schedule never matches a date</source>
        <translation>Kein nächster Lauf: der Zeitplan trifft nie auf ein Datum zu</translation>
    </message>
    <message>
        <source>Next run %1 (%2)</source>
        <translation>Nächster Lauf %1 (%2)</translation>
    </message>
    <message>
        <source>Next run %1 (%2 %3)</source>
        <translation>Nächster Lauf %1 (%2 %3)</translation>
    </message>
    <message>
        <source>%1, %2 (cron %3)</source>
        <translation>%1, %2 (Cron %3)</translation>
    </message>
    <message>
        <source>Fields changed on both sides that wait for your decision</source>
        <translation>Auf beiden Seiten geänderte Felder, die auf Ihre Entscheidung warten</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>Konflikte (%n)</numerusform>
            <numerusform>Konflikte (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n offener Konflikt</numerusform>
            <numerusform>%n offene Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <source>Slot: %1</source>
        <translation>Slot: %1</translation>
    </message>
    <message>
        <source>Replication slot: %1</source>
        <translation>Replikationsslot: %1</translation>
    </message>
</context>
<context>
    <name>SyncBridge::DefinitionCheck</name>
    <message numerus="yes">
        <source>%n rows share %1</source>
        <translation>
            <numerusform>%n Zeile teilt %1</numerusform>
            <numerusform>%n Zeilen teilen %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n more key value(s) are shared</source>
        <translation>
            <numerusform>; %n weiterer Schlüsselwert wird geteilt</numerusform>
            <numerusform>; %n weitere Schlüsselwerte werden geteilt</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a column of %2.</source>
        <translation>&apos;%1&apos; ist keine Spalte von %2.</translation>
    </message>
    <message>
        <source>Did you mean &apos;%1&apos;?</source>
        <translation>Meinten Sie &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>%1 has no primary key: name the key columns, whose values tell the rows apart and are never NULL.</source>
        <translation>%1 hat keinen Primärschlüssel: nennen Sie die Schlüsselspalten, deren Werte die Zeilen unterscheiden und die nie NULL sind.</translation>
    </message>
    <message>
        <source>List &apos;%1&apos;: </source>
        <translation>Liste &apos;%1&apos;: </translation>
    </message>
    <message>
        <source>(&apos;%1&apos; is not in the catalog, so it is checked as a run would create it from the table; if it exists in SharePoint, read it into the catalog first.)</source>
        <translation>(&apos;%1&apos; ist nicht im Katalog und wird daher so geprüft, wie ein Lauf sie aus der Tabelle anlegen würde; falls sie in SharePoint existiert, lesen Sie sie zuerst in den Katalog ein.)</translation>
    </message>
    <message>
        <source>The key (%1) is not unique: %2</source>
        <translation>Der Schlüssel (%1) ist nicht eindeutig: %2</translation>
    </message>
    <message>
        <source>Rows that share a key would overwrite one item. Name key columns whose values tell the rows apart (a unique index on them makes this check free).</source>
        <translation>Zeilen mit gleichem Schlüssel würden ein einziges Element überschreiben. Nennen Sie Schlüsselspalten, deren Werte die Zeilen unterscheiden (ein eindeutiger Index darauf macht diese Prüfung kostenlos).</translation>
    </message>
    <message>
        <source>A two-way definition syncs its table with exactly one list (target strategy SINGLE, one target). Rules that route rows to several lists are refused: an item edited or created in one list could not be told from the same row&apos;s item in another, and a row whose route changes would move between lists while people edit it there, losing their edit. Use one two-way definition per list, or a PUSH definition for the rules.</source>
        <translation>Eine Definition in beide Richtungen synchronisiert ihre Tabelle mit genau einer Liste (Zielstrategie SINGLE, ein Ziel). Regeln, die Zeilen auf mehrere Listen verteilen, werden abgelehnt: Ein in einer Liste bearbeitetes oder angelegtes Element ließe sich nicht vom Element derselben Zeile in einer anderen unterscheiden, und eine Zeile, deren Verteilung sich ändert, würde zwischen Listen wandern, während Personen sie dort bearbeiten, und deren Änderung ginge verloren. Verwenden Sie eine Definition in beide Richtungen je Liste oder eine PUSH-Definition für die Regeln.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::DefinitionEditor</name>
    <message numerus="yes">
        <source>Sample values: the first %n row(s) of %1 by key.</source>
        <translation>
            <numerusform>Beispielwerte: %n Zeile von %1, die erste nach Schlüssel.</numerusform>
            <numerusform>Beispielwerte: die ersten %n Zeilen von %1 nach Schlüssel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Values SharePoint cannot hold are left out (%1).</source>
        <translation>Werte, die SharePoint nicht speichern kann, fehlen (%1).</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Lists &amp;&amp; routing</source>
        <translation>&amp;Listen &amp;&amp; Verteilung</translation>
    </message>
    <message>
        <source>&amp;Mappings</source>
        <translation>&amp;Zuordnungen</translation>
    </message>
    <message>
        <source>&amp;Preview &amp;&amp; run</source>
        <translation>&amp;Vorschau &amp;&amp; Lauf</translation>
    </message>
    <message>
        <source>The SharePoint lists and the rules that send each row to one of them, with live counts</source>
        <translation>Die SharePoint-Listen und die Regeln, die jede Zeile einer davon zuweisen, mit Live-Zählung</translation>
    </message>
    <message>
        <source>Which source column fills which SharePoint column, in which direction, transformed how</source>
        <translation>Welche Quellspalte welche SharePoint-Spalte füllt, in welche Richtung, wie umgewandelt</translation>
    </message>
    <message>
        <source>What a run would do, without writing anything; and Run Sync Now</source>
        <translation>Was ein Lauf täte, ohne etwas zu schreiben; und Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Columns of the list &apos;%1&apos; in %2 (from the catalog).</source>
        <translation>Spalten der Liste &apos;%1&apos; in %2 (aus dem Katalog).</translation>
    </message>
    <message>
        <source>Reading sample rows…</source>
        <translation>Beispielzeilen werden gelesen…</translation>
    </message>
    <message>
        <source>No sample rows: %1</source>
        <translation>Keine Beispielzeilen: %1</translation>
    </message>
    <message>
        <source>Choose the source table under General to count its rows per list.</source>
        <translation>Wählen Sie unter Allgemein die Quelltabelle, um ihre Zeilen je Liste zu zählen.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Zählen…</translation>
    </message>
    <message>
        <source>Mapping %1 → %2: %3</source>
        <translation>Zuordnung %1 → %2: %3</translation>
    </message>
    <message>
        <source>Choose a SharePoint list under &apos;Lists &amp; routing&apos; to map columns into it.</source>
        <translation>Wählen Sie unter &apos;Listen &amp; Verteilung&apos; eine SharePoint-Liste, um ihr Spalten zuzuordnen.</translation>
    </message>
    <message>
        <source>The columns of &apos;%1&apos; are not known yet: these are the columns provisioning would create from the table. Read list columns reads the list&apos;s real columns from SharePoint.</source>
        <translation>Die Spalten von &apos;%1&apos; sind noch nicht bekannt: dies sind die Spalten, die das Anlegen aus der Tabelle erzeugen würde. „Listenspalten lesen“ liest die tatsächlichen Spalten der Liste aus SharePoint.</translation>
    </message>
    <message>
        <source>Reading the columns of &apos;%1&apos; from SharePoint…</source>
        <translation>Die Spalten von &apos;%1&apos; werden aus SharePoint gelesen…</translation>
    </message>
    <message>
        <source>The list&apos;s columns could not be read: %1</source>
        <translation>Die Spalten der Liste konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Choose the source table under General first: a new list is provisioned from it.</source>
        <translation>Wählen Sie zuerst unter Allgemein die Quelltabelle: aus ihr wird eine neue Liste angelegt.</translation>
    </message>
    <message>
        <source>SharePoint cannot be reached from here.</source>
        <translation>SharePoint ist von hier aus nicht erreichbar.</translation>
    </message>
    <message>
        <source>The site has no list &apos;%1&apos; yet: provision it (Lists &amp; routing → List → Provision a new list…), or let the first run create it.</source>
        <translation>Die Website hat noch keine Liste &apos;%1&apos;: legen Sie sie an (Listen &amp; Verteilung → Liste → Neue Liste anlegen…) oder lassen Sie sie beim ersten Lauf anlegen.</translation>
    </message>
    <message>
        <source>Sche&amp;dule</source>
        <translation>Zeit&amp;plan</translation>
    </message>
    <message>
        <source>When the definition runs by itself: cron, time zone, missed runs, pause; the next runs</source>
        <translation>Wann die Definition von selbst läuft: Cron, Zeitzone, verpasste Läufe, Pause; die nächsten Läufe</translation>
    </message>
    <message>
        <source>D&amp;rift</source>
        <translation>Ab&amp;weichungen</translation>
    </message>
    <message>
        <source>Replicati&amp;on</source>
        <translation>&amp;Replikation</translation>
    </message>
    <message>
        <source>How the lists differ from the table now, and a repair of what differs</source>
        <translation>Wie die Listen jetzt von der Tabelle abweichen, und eine Reparatur der Abweichungen</translation>
    </message>
    <message>
        <source>The CDC definition&apos;s replication slot: lag, wal_status, safe_wal_size, and what to do</source>
        <translation>Der Replikationsslot der CDC-Definition: Rückstand, wal_status, safe_wal_size und was zu tun ist</translation>
    </message>
    <message>
        <source>The table&apos;s or a list&apos;s columns changed under the mappings: see what to do in the Drift tab</source>
        <translation>Die Spalten der Tabelle oder einer Liste haben sich unter den Zuordnungen geändert: was zu tun ist, steht im Reiter „Abweichungen“</translation>
    </message>
</context>
<context>
    <name>SyncBridge::DefinitionForm</name>
    <message>
        <source>Enabled (scheduled runs and Run Sync Now)</source>
        <translation>Aktiv (geplante Läufe und „Jetzt synchronisieren“)</translation>
    </message>
    <message>
        <source>Push (database → lists)</source>
        <translation>Übertragen (Datenbank → Listen)</translation>
    </message>
    <message>
        <source>Pull (lists → database)</source>
        <translation>Abrufen (Listen → Datenbank)</translation>
    </message>
    <message>
        <source>Two-way</source>
        <translation>In beide Richtungen</translation>
    </message>
    <message>
        <source>CDC (logical replication)</source>
        <translation>CDC (logische Replikation)</translation>
    </message>
    <message>
        <source>The database wins</source>
        <translation>Die Datenbank gewinnt</translation>
    </message>
    <message>
        <source>SharePoint wins</source>
        <translation>SharePoint gewinnt</translation>
    </message>
    <message>
        <source>The latest change wins</source>
        <translation>Die jüngste Änderung gewinnt</translation>
    </message>
    <message>
        <source>Ask (manual)</source>
        <translation>Nachfragen (manuell)</translation>
    </message>
    <message>
        <source>Primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>Unique constraint</source>
        <translation>Eindeutigkeitsbedingung</translation>
    </message>
    <message>
        <source>Chosen columns</source>
        <translation>Gewählte Spalten</translation>
    </message>
    <message>
        <source>Hash of chosen columns</source>
        <translation>Hash gewählter Spalten</translation>
    </message>
    <message>
        <source>Changed rows, by a timestamp or increasing column</source>
        <translation>Geänderte Zeilen, nach einem Zeitstempel oder einer steigenden Spalte</translation>
    </message>
    <message>
        <source>Every row, every run (finds deleted rows)</source>
        <translation>Jede Zeile bei jedem Lauf (findet gelöschte Zeilen)</translation>
    </message>
    <message>
        <source>Change data capture</source>
        <translation>Änderungsdatenerfassung</translation>
    </message>
    <message>
        <source>One list</source>
        <translation>Eine Liste</translation>
    </message>
    <message>
        <source>Lists chosen by sharding rules</source>
        <translation>Listen nach Verteilregeln</translation>
    </message>
    <message>
        <source>Leave their items</source>
        <translation>Ihre Elemente belassen</translation>
    </message>
    <message>
        <source>Delete their items</source>
        <translation>Ihre Elemente löschen</translation>
    </message>
    <message>
        <source>Flag their items (SyncBridgeGone)</source>
        <translation>Ihre Elemente markieren (SyncBridgeGone)</translation>
    </message>
    <message>
        <source>Above this share of a list&apos;s items, a run asks before deleting</source>
        <translation>Über diesem Anteil der Elemente einer Liste fragt ein Lauf vor dem Löschen nach</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Row identity</source>
        <translation>Zeilenidentität</translation>
    </message>
    <message>
        <source>Key columns</source>
        <translation>Schlüsselspalten</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Cursor column</source>
        <translation>Cursorspalte</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Rows gone from the source</source>
        <translation>Aus der Quelle verschwundene Zeilen</translation>
    </message>
    <message>
        <source>Ask before deleting more than</source>
        <translation>Nachfragen, bevor mehr gelöscht wird als</translation>
    </message>
    <message>
        <source>%1 (%2, %3:%4)</source>
        <translation>%1 (%2, %3:%4)</translation>
    </message>
    <message>
        <source>Instances, tried in this order: %1</source>
        <translation>Instanzen, in dieser Reihenfolge versucht: %1</translation>
    </message>
    <message>
        <source>No tables in the catalog yet: refresh this database on the Catalog page.</source>
        <translation>Noch keine Tabellen im Katalog: aktualisieren Sie diese Datenbank auf der Seite „Katalog“.</translation>
    </message>
    <message>
        <source>another definition is called &apos;%1&apos;</source>
        <translation>eine andere Definition heißt „%1“</translation>
    </message>
    <message>
        <source>choose the table to sync</source>
        <translation>wählen Sie die zu synchronisierende Tabelle</translation>
    </message>
</context>
<context>
    <name>SyncBridge::DefinitionReader</name>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be a text value</source>
        <translation>muss ein Text sein</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of %2</source>
        <translation>„%1“ ist keiner der Werte %2</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <source>must be a non-empty text value</source>
        <translation>muss ein nicht leerer Text sein</translation>
    </message>
    <message>
        <source>must name at least one column for key strategy %1</source>
        <translation>muss für die Schlüsselstrategie %1 mindestens eine Spalte nennen</translation>
    </message>
    <message>
        <source>must be a number between 0 and 1</source>
        <translation>muss eine Zahl zwischen 0 und 1 sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known IANA time zone</source>
        <translation>„%1“ ist keine bekannte IANA-Zeitzone</translation>
    </message>
    <message>
        <source>must list at least one SharePoint list</source>
        <translation>muss mindestens eine SharePoint-Liste nennen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names another target already</source>
        <translation>„%1“ benennt bereits ein anderes Ziel</translation>
    </message>
    <message>
        <source>target strategy SINGLE takes exactly one list, not %1</source>
        <translation>Zielstrategie SINGLE erwartet genau eine Liste, nicht %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not the name of one of this definition&apos;s targets</source>
        <translation>„%1“ ist nicht der Name eines Ziels dieser Definition</translation>
    </message>
    <message>
        <source>must be a condition text or an expression object</source>
        <translation>muss ein Bedingungstext oder ein Ausdrucksobjekt sein</translation>
    </message>
    <message>
        <source>target strategy CONDITIONAL needs at least one rule</source>
        <translation>Zielstrategie CONDITIONAL braucht mindestens eine Regel</translation>
    </message>
    <message>
        <source>must map at least one column</source>
        <translation>muss mindestens eine Spalte zuordnen</translation>
    </message>
    <message>
        <source>a SharePoint system field can only be PULL_ONLY</source>
        <translation>ein SharePoint-Systemfeld kann nur PULL_ONLY sein</translation>
    </message>
    <message>
        <source>the SharePoint column &apos;%1&apos; is mapped twice</source>
        <translation>die SharePoint-Spalte „%1“ ist doppelt zugeordnet</translation>
    </message>
    <message>
        <source>the file is not valid JSON: %1 at byte %2</source>
        <translation>die Datei ist kein gültiges JSON: %1 bei Byte %2</translation>
    </message>
    <message>
        <source>must be an object with a &quot;definitions&quot; list</source>
        <translation>muss ein Objekt mit einer Liste &quot;definitions&quot; sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a format this version reads (expected %2)</source>
        <translation>„%1“ ist kein Format, das diese Version liest (erwartet %2)</translation>
    </message>
    <message>
        <source>must be a list of definitions</source>
        <translation>muss eine Liste von Definitionen sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is defined twice in this file</source>
        <translation>„%1“ ist in dieser Datei doppelt definiert</translation>
    </message>
    <message>
        <source>no database connection is called &apos;%1&apos;</source>
        <translation>keine Datenbankverbindung heißt „%1“</translation>
    </message>
    <message>
        <source>no SharePoint connection is called &apos;%1&apos;</source>
        <translation>keine SharePoint-Verbindung heißt „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; writes to the list &apos;%2&apos; too. Each definition keeps to its own items, but their rows mix in the list, and each one&apos;s deletes see only its own.</source>
        <translation>&apos;%1&apos; schreibt ebenfalls in die Liste &apos;%2&apos;. Jede Definition bleibt bei ihren eigenen Elementen, aber ihre Zeilen mischen sich in der Liste, und die Löschungen jeder Definition sehen nur ihre eigenen.</translation>
    </message>
    <message>
        <source>not checked against %1: &apos;%2&apos; has never been introspected and cannot be reached (%3); the first run checks it.</source>
        <translation>nicht gegen %1 geprüft: &apos;%2&apos; wurde nie eingelesen und ist nicht erreichbar (%3); der erste Lauf prüft es.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no table %2.</source>
        <translation>&apos;%1&apos; hat keine Tabelle %2.</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Meinten Sie %1?</translation>
    </message>
    <message>
        <source>no unique index guarantees the key (%1), and counting it failed (%2); every run counts it before it starts.</source>
        <translation>kein eindeutiger Index garantiert den Schlüssel (%1), und das Zählen schlug fehl (%2); jeder Lauf zählt ihn, bevor er beginnt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time zone (an IANA id such as &apos;America/Los_Angeles&apos;)</source>
        <translation>&apos;%1&apos; ist keine Zeitzone (eine IANA-ID wie &apos;America/Los_Angeles&apos;)</translation>
    </message>
    <message>
        <source>a LOOKUP mapping names the definition that syncs the referenced table</source>
        <translation>eine LOOKUP-Zuordnung nennt die Definition, die die referenzierte Tabelle synchronisiert</translation>
    </message>
    <message>
        <source>only a LOOKUP mapping references a definition</source>
        <translation>nur eine LOOKUP-Zuordnung verweist auf eine Definition</translation>
    </message>
    <message>
        <source>only a VALUE mapping holds rich text</source>
        <translation>nur eine VALUE-Zuordnung enthält Rich Text</translation>
    </message>
    <message>
        <source>only a VALUE mapping into a hyperlink column takes a description column</source>
        <translation>nur eine VALUE-Zuordnung in eine Hyperlinkspalte nimmt eine Beschreibungsspalte</translation>
    </message>
    <message>
        <source>only a VALUE mapping into a choice column adds choices</source>
        <translation>nur eine VALUE-Zuordnung in eine Auswahlspalte fügt Auswahlwerte hinzu</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Definitions</name>
    <message>
        <source>the primary key</source>
        <translation>der Primärschlüssel</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>source table: %1 → %2</source>
        <translation>Quelltabelle: %1 → %2</translation>
    </message>
    <message>
        <source>key columns: %1 → %2</source>
        <translation>Schlüsselspalten: %1 → %2</translation>
    </message>
    <message>
        <source>change detection: %1 → %2</source>
        <translation>Änderungserkennung: %1 → %2</translation>
    </message>
    <message>
        <source>cursor column: %1 → %2</source>
        <translation>Cursorspalte: %1 → %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has been synced, and this edit changes how its rows are read or told apart (%2). Saving it resets the sync position: the next run reads every row again and matches rows to the items they made, so nothing is duplicated.</source>
        <translation>&apos;%1&apos; wurde bereits synchronisiert, und diese Änderung betrifft, wie seine Zeilen gelesen oder unterschieden werden (%2). Speichern setzt die Sync-Position zurück: der nächste Lauf liest jede Zeile erneut und ordnet die Zeilen ihren Elementen zu, sodass nichts doppelt entsteht.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::DefinitionsPage</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Save the definition (Ctrl+S); only possible when no field shows a problem</source>
        <translation>Die Definition speichern (Strg+S); nur möglich, wenn kein Feld ein Problem zeigt</translation>
    </message>
    <message>
        <source>Forget the changes since the last save</source>
        <translation>Die Änderungen seit dem letzten Speichern verwerfen</translation>
    </message>
    <message>
        <source>Write the selected definition as a JSON file (connections by name, never secrets)</source>
        <translation>Die gewählte Definition als JSON-Datei schreiben (Verbindungen per Name, nie Zugangsdaten)</translation>
    </message>
    <message>
        <source>Read definitions from a JSON file: all of it or nothing</source>
        <translation>Definitionen aus einer JSON-Datei lesen: alles oder nichts</translation>
    </message>
    <message>
        <source>Export the definition</source>
        <translation>Die Definition exportieren</translation>
    </message>
    <message>
        <source>Definitions (*.json)</source>
        <translation>Definitionen (*.json)</translation>
    </message>
    <message>
        <source>Cannot read the definitions: %1</source>
        <translation>Die Definitionen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved &apos;%1&apos;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported &apos;%1&apos; to %2.</source>
        <translation>„%1“ nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has changes that are not saved.</source>
        <translation>„%1“ hat Änderungen, die nicht gespeichert sind.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Start a new definition (Ctrl+N): choose its table, lists, rules and mappings, then save</source>
        <translation>Eine neue Definition beginnen (Strg+N): Tabelle, Listen, Regeln und Zuordnungen wählen, dann speichern</translation>
    </message>
    <message>
        <source>Delete the selected definition with its run history and sync state (asks first)</source>
        <translation>Die gewählte Definition mit Laufhistorie und Synchronisationsstand löschen (fragt vorher)</translation>
    </message>
    <message>
        <source>Save the definition (Ctrl+S)</source>
        <translation>Die Definition speichern (Strg+S)</translation>
    </message>
    <message>
        <source>New definition</source>
        <translation>Neue Definition</translation>
    </message>
    <message>
        <source>New definition %1</source>
        <translation>Neue Definition %1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>A new definition: choose its table, lists and mappings, then save (Ctrl+S).</source>
        <translation>Eine neue Definition: Tabelle, Listen und Zuordnungen wählen, dann speichern (Strg+S).</translation>
    </message>
    <message>
        <source>Delete the definition</source>
        <translation>Definition löschen</translation>
    </message>
    <message>
        <source>Delete &apos;%1&apos; with its run history, ledger and cursor? The SharePoint lists and their items stay.</source>
        <translation>&apos;%1&apos; mit Laufhistorie, Ledger und Cursor löschen? Die SharePoint-Listen und ihre Elemente bleiben.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Deleted &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; gelöscht.</translation>
    </message>
    <message>
        <source>No definitions yet: New (Ctrl+N) starts one from a catalogued table, Import… reads a definitions file.</source>
        <translation>Noch keine Definitionen: Neu (Strg+N) beginnt eine aus einer katalogisierten Tabelle, Importieren… liest eine Definitionsdatei.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is running: cancel the run before deleting the definition.</source>
        <translation>&apos;%1&apos; läuft: brechen Sie den Lauf ab, bevor Sie die Definition löschen.</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>Definitionen</translation>
    </message>
    <message>
        <source>Reset the sync position?</source>
        <translation>Sync-Position zurücksetzen?</translation>
    </message>
    <message>
        <source>Save and Reset</source>
        <translation>Speichern und zurücksetzen</translation>
    </message>
    <message>
        <source>Not saved: the sync position was kept.</source>
        <translation>Nicht gespeichert: die Sync-Position bleibt erhalten.</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>Als Entwurf speichern</translation>
    </message>
    <message numerus="yes">
        <source>It has %n problem(s): saved, it is disabled — a draft that does not run until they are fixed.</source>
        <translation>
            <numerusform>Sie hat %n Problem: gespeichert ist sie deaktiviert – ein Entwurf, der nicht läuft, bis es behoben ist.</numerusform>
            <numerusform>Sie hat %n Probleme: gespeichert ist sie deaktiviert – ein Entwurf, der nicht läuft, bis sie behoben sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saves it disabled, as a draft that does not run, until these are fixed (Ctrl+S): %1</source>
        <translation>Speichert sie deaktiviert als Entwurf, der nicht läuft, bis diese behoben sind (Strg+S): %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved &apos;%1&apos; as a disabled draft: %n problem(s) to fix before it can run, listed on the form.</source>
        <translation>
            <numerusform>&apos;%1&apos; als deaktivierter Entwurf gespeichert: %n Problem muss behoben werden, bevor sie laufen kann (im Formular aufgeführt).</numerusform>
            <numerusform>&apos;%1&apos; als deaktivierter Entwurf gespeichert: %n Probleme müssen behoben werden, bevor sie laufen kann (im Formular aufgeführt).</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved &apos;%1&apos;. It is disabled: tick Enabled under General to let it run.</source>
        <translation>&apos;%1&apos; gespeichert. Sie ist deaktiviert: setzen Sie unter Allgemein das Häkchen bei Aktiv, damit sie läuft.</translation>
    </message>
    <message>
        <source>A new definition from %1 into &apos;%2&apos;: map its columns (Auto-map on Mappings), then save (Ctrl+S).</source>
        <translation>Eine neue Definition von %1 nach &apos;%2&apos;: ordnen Sie ihre Spalten zu (Automatisch zuordnen unter Zuordnungen) und speichern Sie dann (Strg+S).</translation>
    </message>
    <message>
        <source>Not deleted: the replication slot was not dropped: %1</source>
        <translation>Nicht gelöscht: Der Replikationsslot wurde nicht entfernt: %1</translation>
    </message>
    <message>
        <source>Deleted &apos;%1&apos;. Its replication slot and publication stay on PostgreSQL, which keeps WAL for the slot: drop them there with %2</source>
        <translation>„%1“ wurde gelöscht. Ihr Replikationsslot und ihre Publikation bleiben in PostgreSQL, das für den Slot WAL vorhält: Entfernen Sie sie dort mit %2</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Drift</name>
    <message>
        <source>SyncBridge quit during the drift check; it changed nothing.</source>
        <translation>SyncBridge wurde während der Abweichungsprüfung beendet; sie hat nichts geändert.</translation>
    </message>
    <message>
        <source>A drift check compares PUSH definitions; &apos;%1&apos; is %2.</source>
        <translation>Eine Abweichungsprüfung vergleicht PUSH-Definitionen; „%1“ ist %2.</translation>
    </message>
    <message>
        <source>The definition has no SharePoint list.</source>
        <translation>Die Definition hat keine SharePoint-Liste.</translation>
    </message>
    <message>
        <source>The definition&apos;s SharePoint connection no longer exists.</source>
        <translation>Die SharePoint-Verbindung der Definition existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The table %1.%2 does not exist in &apos;%3&apos;.</source>
        <translation>Die Tabelle %1.%2 existiert nicht in „%3“.</translation>
    </message>
    <message>
        <source>Finding the lists…</source>
        <translation>Suche die Listen…</translation>
    </message>
    <message>
        <source>the mappings no longer fit the columns; fix the blocking schema changes first.</source>
        <translation>die Zuordnungen passen nicht mehr zu den Spalten; beheben Sie zuerst die blockierenden Schemaänderungen.</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos;</source>
        <translation>Die Liste „%1“</translation>
    </message>
    <message>
        <source>Reading the table…</source>
        <translation>Lese die Tabelle…</translation>
    </message>
    <message>
        <source>Reading the differing rows…</source>
        <translation>Lese die abweichenden Zeilen…</translation>
    </message>
    <message>
        <source>Reading the lists…</source>
        <translation>Lese die Listen…</translation>
    </message>
    <message>
        <source>Re-reading item %1</source>
        <translation>Lese Element %1 erneut</translation>
    </message>
    <message numerus="yes">
        <source>%n schema change(s) the mappings do not follow.</source>
        <translation>
            <numerusform>%n Schemaänderung, der die Zuordnungen nicht folgen.</numerusform>
            <numerusform>%n Schemaänderungen, denen die Zuordnungen nicht folgen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) between the table and its lists: </source>
        <translation>
            <numerusform>%n Abweichung zwischen der Tabelle und ihren Listen: </numerusform>
            <numerusform>%n Abweichungen zwischen der Tabelle und ihren Listen: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The table and its lists are in sync (%n row(s)).</source>
        <translation>
            <numerusform>Die Tabelle und ihre Listen sind synchron (%n Zeile).</numerusform>
            <numerusform>Die Tabelle und ihre Listen sind synchron (%n Zeilen).</numerusform>
        </translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>in sync</source>
        <translation>synchron</translation>
    </message>
    <message>
        <source>missing in SharePoint</source>
        <translation>fehlt in SharePoint</translation>
    </message>
    <message>
        <source>orphaned item</source>
        <translation>verwaistes Element</translation>
    </message>
    <message>
        <source>content differs</source>
        <translation>Inhalt weicht ab</translation>
    </message>
    <message>
        <source>in the wrong list</source>
        <translation>in der falschen Liste</translation>
    </message>
    <message>
        <source>duplicate item</source>
        <translation>doppeltes Element</translation>
    </message>
    <message>
        <source>not created by SyncBridge</source>
        <translation>nicht von SyncBridge angelegt</translation>
    </message>
    <message>
        <source>item %1 &apos;%2&apos;</source>
        <translation>Element %1 „%2“</translation>
    </message>
    <message>
        <source>belongs in %1</source>
        <translation>gehört in %1</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>Element %1</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) named were not found by the check (repaired since, changed class, or mistyped): %1</source>
        <translation>
            <numerusform>%n angegebene Abweichung fand die Prüfung nicht (inzwischen behoben, Klasse geändert oder vertippt): %1</numerusform>
            <numerusform>%n angegebene Abweichungen fand die Prüfung nicht (inzwischen behoben, Klasse geändert oder vertippt): %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The drift check was cancelled.</source>
        <translation>Die Abweichungsprüfung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>SyncBridge quit during the repair; what it had written stays. Check again.</source>
        <translation>SyncBridge wurde während der Reparatur beendet; was sie bereits geschrieben hatte, bleibt erhalten. Prüfen Sie erneut.</translation>
    </message>
    <message>
        <source>The repair cannot run: %1 Run `drift check` for what to do.</source>
        <translation>Die Reparatur kann nicht laufen: %1 Führen Sie `drift check` aus, um zu sehen, was zu tun ist.</translation>
    </message>
    <message>
        <source>The repair was cancelled before it wrote anything.</source>
        <translation>Die Reparatur wurde abgebrochen, bevor sie etwas geschrieben hat.</translation>
    </message>
    <message numerus="yes">
        <source>Held back %n deletion(s) in &apos;%1&apos;: %2 % of its %L3 items, above the limit of %4 %. Check the list, then confirm the deletions (syncbridge-cli drift repair --allow-mass-delete).</source>
        <translation>
            <numerusform>%n Löschung in „%1“ zurückgehalten: %2 % ihrer %L3 Elemente, über der Grenze von %4 %. Prüfen Sie die Liste und bestätigen Sie dann die Löschung (syncbridge-cli drift repair --allow-mass-delete).</numerusform>
            <numerusform>%n Löschungen in „%1“ zurückgehalten: %2 % ihrer %L3 Elemente, über der Grenze von %4 %. Prüfen Sie die Liste und bestätigen Sie dann die Löschungen (syncbridge-cli drift repair --allow-mass-delete).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adopted %n item(s) that held their row but were not in the ledger.</source>
        <translation>
            <numerusform>%n Element übernommen, das seine Zeile enthielt, aber nicht im Ledger stand.</numerusform>
            <numerusform>%n Elemente übernommen, die ihre Zeile enthielten, aber nicht im Ledger standen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to create</source>
        <translation>
            <numerusform>%n Element anzulegen</numerusform>
            <numerusform>%n Elemente anzulegen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to update</source>
        <translation>
            <numerusform>%n Element zu aktualisieren</numerusform>
            <numerusform>%n Elemente zu aktualisieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to move</source>
        <translation>
            <numerusform>%n Element zu verschieben</numerusform>
            <numerusform>%n Elemente zu verschieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to delete</source>
        <translation>
            <numerusform>%n Element zu löschen</numerusform>
            <numerusform>%n Elemente zu löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to adopt</source>
        <translation>
            <numerusform>%n Element zu übernehmen</numerusform>
            <numerusform>%n Elemente zu übernehmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) created</source>
        <translation>
            <numerusform>%n Element angelegt</numerusform>
            <numerusform>%n Elemente angelegt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) updated</source>
        <translation>
            <numerusform>%n Element aktualisiert</numerusform>
            <numerusform>%n Elemente aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) moved</source>
        <translation>
            <numerusform>%n Element verschoben</numerusform>
            <numerusform>%n Elemente verschoben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) deleted</source>
        <translation>
            <numerusform>%n Element gelöscht</numerusform>
            <numerusform>%n Elemente gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) adopted</source>
        <translation>
            <numerusform>%n Element übernommen</numerusform>
            <numerusform>%n Elemente übernommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) failed</source>
        <translation>
            <numerusform>%n Element fehlgeschlagen</numerusform>
            <numerusform>%n Elemente fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(s) held back</source>
        <translation>
            <numerusform>%n Löschung zurückgehalten</numerusform>
            <numerusform>%n Löschungen zurückgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to repair.</source>
        <translation>Nichts zu reparieren.</translation>
    </message>
    <message>
        <source>Repair preview: %1.</source>
        <translation>Reparaturvorschau: %1.</translation>
    </message>
    <message>
        <source>Repair: %1.</source>
        <translation>Reparatur: %1.</translation>
    </message>
    <message>
        <source>Reading what lookups and people refer to…</source>
        <translation>Lese, worauf Nachschlage- und Personenspalten verweisen…</translation>
    </message>
</context>
<context>
    <name>SyncBridge::DriftPanel</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>item %1 &apos;%2&apos;</source>
        <translation>Element %1 „%2“</translation>
    </message>
    <message>
        <source>no item</source>
        <translation>kein Element</translation>
    </message>
    <message>
        <source>the row</source>
        <translation>die Zeile</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>Element %1</translation>
    </message>
    <message>
        <source>no row has its key</source>
        <translation>keine Zeile hat seinen Schlüssel</translation>
    </message>
    <message>
        <source>the row is gone</source>
        <translation>die Zeile ist verschwunden</translation>
    </message>
    <message>
        <source>item %1 in %2</source>
        <translation>Element %1 in %2</translation>
    </message>
    <message>
        <source>belongs in %1</source>
        <translation>gehört in %1</translation>
    </message>
    <message>
        <source>item %1, a second one</source>
        <translation>Element %1, ein zweites</translation>
    </message>
    <message>
        <source>one row</source>
        <translation>eine Zeile</translation>
    </message>
    <message>
        <source>item %1 without SyncBridgeKey</source>
        <translation>Element %1 ohne SyncBridgeKey</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Repair…</source>
        <translation>&amp;Reparieren…</translation>
    </message>
    <message>
        <source>Repair &amp;selected…</source>
        <translation>&amp;Gewählte reparieren…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>Items − rows</source>
        <translation>Elemente − Zeilen</translation>
    </message>
    <message>
        <source>Trend:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Row or item</source>
        <translation>Zeile oder Element</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>In SharePoint</source>
        <translation>In SharePoint</translation>
    </message>
    <message>
        <source>In the table</source>
        <translation>In der Tabelle</translation>
    </message>
    <message>
        <source>Export the differences</source>
        <translation>Die Abweichungen exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 %2 rows, %3 items read.</source>
        <translation>%1 %2 Zeilen, %3 Elemente gelesen.</translation>
    </message>
    <message>
        <source>Save the definition to compare its table with its lists.</source>
        <translation>Speichern Sie die Definition, um ihre Tabelle mit ihren Listen zu vergleichen.</translation>
    </message>
    <message>
        <source>Compare the table of &apos;%1&apos; with its lists: nothing is written.</source>
        <translation>Die Tabelle von „%1“ mit ihren Listen vergleichen: Es wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Repair shown…</source>
        <translation>&amp;Angezeigte reparieren…</translation>
    </message>
    <message>
        <source>&amp;Repair all…</source>
        <translation>&amp;Alle reparieren…</translation>
    </message>
    <message>
        <source>Checking &apos;%1&apos;…</source>
        <translation>Prüfe „%1“…</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>In sync: %n row(s) compared.</source>
        <translation>
            <numerusform>Synchron: %n Zeile verglichen.</numerusform>
            <numerusform>Synchron: %n Zeilen verglichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) between the table and its lists.</source>
        <translation>
            <numerusform>%n Abweichung zwischen der Tabelle und ihren Listen.</numerusform>
            <numerusform>%n Abweichungen zwischen der Tabelle und ihren Listen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n schema change(s): see what to do below.</source>
        <translation>
            <numerusform>%n Schemaänderung: was zu tun ist, steht unten.</numerusform>
            <numerusform>%n Schemaänderungen: was zu tun ist, steht unten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The rows were not compared: %1</source>
        <translation>Die Zeilen wurden nicht verglichen: %1</translation>
    </message>
    <message>
        <source>Checked %1 (%2 s, %3 RU). %4&lt;br&gt;%5</source>
        <translation>Geprüft am %1 (%2 s, %3 RU). %4&lt;br&gt;%5</translation>
    </message>
    <message>
        <source>Every difference</source>
        <translation>Alle Abweichungen</translation>
    </message>
    <message>
        <source>every list</source>
        <translation>allen Listen</translation>
    </message>
    <message>
        <source>The table</source>
        <translation>Die Tabelle</translation>
    </message>
    <message>
        <source>List &apos;%1&apos;</source>
        <translation>Liste „%1“</translation>
    </message>
    <message>
        <source>Checking again and planning the repair; nothing is written yet…</source>
        <translation>Prüfe erneut und plane die Reparatur; noch wird nichts geschrieben…</translation>
    </message>
    <message>
        <source>Repairing: %1 — %2 created, %3 updated, %4 moved, %5 deleted.</source>
        <translation>Reparatur: %1 — %2 angelegt, %3 aktualisiert, %4 verschoben, %5 gelöscht.</translation>
    </message>
    <message>
        <source>Repairing &apos;%1&apos;…</source>
        <translation>Repariere „%1“…</translation>
    </message>
</context>
<context>
    <name>SyncBridge::DriftTrend</name>
    <message>
        <source>Trend of the last drift checks</source>
        <translation>Verlauf der letzten Abweichungsprüfungen</translation>
    </message>
    <message>
        <source>No checks yet.</source>
        <translation>Noch keine Prüfungen.</translation>
    </message>
    <message numerus="yes">
        <source>One check: %n difference(s).</source>
        <translation>
            <numerusform>Eine Prüfung: %n Abweichung.</numerusform>
            <numerusform>Eine Prüfung: %n Abweichungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %1 checks: %2 → %n difference(s).</source>
        <translation>
            <numerusform>Letzte %1 Prüfungen: %2 → %n Abweichung.</numerusform>
            <numerusform>Letzte %1 Prüfungen: %2 → %n Abweichungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The check did not finish.</source>
        <translation>Die Prüfung wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>In sync.</source>
        <translation>Synchron.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::DryRunPanel</name>
    <message>
        <source>Preview the run</source>
        <translation>Lauf vorab ansehen</translation>
    </message>
    <message>
        <source>Run Sync Now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Start a real run of the saved definition and follow it on the Overview (F5)</source>
        <translation>Einen echten Lauf der gespeicherten Definition starten und in der Übersicht verfolgen (F5)</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>No list</source>
        <translation>Keine Liste</translation>
    </message>
    <message>
        <source>Planned actions per list</source>
        <translation>Geplante Aktionen je Liste</translation>
    </message>
    <message>
        <source>Preview what a run of &apos;%1&apos; would do: nothing is written.</source>
        <translation>Vorab sehen, was ein Lauf von &apos;%1&apos; täte: es wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Planen…</translation>
    </message>
    <message>
        <source>Planning… %1 rows read.</source>
        <translation>Planen… %1 Zeilen gelesen.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;The preview failed: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;Die Vorschau ist fehlgeschlagen: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Plan a run of the definition as edited, unsaved changes included, without writing anything: every planned row with what it changes (F6)</source>
        <translation>Einen Lauf der Definition in der bearbeiteten Fassung samt ungespeicherter Änderungen planen, ohne etwas zu schreiben: jede geplante Zeile mit ihren Änderungen (F6)</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fehlschlagend</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Show the rows of one action</source>
        <translation>Die Zeilen einer Aktion anzeigen</translation>
    </message>
    <message>
        <source>Show the rows of one list</source>
        <translation>Die Zeilen einer Liste anzeigen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>In SharePoint now</source>
        <translation>Jetzt in SharePoint</translation>
    </message>
    <message>
        <source>After the run</source>
        <translation>Nach dem Lauf</translation>
    </message>
    <message>
        <source>The selected row&apos;s fields; those the run changes are bold</source>
        <translation>Die Felder der gewählten Zeile; die vom Lauf geänderten sind fett</translation>
    </message>
    <message>
        <source>Planned rows:</source>
        <translation>Geplante Zeilen:</translation>
    </message>
    <message>
        <source>Preview what a run of this new definition would do: nothing is written. Save it to run it.</source>
        <translation>Vorab sehen, was ein Lauf dieser neuen Definition täte: es wird nichts geschrieben. Speichern Sie sie, um sie laufen zu lassen.</translation>
    </message>
    <message>
        <source>The preview plans &apos;%1&apos; as edited, unsaved changes included; Run Sync Now runs it as last saved.</source>
        <translation>Die Vorschau plant &apos;%1&apos; in der bearbeiteten Fassung samt ungespeicherter Änderungen; Jetzt synchronisieren führt die zuletzt gespeicherte Fassung aus.</translation>
    </message>
    <message numerus="yes">
        <source>The definition as edited cannot run (%Ln problem(s)):</source>
        <translation>
            <numerusform>Die Definition kann in der bearbeiteten Fassung nicht laufen (%Ln Problem):</numerusform>
            <numerusform>Die Definition kann in der bearbeiteten Fassung nicht laufen (%Ln Probleme):</numerusform>
        </translation>
    </message>
    <message>
        <source>Every action (%1)</source>
        <translation>Alle Aktionen (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Every list (%1)</source>
        <translation>Alle Listen (%1)</translation>
    </message>
    <message>
        <source>Old values are what the SharePoint lists hold now, read for this preview (the ledger keeps only a hash of what was written); new values are the mapped source values.</source>
        <translation>Alte Werte sind das, was die SharePoint-Listen jetzt enthalten, für diese Vorschau gelesen (das Ledger speichert nur einen Hash des Geschriebenen); neue Werte sind die zugeordneten Quellwerte.</translation>
    </message>
    <message>
        <source>%1 more planned rows are counted above but not listed.</source>
        <translation>%1 weitere geplante Zeilen sind oben mitgezählt, aber nicht aufgeführt.</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Both sides are read before either is written: each row says what goes into the database and what into SharePoint; a field changed on both sides is a conflict the policy decides (or, MANUAL, that waits in the Conflicts view).</source>
        <translation>Beide Seiten werden gelesen, bevor eine von ihnen geschrieben wird: Jede Zeile sagt, was in die Datenbank und was nach SharePoint geht; ein auf beiden Seiten geändertes Feld ist ein Konflikt, den die Konfliktregel entscheidet (oder der bei MANUAL in der Ansicht „Konflikte“ wartet).</translation>
    </message>
    <message>
        <source>SharePoint&apos;s changes since the last pull, each as the row it would write: every write was tried in the database and rolled back, so a failing row shows the database&apos;s own reason.</source>
        <translation>Die Änderungen in SharePoint seit dem letzten Abruf, jeweils als die Zeile, die geschrieben würde: Jeder Schreibvorgang wurde in der Datenbank versucht und zurückgerollt, daher zeigt eine fehlschlagende Zeile den eigenen Grund der Datenbank.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Graph</name>
    <message numerus="yes">
        <source>a batch of %n item(s)</source>
        <translation>
            <numerusform>einen Stapel mit %n Element</numerusform>
            <numerusform>einen Stapel mit %n Elementen</numerusform>
        </translation>
    </message>
    <message>
        <source>The changes of list &apos;%1&apos;</source>
        <translation>Die Änderungen der Liste „%1“</translation>
    </message>
    <message>
        <source>The site &apos;%1&apos;</source>
        <translation>Die Website „%1“</translation>
    </message>
    <message>
        <source>Refusing to send credentials to %1: only https is allowed (plain http only to this computer).</source>
        <translation>Anmeldedaten werden nicht an %1 gesendet: nur https ist erlaubt (unverschlüsseltes http nur zu diesem Computer).</translation>
    </message>
    <message>
        <source>SharePoint did not answer about %1 (network error %2). Check the connection and try again.</source>
        <translation>SharePoint hat zu %1 nicht geantwortet (Netzwerkfehler %2). Prüfen Sie die Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>SharePoint rejected the app&apos;s credentials. Check the client secret and that the app registration is still valid.</source>
        <translation>SharePoint hat die Anmeldedaten der App abgelehnt. Prüfen Sie den geheimen Clientschlüssel und ob die App-Registrierung noch gültig ist.</translation>
    </message>
    <message>
        <source>The app has no permission for %1. Grant it Sites.ReadWrite.All (or Sites.Selected for this site).</source>
        <translation>Die App hat keine Berechtigung für %1. Erteilen Sie Sites.ReadWrite.All (oder Sites.Selected für diese Website).</translation>
    </message>
    <message>
        <source>%1 was not found: it was deleted or renamed in SharePoint.</source>
        <translation>%1 wurde nicht gefunden: in SharePoint gelöscht oder umbenannt.</translation>
    </message>
    <message>
        <source>%1 was changed in SharePoint since it was last read.</source>
        <translation>%1 wurde in SharePoint seit dem letzten Lesen geändert.</translation>
    </message>
    <message>
        <source>SharePoint kept throttling requests about %1; it will be retried.</source>
        <translation>SharePoint hat Anfragen zu %1 wiederholt gedrosselt; es wird erneut versucht.</translation>
    </message>
    <message>
        <source>SharePoint failed while handling %1; it will be retried.</source>
        <translation>SharePoint ist bei %1 gescheitert; es wird erneut versucht.</translation>
    </message>
    <message>
        <source>SharePoint refused %1: %2</source>
        <translation>SharePoint hat %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>The sign-in service did not answer (network error %1). Check the authority host and your connection.</source>
        <translation>Der Anmeldedienst hat nicht geantwortet (Netzwerkfehler %1). Prüfen Sie den Autoritäts-Host und Ihre Verbindung.</translation>
    </message>
    <message>
        <source>No client secret is stored for this SharePoint connection; enter it again.</source>
        <translation>Für diese SharePoint-Verbindung ist kein geheimer Clientschlüssel gespeichert; geben Sie ihn erneut ein.</translation>
    </message>
    <message>
        <source>The client secret was rejected by the tenant. Enter the secret&apos;s value (not its ID), or create a new one if it expired.</source>
        <translation>Der Mandant hat den geheimen Clientschlüssel abgelehnt. Geben Sie seinen Wert ein (nicht seine ID) oder erstellen Sie einen neuen, falls er abgelaufen ist.</translation>
    </message>
    <message>
        <source>The client ID is not registered in tenant &apos;%1&apos;. Check the application (client) ID.</source>
        <translation>Die Client-ID ist im Mandanten „%1“ nicht registriert. Prüfen Sie die Anwendungs-ID (Client-ID).</translation>
    </message>
    <message>
        <source>The tenant &apos;%1&apos; does not exist. Check the tenant ID or domain.</source>
        <translation>Der Mandant „%1“ existiert nicht. Prüfen Sie Mandanten-ID oder Domäne.</translation>
    </message>
    <message>
        <source>Signing in to tenant &apos;%1&apos; failed.</source>
        <translation>Die Anmeldung beim Mandanten „%1“ ist gescheitert.</translation>
    </message>
    <message>
        <source>SharePoint connection &apos;%1&apos;: %2</source>
        <translation>SharePoint-Verbindung &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Cancelled before it was sent.</source>
        <translation>Vor dem Senden abgebrochen.</translation>
    </message>
    <message>
        <source>The list&apos;s changes</source>
        <translation>Die Änderungen der Liste</translation>
    </message>
    <message>
        <source>The item %1</source>
        <translation>Das Element %1</translation>
    </message>
    <message>
        <source>Person %1: the site has no user &apos;%2&apos; in its User Information List. SharePoint lists only people who visited the site or were given access to it; Microsoft Graph cannot add one (it has no ensureUser), and SharePoint REST&apos;s ensureuser needs a certificate-based app token. Ask them to open the site once (or give them access); the row is retried on the next run.</source>
        <translation>Person %1: Die Website hat keinen Benutzer „%2“ in ihrer User Information List. SharePoint führt dort nur Personen, die die Website besucht haben oder Zugriff darauf erhalten haben; Microsoft Graph kann keine hinzufügen (es hat kein ensureUser), und ensureuser der SharePoint-REST-API braucht ein zertifikatbasiertes App-Token. Bitten Sie die Person, die Website einmal zu öffnen (oder geben Sie ihr Zugriff); die Zeile wird beim nächsten Lauf erneut versucht.</translation>
    </message>
    <message>
        <source>The site&apos;s User Information List</source>
        <translation>Die User Information List der Website</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>selbst signiert</translation>
    </message>
    <message>
        <source>unknown issuer</source>
        <translation>unbekannter Aussteller</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>not valid yet</source>
        <translation>noch nicht gültig</translation>
    </message>
    <message>
        <source>issued for another host name</source>
        <translation>für einen anderen Hostnamen ausgestellt</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>No certificate was found: an extra CA certificate is PEM text (-----BEGIN CERTIFICATE-----).</source>
        <translation>Es wurde kein Zertifikat gefunden: Ein zusätzliches CA-Zertifikat ist PEM-Text (-----BEGIN CERTIFICATE-----).</translation>
    </message>
    <message>
        <source>%1 (expires %2)</source>
        <translation>%1 (läuft ab am %2)</translation>
    </message>
    <message>
        <source>the TLS handshake failed</source>
        <translation>der TLS-Handshake ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted (%2). If your organisation inspects TLS, add its CA certificate to the connection (Extra CA certificate).</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut (%2). Wenn Ihre Organisation TLS untersucht, fügen Sie ihr CA-Zertifikat der Verbindung hinzu (Zusätzliches CA-Zertifikat).</translation>
    </message>
    <message>
        <source>The choices of column &apos;%1&apos;</source>
        <translation>Die Auswahlwerte der Spalte „%1“</translation>
    </message>
    <message>
        <source>The choices of column &apos;%1&apos; changed under every attempt to add %2: another process keeps replacing them.</source>
        <translation>Die Auswahlwerte der Spalte „%1“ haben sich bei jedem Versuch, %2 hinzuzufügen, geändert: Ein anderer Prozess ersetzt sie fortlaufend.</translation>
    </message>
    <message>
        <source>The list has no choice column &apos;%1&apos; any more: its new choices cannot be added.</source>
        <translation>Die Liste hat keine Auswahlspalte „%1“ mehr: Ihre neuen Auswahlwerte können nicht hinzugefügt werden.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::InstanceTable</name>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>SSL</source>
        <translation>SSL</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Add instance</source>
        <translation>Instanz hinzufügen</translation>
    </message>
    <message>
        <source>Remove instance</source>
        <translation>Instanz entfernen</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primär</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>Standby</translation>
    </message>
    <message>
        <source>Replica</source>
        <translation>Replikat</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in SyncBridge&apos;s files.</source>
        <translation>Im Schlüsselbund des Systems gespeichert, nie in SyncBridges Dateien.</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>Instanz %1</translation>
    </message>
    <message>
        <source>Instances are tried in failover order: primary first, then standby, then replica; within a role, priority 1 first.</source>
        <translation>Instanzen werden in Failover-Reihenfolge versucht: zuerst primär, dann Standby, dann Replikat; innerhalb einer Rolle Priorität 1 zuerst.</translation>
    </message>
    <message>
        <source>Within a role, instance 1 is tried first</source>
        <translation>Innerhalb einer Rolle wird Instanz 1 zuerst versucht</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ListPicker</name>
    <message>
        <source>choose a list</source>
        <translation>Liste wählen</translation>
    </message>
    <message>
        <source>Provision a new list…</source>
        <translation>Neue Liste anlegen…</translation>
    </message>
    <message>
        <source>Create a SharePoint list from the source table, then use it here</source>
        <translation>Eine SharePoint-Liste aus der Quelltabelle anlegen und dann hier verwenden</translation>
    </message>
</context>
<context>
    <name>SyncBridge::MainWindow</name>
    <message>
        <source>SyncBridge</source>
        <translation>SyncBridge</translation>
    </message>
    <message>
        <source>Meta-store: %1</source>
        <translation>Meta-Speicher: %1</translation>
    </message>
    <message>
        <source>Secrets: %1</source>
        <translation>Zugangsdaten: %1</translation>
    </message>
    <message>
        <source>Import sync definitions</source>
        <translation>Synchronisationsdefinitionen importieren</translation>
    </message>
    <message>
        <source>Definitions (*.json)</source>
        <translation>Definitionen (*.json)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)?</source>
        <translation>
            <numerusform>%n Element löschen?</numerusform>
            <numerusform>%n Elemente löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete them</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Keep the items</source>
        <translation>Elemente behalten</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Es wurde nichts importiert</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in %1; nothing was imported.</source>
        <translation>
            <numerusform>%n Problem in %1; es wurde nichts importiert.</numerusform>
            <numerusform>%n Probleme in %1; es wurde nichts importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported, with advice</source>
        <translation>Importiert, mit Hinweisen</translation>
    </message>
    <message numerus="yes">
        <source>Imported from %1, with %n warning(s) worth a look.</source>
        <translation>
            <numerusform>Aus %1 importiert, mit %n Warnung, die einen Blick wert ist.</numerusform>
            <numerusform>Aus %1 importiert, mit %n Warnungen, die einen Blick wert sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset the sync position?</source>
        <translation>Sync-Position zurücksetzen?</translation>
    </message>
    <message numerus="yes">
        <source>The import changes how %n synced definition(s) read or identify their rows. Importing resets their sync position: the next run reads every row again and matches rows to the items they made, so nothing is duplicated.</source>
        <translation>
            <numerusform>Der Import ändert, wie %n synchronisierte Definition ihre Zeilen liest oder erkennt. Importieren setzt ihre Sync-Position zurück: der nächste Lauf liest jede Zeile erneut und ordnet die Zeilen ihren Elementen zu, sodass nichts doppelt entsteht.</numerusform>
            <numerusform>Der Import ändert, wie %n synchronisierte Definitionen ihre Zeilen lesen oder erkennen. Importieren setzt ihre Sync-Position zurück: der nächste Lauf liest jede Zeile erneut und ordnet die Zeilen ihren Elementen zu, sodass nichts doppelt entsteht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import and Reset</source>
        <translation>Importieren und zurücksetzen</translation>
    </message>
    <message>
        <source>Nothing was imported from %1.</source>
        <translation>Aus %1 wurde nichts importiert.</translation>
    </message>
    <message>
        <source>A sync is running</source>
        <translation>Eine Synchronisation läuft</translation>
    </message>
    <message>
        <source>Quitting now stops the running sync where it is: what it wrote is kept, the run is recorded as interrupted, and the next run finishes its work.</source>
        <translation>Wenn Sie jetzt beenden, hält die laufende Synchronisation an, wo sie gerade ist: was sie geschrieben hat, bleibt erhalten, der Lauf wird als unterbrochen erfasst, und der nächste Lauf beendet ihre Arbeit.</translation>
    </message>
    <message>
        <source>Quit when it has finished</source>
        <translation>Beenden, wenn sie fertig ist</translation>
    </message>
    <message>
        <source>Cancel the run and quit</source>
        <translation>Lauf abbrechen und beenden</translation>
    </message>
    <message>
        <source>Quit now</source>
        <translation>Jetzt beenden</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Weiterarbeiten</translation>
    </message>
    <message>
        <source>Stopping the run; SyncBridge quits once what it wrote is recorded.</source>
        <translation>Der Lauf wird angehalten; SyncBridge wird beendet, sobald das Geschriebene erfasst ist.</translation>
    </message>
    <message>
        <source>SyncBridge quits when the run has finished.</source>
        <translation>SyncBridge wird beendet, wenn der Lauf fertig ist.</translation>
    </message>
    <message>
        <source>Scheduled syncs do not run on this computer: %1</source>
        <translation>Geplante Synchronisationen laufen nicht auf diesem Computer: %1</translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation>Im Infobereich weiterlaufen</translation>
    </message>
    <message numerus="yes">
        <source>This run would delete %L1 of the %n item(s) in &apos;%2&apos; (%3 %), more than the definition allows without asking (%4 %).

Rows gone from the source usually mean they were deleted on purpose — but a wrong filter or an emptied table looks the same. Check the source before you confirm.</source>
        <translation>
            <numerusform>Dieser Lauf würde %L1 von %n Element in &apos;%2&apos; löschen (%3 %), mehr als die Definition ohne Rückfrage erlaubt (%4 %).

Aus der Quelle verschwundene Zeilen wurden meist absichtlich gelöscht — aber ein falscher Filter oder eine geleerte Tabelle sieht genauso aus. Prüfen Sie die Quelle, bevor Sie bestätigen.</numerusform>
            <numerusform>Dieser Lauf würde %L1 der %n Elemente in &apos;%2&apos; löschen (%3 %), mehr als die Definition ohne Rückfrage erlaubt (%4 %).

Aus der Quelle verschwundene Zeilen wurden meist absichtlich gelöscht — aber ein falscher Filter oder eine geleerte Tabelle sieht genauso aus. Prüfen Sie die Quelle, bevor Sie bestätigen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Definitions imported from %1: %L2 new, %L3 replaced.</source>
        <translation>Definitionen aus %1 importiert: %L2 neu, %L3 ersetzt.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Mapping</name>
    <message>
        <source>%1 (%2) goes into the date column %3: values that are not dates fail the row.</source>
        <translation>%1 (%2) geht in die Datumsspalte %3: Werte, die keine Daten sind, lassen die Zeile scheitern.</translation>
    </message>
    <message>
        <source>%1 is not a column of %2.</source>
        <translation>%1 ist keine Spalte von %2.</translation>
    </message>
    <message>
        <source>The list has no column %1: provision it from the Catalog, or map to another column.</source>
        <translation>Die Liste hat keine Spalte %1: legen Sie sie im Katalog an oder ordnen Sie einer anderen Spalte zu.</translation>
    </message>
    <message>
        <source>%1 is managed by SharePoint: it can only be read (set the direction to pull only).</source>
        <translation>%1 wird von SharePoint verwaltet: sie kann nur gelesen werden (Richtung auf „nur abrufen“ stellen).</translation>
    </message>
    <message>
        <source>%1 is unbounded text; %2 holds %3 characters, so longer values fail their row.</source>
        <translation>%1 ist Text ohne Längengrenze; %2 fasst %3 Zeichen, längere Werte lassen ihre Zeile scheitern.</translation>
    </message>
    <message>
        <source>%1 holds up to %2 characters; %3 only %4, so longer values fail their row.</source>
        <translation>%1 fasst bis zu %2 Zeichen, %3 nur %4; längere Werte lassen ihre Zeile scheitern.</translation>
    </message>
    <message numerus="yes">
        <source>%n mappings write into %1; keep one.</source>
        <translation>
            <numerusform>%n Zuordnung schreibt in %1.</numerusform>
            <numerusform>%n Zuordnungen schreiben in %1; behalten Sie eine.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is required in SharePoint and nothing fills it: map a column to it.</source>
        <translation>%1 ist in SharePoint erforderlich und nichts füllt sie: ordnen Sie ihr eine Spalte zu.</translation>
    </message>
    <message>
        <source>%1 (%2) holds lists of values; %3 takes one value: map it to a multi-choice column.</source>
        <translation>%1 (%2) enthält Wertelisten; %3 nimmt einen einzelnen Wert auf: ordnen Sie sie einer Mehrfachauswahlspalte zu.</translation>
    </message>
    <message>
        <source>%1 (%2) is not a number column; the number column %3 takes only numbers, so every row would fail.</source>
        <translation>%1 (%2) ist keine Zahlenspalte; die Zahlenspalte %3 nimmt nur Zahlen auf, daher würde jede Zeile fehlschlagen.</translation>
    </message>
    <message>
        <source>%1 (%2) goes into the Yes/No column %3, which takes only true and false, so every row would fail.</source>
        <translation>%1 (%2) geht in die Ja/Nein-Spalte %3, die nur true und false aufnimmt, daher würde jede Zeile fehlschlagen.</translation>
    </message>
    <message>
        <source>%1 (%2) holds numbers; the text column %3 takes only text, so every row would fail. Write them as text with the transform FORMAT(&apos;0&apos;) (FORMAT(&apos;0.00&apos;) for two decimals).</source>
        <translation>%1 (%2) enthält Zahlen; die Textspalte %3 nimmt nur Text auf, daher würde jede Zeile fehlschlagen. Schreiben Sie sie mit der Umwandlung FORMAT(&apos;0&apos;) als Text (FORMAT(&apos;0.00&apos;) für zwei Nachkommastellen).</translation>
    </message>
    <message>
        <source>%1 (%2) holds yes/no values; the text column %3 takes only text: map it to a Yes/No column.</source>
        <translation>%1 (%2) enthält Ja/Nein-Werte; die Textspalte %3 nimmt nur Text auf: ordnen Sie sie einer Ja/Nein-Spalte zu.</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Meinten Sie %1?</translation>
    </message>
    <message>
        <source>%1: column &apos;%2&apos; cannot be pushed. Remove the mapping.</source>
        <translation>%1: Spalte &apos;%2&apos; kann nicht übertragen werden. Entfernen Sie die Zuordnung.</translation>
    </message>
    <message>
        <source>The list has no column %3: provisioning creates the column for %1 as %2 (SharePoint&apos;s internal names are unique whatever their case, and some, such as Title, are its own): map to %2.</source>
        <translation>Die Liste hat keine Spalte %3: das Anlegen erzeugt die Spalte für %1 als %2 (die internen Namen von SharePoint sind unabhängig von Groß-/Kleinschreibung eindeutig, und manche, wie Title, gehören SharePoint selbst): ordnen Sie %2 zu.</translation>
    </message>
    <message>
        <source>%1 is a lookup mapping, but %2 is not a lookup column: map it to one, or make it a value.</source>
        <translation>%1 ist eine Nachschlagezuordnung, aber %2 ist keine Nachschlagespalte: Ordnen Sie sie einer zu oder machen Sie sie zu einem Wert.</translation>
    </message>
    <message>
        <source>%1 is a person mapping, but %2 is not a person column: map it to one, or make it a value.</source>
        <translation>%1 ist eine Personenzuordnung, aber %2 ist keine Personenspalte: Ordnen Sie sie einer zu oder machen Sie sie zu einem Wert.</translation>
    </message>
    <message>
        <source>The description column %1 is not a column of %2.</source>
        <translation>Die Beschreibungsspalte %1 ist keine Spalte von %2.</translation>
    </message>
    <message>
        <source>%1 holds HTML, but %2 is plain text: SharePoint shows the tags as text. Make it a column of rich text.</source>
        <translation>%1 enthält HTML, aber %2 ist reiner Text: SharePoint zeigt die Tags als Text an. Machen Sie sie zu einer Spalte mit Rich Text.</translation>
    </message>
    <message>
        <source>%1 is not a hyperlink column, so it has no description: remove the description column of its mapping.</source>
        <translation>%1 ist keine Hyperlinkspalte und hat daher keine Beschreibung: Entfernen Sie die Beschreibungsspalte aus ihrer Zuordnung.</translation>
    </message>
    <message>
        <source>%1 is not a choice column, so it has no choices to add to: turn off adding new choices in its mapping.</source>
        <translation>%1 ist keine Auswahlspalte und hat daher keine Auswahlwerte, denen etwas hinzugefügt werden könnte: Schalten Sie das Hinzufügen neuer Auswahlwerte in ihrer Zuordnung aus.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::MappingEditor</name>
    <message>
        <source>Auto-map</source>
        <translation>Automatisch zuordnen</translation>
    </message>
    <message>
        <source>Add mapping…</source>
        <translation>Zuordnung hinzufügen…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Remove mapping</source>
        <translation>Zuordnung entfernen</translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>Quellspalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>SharePoint column</source>
        <translation>SharePoint-Spalte</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Map every SharePoint column nothing maps yet to the source column with the most similar name</source>
        <translation>Jede noch nicht zugeordnete SharePoint-Spalte der Quellspalte mit dem ähnlichsten Namen zuordnen</translation>
    </message>
    <message>
        <source>Choose a source column and a SharePoint column from lists (Ctrl+Shift+M)</source>
        <translation>Eine Quellspalte und eine SharePoint-Spalte aus Listen wählen (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>Map the column selected on the left to the one selected on the right (Ctrl+Shift+L); or drag a source column onto a SharePoint column</source>
        <translation>Die links gewählte Spalte der rechts gewählten zuordnen (Strg+Umschalt+L); oder eine Quellspalte auf eine SharePoint-Spalte ziehen</translation>
    </message>
    <message>
        <source>Remove the selected mapping (Delete)</source>
        <translation>Die gewählte Zuordnung entfernen (Entf)</translation>
    </message>
    <message>
        <source>Problems and warnings</source>
        <translation>Probleme und Warnungen</translation>
    </message>
    <message>
        <source>Drag onto a SharePoint column to map it</source>
        <translation>Auf eine SharePoint-Spalte ziehen, um sie zuzuordnen</translation>
    </message>
    <message>
        <source>Every mapping fits its column.</source>
        <translation>Jede Zuordnung passt zu ihrer Spalte.</translation>
    </message>
    <message>
        <source>SharePoint-managed</source>
        <translation>von SharePoint verwaltet</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>mapped</source>
        <translation>zugeordnet</translation>
    </message>
    <message>
        <source>required, not mapped</source>
        <translation>Pflicht, nicht zugeordnet</translation>
    </message>
    <message>
        <source>Select a mapping to see its sample values.</source>
        <translation>Wählen Sie eine Zuordnung, um ihre Beispielwerte zu sehen.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;The transform of %1 does not parse: %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;Die Umwandlung von %1 ist ungültig: %2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>No sample rows to preview %1 → %2.</source>
        <translation>Keine Beispielzeilen für die Vorschau von %1 → %2.</translation>
    </message>
    <message>
        <source>%1 → %2 on the sample rows: %3</source>
        <translation>%1 → %2 in den Beispielzeilen: %3</translation>
    </message>
    <message>
        <source>Read list columns</source>
        <translation>Listenspalten lesen</translation>
    </message>
    <message>
        <source>Read the list&apos;s columns from SharePoint and record them in the catalog</source>
        <translation>Die Spalten der Liste aus SharePoint lesen und im Katalog speichern</translation>
    </message>
</context>
<context>
    <name>SyncBridge::MappingModel</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Both ways</source>
        <translation>In beide Richtungen</translation>
    </message>
    <message>
        <source>Database → SharePoint</source>
        <translation>Datenbank → SharePoint</translation>
    </message>
    <message>
        <source>SharePoint → database</source>
        <translation>SharePoint → Datenbank</translation>
    </message>
    <message>
        <source>The transform does not parse: %1</source>
        <translation>Die Umwandlung ist ungültig: %1</translation>
    </message>
    <message>
        <source>SharePoint maintains this column, so it is only read, never written.</source>
        <translation>SharePoint pflegt diese Spalte; sie wird nur gelesen, nie geschrieben.</translation>
    </message>
    <message>
        <source>Steps joined by |: TRIM, UPPER, LOWER, DEFAULT(&apos;n/a&apos;), REPLACE(&apos;-&apos;,&apos;/&apos;), REGEX(&apos;^PRJ-&apos;,&apos;&apos;), FORMAT(&apos;yyyy-MM-dd&apos;) or FORMAT(&apos;0.00&apos;)</source>
        <translation>Schritte, verbunden mit |: TRIM, UPPER, LOWER, DEFAULT(&apos;n/a&apos;), REPLACE(&apos;-&apos;,&apos;/&apos;), REGEX(&apos;^PRJ-&apos;,&apos;&apos;), FORMAT(&apos;yyyy-MM-dd&apos;) oder FORMAT(&apos;0.00&apos;)</translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>Quellspalte</translation>
    </message>
    <message>
        <source>SharePoint column</source>
        <translation>SharePoint-Spalte</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>Umwandlung</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>First sample row</source>
        <translation>Erste Beispielzeile</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Person (email or UPN)</source>
        <translation>Person (E-Mail oder UPN)</translation>
    </message>
    <message>
        <source>Lookup into &apos;%1&apos;</source>
        <translation>Nachschlagen in „%1“</translation>
    </message>
    <message>
        <source>Lookup: the column holds keys of rows another definition syncs; they are written as the ids of its items, and that definition runs first. Person: the column holds emails or UPNs of the site&apos;s users.</source>
        <translation>Nachschlagen: Die Spalte enthält Schlüssel von Zeilen, die eine andere Definition synchronisiert; sie werden als IDs von deren Elementen geschrieben, und jene Definition läuft zuerst. Person: Die Spalte enthält E-Mail-Adressen oder UPNs von Benutzern der Website.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
</context>
<context>
    <name>SyncBridge::MappingPicker</name>
    <message>
        <source>Add a mapping</source>
        <translation>Eine Zuordnung hinzufügen</translation>
    </message>
    <message>
        <source> · mapped</source>
        <translation> · zugeordnet</translation>
    </message>
    <message>
        <source>Add mapping</source>
        <translation>Zuordnung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Source column:</source>
        <translation>&amp;Quellspalte:</translation>
    </message>
    <message>
        <source>Share&amp;Point column:</source>
        <translation>Share&amp;Point-Spalte:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <source>SharePoint maintains &apos;%1&apos;: it can only be read into the database.</source>
        <translation>SharePoint pflegt &apos;%1&apos;: sie kann nur in die Datenbank gelesen werden.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::OverviewPage</name>
    <message>
        <source>Sync definitions</source>
        <translation>Synchronisationsdefinitionen</translation>
    </message>
    <message>
        <source>Import definitions…</source>
        <translation>Definitionen importieren…</translation>
    </message>
    <message>
        <source>Cannot read the definitions: %1</source>
        <translation>Die Definitionen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No sync definitions yet&lt;/h3&gt;&lt;p&gt;A definition says which table goes to which SharePoint lists. Follow the steps above, or import a definitions file (&lt;code&gt;syncbridge-cli definitions import file.json&lt;/code&gt;, or the button below).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch keine Synchronisationsdefinitionen&lt;/h3&gt;&lt;p&gt;Eine Definition legt fest, welche Tabelle in welche SharePoint-Listen geht. Folgen Sie den Schritten oben oder importieren Sie eine Definitionsdatei (&lt;code&gt;syncbridge-cli definitions import file.json&lt;/code&gt; oder die Schaltfläche unten).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SyncBridge::PreviewModel</name>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>No list</source>
        <translation>Keine Liste</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fehlschlagend</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Flag as gone</source>
        <translation>Als verschwunden markieren</translation>
    </message>
    <message>
        <source>Gone, left in place</source>
        <translation>Verschwunden, bleibt bestehen</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>From &apos;%1&apos;. </source>
        <translation>Aus &apos;%1&apos;. </translation>
    </message>
    <message>
        <source>SharePoint&apos;s item could not be read; it would carry: %1</source>
        <translation>Das Element in SharePoint konnte nicht gelesen werden; es würde enthalten: %1</translation>
    </message>
    <message>
        <source>No field differs from SharePoint; the item is written again to confirm it.</source>
        <translation>Kein Feld weicht von SharePoint ab; das Element wird zur Bestätigung erneut geschrieben.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>The row is gone from the source: its item is deleted.</source>
        <translation>Die Zeile ist aus der Quelle verschwunden: ihr Element wird gelöscht.</translation>
    </message>
    <message>
        <source>The row is gone from the source: its item is flagged.</source>
        <translation>Die Zeile ist aus der Quelle verschwunden: ihr Element wird markiert.</translation>
    </message>
    <message>
        <source>The row is gone from the source: its item stays.</source>
        <translation>Die Zeile ist aus der Quelle verschwunden: ihr Element bleibt bestehen.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Changes (SharePoint now → after the run)</source>
        <translation>Änderungen (SharePoint jetzt → nach dem Lauf)</translation>
    </message>
    <message>
        <source>What the run writes, and where</source>
        <translation>Was der Lauf schreibt, und wohin</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ProvisionDialog</name>
    <message>
        <source>Create list</source>
        <translation>Liste anlegen</translation>
    </message>
    <message>
        <source>Provision a list from %1</source>
        <translation>Eine Liste aus %1 anlegen</translation>
    </message>
    <message>
        <source>A site path such as contoso.sharepoint.com:/sites/pmo</source>
        <translation>Ein Websitepfad wie contoso.sharepoint.com:/sites/pmo</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>Quellspalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>Always created: it makes every create idempotent</source>
        <translation>Wird immer angelegt: macht jedes Anlegen idempotent</translation>
    </message>
    <message>
        <source>(the row&apos;s identity)</source>
        <translation>(die Identität der Zeile)</translation>
    </message>
    <message>
        <source>not supported</source>
        <translation>nicht unterstützt</translation>
    </message>
    <message>
        <source>List name</source>
        <translation>Listenname</translation>
    </message>
    <message>
        <source>SharePoint connection</source>
        <translation>SharePoint-Verbindung</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Give the list a name.</source>
        <translation>Geben Sie der Liste einen Namen.</translation>
    </message>
    <message>
        <source>Add a SharePoint connection on the Connections page first.</source>
        <translation>Legen Sie zuerst auf der Seite „Verbindungen“ eine SharePoint-Verbindung an.</translation>
    </message>
    <message>
        <source>Name the site, e.g. contoso.sharepoint.com:/sites/pmo.</source>
        <translation>Nennen Sie die Website, z. B. contoso.sharepoint.com:/sites/pmo.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid SharePoint column name (letters, digits and _, at most 32, not starting with a digit).</source>
        <translation>„%1“ ist kein gültiger SharePoint-Spaltenname (Buchstaben, Ziffern und _, höchstens 32, nicht mit einer Ziffer beginnend).</translation>
    </message>
    <message>
        <source>Two columns are called &apos;%1&apos;.</source>
        <translation>Zwei Spalten heißen „%1“.</translation>
    </message>
    <message>
        <source>Creating the list…</source>
        <translation>Lege die Liste an…</translation>
    </message>
    <message numerus="yes">
        <source>Created the list with %n column(s).</source>
        <translation>
            <numerusform>Die Liste mit %n Spalte angelegt.</numerusform>
            <numerusform>Die Liste mit %n Spalten angelegt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The list existed; added %n missing column(s).</source>
        <translation>
            <numerusform>Die Liste gab es schon; %n fehlende Spalte ergänzt.</numerusform>
            <numerusform>Die Liste gab es schon; %n fehlende Spalten ergänzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Column name</source>
        <translation>Spaltenname</translation>
    </message>
    <message>
        <source>Internal name</source>
        <translation>Interner Name</translation>
    </message>
    <message>
        <source>The name people see in SharePoint; double-click to rename</source>
        <translation>Der Name, den man in SharePoint sieht; zum Umbenennen doppelklicken</translation>
    </message>
    <message>
        <source>The name Graph and mappings use, made from the column name by SharePoint&apos;s rules (letters, digits and _, at most 32); it cannot be edited</source>
        <translation>Der Name, den Graph und Zuordnungen verwenden, nach den Regeln von SharePoint aus dem Spaltennamen gebildet (Buchstaben, Ziffern und _, höchstens 32); er kann nicht bearbeitet werden</translation>
    </message>
    <message>
        <source>Columns (double-click a column name to rename it — the internal name follows; untick a column to leave it out):</source>
        <translation>Spalten (doppelklicken Sie auf einen Spaltennamen, um ihn umzubenennen – der interne Name folgt; entfernen Sie das Häkchen, um eine Spalte wegzulassen):</translation>
    </message>
    <message>
        <source>Give the column for %1 a name.</source>
        <translation>Geben Sie der Spalte für %1 einen Namen.</translation>
    </message>
    <message>
        <source>&apos;%1…&apos; is longer than the 255 characters a column name may have.</source>
        <translation>&apos;%1…&apos; ist länger als die 255 Zeichen, die ein Spaltenname haben darf.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Provisioning</name>
    <message>
        <source>enum → choice with its labels</source>
        <translation>Enum → Auswahl mit seinen Werten</translation>
    </message>
    <message>
        <source>text array → multiple choice (fill-in values)</source>
        <translation>Text-Array → Mehrfachauswahl (mit eigenen Werten)</translation>
    </message>
    <message>
        <source>array → multiple lines of text (JSON)</source>
        <translation>Array → mehrzeiliger Text (JSON)</translation>
    </message>
    <message>
        <source>%1 → single line of text, %2 characters</source>
        <translation>%1 → einzeiliger Text, %2 Zeichen</translation>
    </message>
    <message>
        <source>%1 → multiple lines of text (longer than 255)</source>
        <translation>%1 → mehrzeiliger Text (länger als 255)</translation>
    </message>
    <message>
        <source>%1 → multiple lines of text</source>
        <translation>%1 → mehrzeiliger Text</translation>
    </message>
    <message>
        <source>uuid → single line of text, 36 characters</source>
        <translation>uuid → einzeiliger Text, 36 Zeichen</translation>
    </message>
    <message>
        <source>%1 → number</source>
        <translation>%1 → Zahl</translation>
    </message>
    <message>
        <source>money → currency</source>
        <translation>money → Währung</translation>
    </message>
    <message>
        <source>boolean → yes/no</source>
        <translation>boolean → Ja/Nein</translation>
    </message>
    <message>
        <source>date → date only</source>
        <translation>date → nur Datum</translation>
    </message>
    <message>
        <source>%1 → date and time (UTC)</source>
        <translation>%1 → Datum und Uhrzeit (UTC)</translation>
    </message>
    <message>
        <source>%1 → single line of text</source>
        <translation>%1 → einzeiliger Text</translation>
    </message>
    <message>
        <source>hidden, indexed source identity hash: makes creates idempotent</source>
        <translation>verborgener, indizierter Hash der Quellidentität: macht Anlegen idempotent</translation>
    </message>
    <message>
        <source>Creating the list &apos;%1&apos;</source>
        <translation>Das Anlegen der Liste „%1“</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos;</source>
        <translation>Die Liste „%1“</translation>
    </message>
    <message>
        <source>Adding the column &apos;%1&apos;</source>
        <translation>Das Hinzufügen der Spalte „%1“</translation>
    </message>
    <message>
        <source>%1 has no SharePoint column type</source>
        <translation>%1 hat keinen SharePoint-Spaltentyp</translation>
    </message>
    <message>
        <source>%1: column &apos;%2&apos; is left out.</source>
        <translation>%1: Spalte &apos;%2&apos; wird weggelassen.</translation>
    </message>
    <message>
        <source>email → person (the site&apos;s users)</source>
        <translation>E-Mail → Person (Benutzer der Website)</translation>
    </message>
    <message>
        <source>key → lookup into the list of &apos;%1&apos;</source>
        <translation>Schlüssel → Nachschlagen in der Liste von „%1“</translation>
    </message>
    <message>
        <source>the lookup&apos;s list is not known until the definition &apos;%1&apos; has run once (run it first)</source>
        <translation>die Liste für das Nachschlagen ist erst bekannt, wenn die Definition „%1“ einmal gelaufen ist (führen Sie sie zuerst aus)</translation>
    </message>
    <message>
        <source>HTML → multiple lines of rich text</source>
        <translation>HTML → mehrere Zeilen Rich Text</translation>
    </message>
</context>
<context>
    <name>SyncBridge::RepairPreviewDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Adopt</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Repair &apos;%1&apos;</source>
        <translation>„%1“ reparieren</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Row or item</source>
        <translation>Zeile oder Element</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Was sich ändert</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>Element %1</translation>
    </message>
    <message>
        <source>recorded in the ledger as item %1</source>
        <translation>im Ledger als Element %1 vermerkt</translation>
    </message>
    <message>
        <source>&amp;Repair</source>
        <translation>&amp;Reparieren</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ReplicationPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Drop slot and publication…</source>
        <translation>Slot und Publikation entfernen…</translation>
    </message>
    <message>
        <source>Re-snapshot…</source>
        <translation>Neuer Snapshot…</translation>
    </message>
    <message>
        <source>Read the slot from PostgreSQL again</source>
        <translation>Den Slot erneut aus PostgreSQL lesen</translation>
    </message>
    <message>
        <source>Drop the replication slot and the publication, so PostgreSQL keeps no WAL for this definition (asks first)</source>
        <translation>Den Replikationsslot und die Publikation entfernen, damit PostgreSQL für diese Definition kein WAL mehr vorhält (fragt vorher)</translation>
    </message>
    <message>
        <source>Load the table again in a new slot&apos;s snapshot and match the items already synced (asks first)</source>
        <translation>Die Tabelle im Snapshot eines neuen Slots erneut laden und den bereits synchronisierten Elementen zuordnen (fragt vorher)</translation>
    </message>
    <message>
        <source>Replication slot:</source>
        <translation>Replikationsslot:</translation>
    </message>
    <message>
        <source>Publication:</source>
        <translation>Publikation:</translation>
    </message>
    <message>
        <source>Streaming now:</source>
        <translation>Streamt gerade:</translation>
    </message>
    <message>
        <source>Lag (WAL held):</source>
        <translation>Rückstand (vorgehaltenes WAL):</translation>
    </message>
    <message>
        <source>Lag (time):</source>
        <translation>Rückstand (Zeit):</translation>
    </message>
    <message>
        <source>wal_status:</source>
        <translation>wal_status:</translation>
    </message>
    <message>
        <source>safe_wal_size:</source>
        <translation>safe_wal_size:</translation>
    </message>
    <message>
        <source>Save the definition first: its slot is made by its first run.</source>
        <translation>Speichern Sie zuerst die Definition: Ihr Slot wird von ihrem ersten Lauf angelegt.</translation>
    </message>
    <message>
        <source>Reading the slot…</source>
        <translation>Lese den Slot…</translation>
    </message>
    <message>
        <source>The slot could not be read: %1</source>
        <translation>Der Slot konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (none)</source>
        <translation>%1 (nicht vorhanden)</translation>
    </message>
    <message>
        <source>%1 (no longer publishes the table)</source>
        <translation>%1 (veröffentlicht die Tabelle nicht mehr)</translation>
    </message>
    <message>
        <source>yes, a run reads from it</source>
        <translation>ja, ein Lauf liest daraus</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 (%L2 bytes)</source>
        <translation>%1 (%L2 Bytes)</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) since a run recorded its position</source>
        <translation>
            <numerusform>%n Sekunde, seit ein Lauf seine Position vermerkt hat</numerusform>
            <numerusform>%n Sekunden, seit ein Lauf seine Position vermerkt hat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) since a run recorded its position</source>
        <translation>
            <numerusform>%n Minute, seit ein Lauf seine Position vermerkt hat</numerusform>
            <numerusform>%n Minuten, seit ein Lauf seine Position vermerkt hat</numerusform>
        </translation>
    </message>
    <message>
        <source>not limited (max_slot_wal_keep_size = -1)</source>
        <translation>nicht begrenzt (max_slot_wal_keep_size = -1)</translation>
    </message>
    <message>
        <source>No slot yet: the first run creates it and loads the table in its snapshot.</source>
        <translation>Noch kein Slot: Der erste Lauf legt ihn an und lädt die Tabelle in seinem Snapshot.</translation>
    </message>
    <message>
        <source>Read at %1.</source>
        <translation>Gelesen um %1.</translation>
    </message>
    <message>
        <source>Drop the slot and publication</source>
        <translation>Slot und Publikation entfernen</translation>
    </message>
    <message>
        <source>Drop the replication slot and the publication of &apos;%1&apos; on PostgreSQL? PostgreSQL stops keeping WAL for it. If the definition runs again, its next run loads the table again in a new slot&apos;s snapshot and matches the items already synced.</source>
        <translation>Replikationsslot und Publikation von „%1“ in PostgreSQL entfernen? PostgreSQL hält dann kein WAL mehr dafür vor. Läuft die Definition wieder, lädt ihr nächster Lauf die Tabelle im Snapshot eines neuen Slots erneut und ordnet sie den bereits synchronisierten Elementen zu.</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Dropping the slot and the publication…</source>
        <translation>Entferne Slot und Publikation…</translation>
    </message>
    <message>
        <source>Not dropped: %1</source>
        <translation>Nicht entfernt: %1</translation>
    </message>
    <message>
        <source>Re-snapshot</source>
        <translation>Neuer Snapshot</translation>
    </message>
    <message>
        <source>Load the table of &apos;%1&apos; again in a new replication slot&apos;s snapshot? Every row is read and compared with its item: changed rows are updated, new rows created, nothing is duplicated. Changes made while the slot was gone are found by the load.</source>
        <translation>Die Tabelle von „%1“ im Snapshot eines neuen Replikationsslots erneut laden? Jede Zeile wird gelesen und mit ihrem Element verglichen: Geänderte Zeilen werden aktualisiert, neue angelegt, nichts wird verdoppelt. Änderungen, die gemacht wurden, während der Slot fehlte, findet das Laden.</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The re-snapshot runs; its progress is on the Overview and Runs pages.</source>
        <translation>Der neue Snapshot läuft; sein Fortschritt steht auf den Seiten „Übersicht“ und „Läufe“.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Routing</name>
    <message>
        <source>&apos;%1&apos; is not a column of the source table.</source>
        <translation>&apos;%1&apos; ist keine Spalte der Quelltabelle.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a list of values: use &apos;contains&apos;.</source>
        <translation>&apos;%1&apos; ist eine Liste von Werten: verwenden Sie &apos;contains&apos;.</translation>
    </message>
    <message>
        <source>&apos;contains&apos; and &apos;starts with&apos; need a text column and a quoted text; &apos;%1&apos; is not.</source>
        <translation>&apos;contains&apos; und &apos;starts with&apos; brauchen eine Textspalte und einen Text in Anführungszeichen; &apos;%1&apos; ist keine.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds numbers: write the value without quotes, e.g. %1 &gt;= 1000.</source>
        <translation>&apos;%1&apos; enthält Zahlen: schreiben Sie den Wert ohne Anführungszeichen, z. B. %1 &gt;= 1000.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds yes/no values: compare it with true or false.</source>
        <translation>&apos;%1&apos; enthält Ja/Nein-Werte: vergleichen Sie mit true oder false.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds dates: write the date in quotes, e.g. %1 &gt;= &apos;2024-01-31&apos;.</source>
        <translation>&apos;%1&apos; enthält Datumswerte: schreiben Sie das Datum in Anführungszeichen, z. B. %1 &gt;= &apos;2024-01-31&apos;.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds points in time: write them in quotes, e.g. %1 &gt;= &apos;2024-01-31T08:00:00Z&apos;.</source>
        <translation>&apos;%1&apos; enthält Zeitpunkte: schreiben Sie sie in Anführungszeichen, z. B. %1 &gt;= &apos;2024-01-31T08:00:00Z&apos;.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds text: put the value in quotes, e.g. %1 == &apos;Active&apos;.</source>
        <translation>&apos;%1&apos; enthält Text: setzen Sie den Wert in Anführungszeichen, z. B. %1 == &apos;Active&apos;.</translation>
    </message>
    <message>
        <source>counting the rows per list of %1</source>
        <translation>beim Zählen der Zeilen je Liste von %1</translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunDialog</name>
    <message>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Run of %1</source>
        <translation>Lauf von %1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>(the run)</source>
        <translation>(der Lauf)</translation>
    </message>
    <message>
        <source>No row failed.</source>
        <translation>Keine Zeile ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Technical details: %1</source>
        <translation>Technische Details: %1</translation>
    </message>
    <message>
        <source>Technical details: %1 — %2</source>
        <translation>Technische Details: %1 — %2</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Preview (dry run): %1</source>
        <translation>Vorschau (Probelauf): %1</translation>
    </message>
    <message>
        <source>Started %1 · finished %2 · took %3</source>
        <translation>Gestartet %1 · beendet %2 · Dauer %3</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) failed; they wait in the retry queue and go first on the next run:</source>
        <translation>
            <numerusform>%Ln Zeile ist fehlgeschlagen; sie wartet in der Wiederholungswarteschlange und kommt beim nächsten Lauf zuerst an die Reihe:</numerusform>
            <numerusform>%Ln Zeilen sind fehlgeschlagen; sie warten in der Wiederholungswarteschlange und kommen beim nächsten Lauf zuerst an die Reihe:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunEventType</name>
    <message>
        <source>Item failed</source>
        <translation>Element fehlgeschlagen</translation>
    </message>
    <message>
        <source>Delete failed</source>
        <translation>Löschen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Waiting (SharePoint unavailable)</source>
        <translation>Warten (SharePoint nicht verfügbar)</translation>
    </message>
    <message>
        <source>Waiting (Retry-After)</source>
        <translation>Warten (Retry-After)</translation>
    </message>
    <message>
        <source>Waiting (budget)</source>
        <translation>Warten (Budget)</translation>
    </message>
    <message>
        <source>Request retried</source>
        <translation>Anfrage wiederholt</translation>
    </message>
    <message>
        <source>Run finished</source>
        <translation>Lauf beendet</translation>
    </message>
    <message>
        <source>Run interrupted</source>
        <translation>Lauf unterbrochen</translation>
    </message>
    <message>
        <source>List created</source>
        <translation>Liste angelegt</translation>
    </message>
    <message>
        <source>Column left out</source>
        <translation>Spalte ausgelassen</translation>
    </message>
    <message>
        <source>Re-keying pending</source>
        <translation>Schlüsselwechsel ausstehend</translation>
    </message>
    <message>
        <source>Rows gone from the source</source>
        <translation>Zeilen aus der Quelle verschwunden</translation>
    </message>
    <message>
        <source>Rows marked</source>
        <translation>Zeilen markiert</translation>
    </message>
    <message>
        <source>Deletions held back</source>
        <translation>Löschungen zurückgehalten</translation>
    </message>
    <message>
        <source>Deletions would be held back</source>
        <translation>Löschungen würden zurückgehalten</translation>
    </message>
    <message>
        <source>Move cleanup</source>
        <translation>Aufräumen nach Verschieben</translation>
    </message>
    <message>
        <source>Open transactions not visible</source>
        <translation>Offene Transaktionen nicht sichtbar</translation>
    </message>
    <message>
        <source>Late commits unbounded</source>
        <translation>Späte Festschreibungen unbegrenzt</translation>
    </message>
    <message>
        <source>Pending list gone</source>
        <translation>Ausstehende Liste verschwunden</translation>
    </message>
    <message>
        <source>Duplicate check</source>
        <translation>Duplikatprüfung</translation>
    </message>
    <message>
        <source>Duplicates removed</source>
        <translation>Duplikate entfernt</translation>
    </message>
    <message>
        <source>Rows would fail</source>
        <translation>Zeilen würden fehlschlagen</translation>
    </message>
    <message>
        <source>Sync position reset</source>
        <translation>Sync-Position zurückgesetzt</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Item key</source>
        <translation>Elementschlüssel</translation>
    </message>
    <message>
        <source>Graph error</source>
        <translation>Graph-Fehler</translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunNotifier</name>
    <message>
        <source>%1 works again</source>
        <translation>%1 funktioniert wieder</translation>
    </message>
    <message>
        <source>The last run of &apos;%1&apos; succeeded after it had failed.</source>
        <translation>Der letzte Lauf von &apos;%1&apos; war erfolgreich, nachdem er zuvor fehlgeschlagen war.</translation>
    </message>
    <message>
        <source>Scheduled sync failed: %1</source>
        <translation>Geplante Synchronisation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Deletions held back: %1</source>
        <translation>Löschungen zurückgehalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>The scheduled run would have deleted %Ln item(s), more than the definition allows without asking. Nothing was deleted and its schedule is paused: check the source, then run it by hand.</source>
        <translation>
            <numerusform>Der geplante Lauf hätte %Ln Element gelöscht, mehr als die Definition ohne Rückfrage erlaubt. Es wurde nichts gelöscht und ihr Zeitplan ist pausiert: Prüfen Sie die Quelle und starten Sie den Lauf dann von Hand.</numerusform>
            <numerusform>Der geplante Lauf hätte %Ln Elemente gelöscht, mehr als die Definition ohne Rückfrage erlaubt. Es wurde nichts gelöscht und ihr Zeitplan ist pausiert: Prüfen Sie die Quelle und starten Sie den Lauf dann von Hand.</numerusform>
        </translation>
    </message>
    <message>
        <source>Replication slot OK again: %1</source>
        <translation>Replikationsslot wieder in Ordnung: %1</translation>
    </message>
    <message>
        <source>The replication slot of &apos;%1&apos; follows the server again.</source>
        <translation>Der Replikationsslot von „%1“ folgt dem Server wieder.</translation>
    </message>
    <message>
        <source>Replication slot %1: %2</source>
        <translation>Replikationsslot %1: %2</translation>
    </message>
    <message>
        <source>Drift in %1</source>
        <translation>Abweichungen in %1</translation>
    </message>
    <message numerus="yes">
        <source>The scheduled check found %n difference(s) between the table and its lists (%1). See the definition&apos;s Drift tab.</source>
        <translation>
            <numerusform>Die geplante Prüfung fand %n Abweichung zwischen der Tabelle und ihren Listen (%1). Siehe den Reiter „Abweichungen“ der Definition.</numerusform>
            <numerusform>Die geplante Prüfung fand %n Abweichungen zwischen der Tabelle und ihren Listen (%1). Siehe den Reiter „Abweichungen“ der Definition.</numerusform>
        </translation>
    </message>
    <message>
        <source>In sync again: %1</source>
        <translation>Wieder synchron: %1</translation>
    </message>
    <message>
        <source>The scheduled drift check of &apos;%1&apos; found the table and its lists in sync.</source>
        <translation>Die geplante Abweichungsprüfung von „%1“ fand die Tabelle und ihre Listen synchron.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunPhase</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Finding the lists…</source>
        <translation>Suche die Listen…</translation>
    </message>
    <message>
        <source>Resolving writes an earlier run left unfinished</source>
        <translation>Kläre Schreibvorgänge, die ein früherer Lauf nicht abgeschlossen hat</translation>
    </message>
    <message>
        <source>Retrying rows that failed before</source>
        <translation>Versuche zuvor fehlgeschlagene Zeilen erneut</translation>
    </message>
    <message>
        <source>Pushing rows</source>
        <translation>Übertrage Zeilen</translation>
    </message>
    <message>
        <source>Planning (dry run)</source>
        <translation>Plane (Probelauf)</translation>
    </message>
    <message>
        <source>Checking the new items for duplicates</source>
        <translation>Prüfe die neuen Elemente auf Duplikate</translation>
    </message>
    <message>
        <source>Removing items of deleted rows</source>
        <translation>Entferne Elemente gelöschter Zeilen</translation>
    </message>
    <message>
        <source>Waiting for the SharePoint budget</source>
        <translation>Warte auf das SharePoint-Budget</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Confirming writes SharePoint did not answer</source>
        <translation>Bestätige Schreibvorgänge, auf die SharePoint nicht geantwortet hat</translation>
    </message>
    <message>
        <source>Matching items to rows by the new key</source>
        <translation>Ordne Elemente über den neuen Schlüssel den Zeilen zu</translation>
    </message>
    <message>
        <source>Pulling SharePoint changes</source>
        <translation>SharePoint-Änderungen werden abgerufen</translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunProgressView</name>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>RU spent</source>
        <translation>Verbrauchte RU</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte…</translation>
    </message>
    <message>
        <source>%1 items/s</source>
        <translation>%1 Elemente/s</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>%1 of about %2 rows</source>
        <translation>%1 von etwa %2 Zeilen</translation>
    </message>
    <message>
        <source>%1 behind (%2 s)</source>
        <translation>%1 Rückstand (%2 s)</translation>
    </message>
    <message>
        <source>%1 changes/s</source>
        <translation>%1 Änderungen/s</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) queued</source>
        <translation>
            <numerusform>%n Änderung wartend</numerusform>
            <numerusform>%n Änderungen wartend</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunText</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>SharePoint unavailable (%1) — retrying in %2</source>
        <translation>SharePoint nicht verfügbar (%1) – neuer Versuch in %2</translation>
    </message>
    <message>
        <source>SharePoint unavailable (%1) — retrying now…</source>
        <translation>SharePoint nicht verfügbar (%1) – neuer Versuch läuft…</translation>
    </message>
    <message>
        <source>SharePoint is throttling (%1) — retrying in %2</source>
        <translation>SharePoint drosselt (%1) – neuer Versuch in %2</translation>
    </message>
    <message>
        <source>SharePoint is throttling (%1) — retrying now…</source>
        <translation>SharePoint drosselt (%1) – neuer Versuch läuft…</translation>
    </message>
    <message>
        <source>SharePoint did not answer — retrying in %1</source>
        <translation>SharePoint hat nicht geantwortet – neuer Versuch in %1</translation>
    </message>
    <message>
        <source>SharePoint did not answer — retrying now…</source>
        <translation>SharePoint hat nicht geantwortet – neuer Versuch läuft…</translation>
    </message>
    <message>
        <source>SharePoint answered %1 — retrying in %2</source>
        <translation>SharePoint antwortete mit %1 – neuer Versuch in %2</translation>
    </message>
    <message>
        <source>SharePoint answered %1 — retrying now…</source>
        <translation>SharePoint antwortete mit %1 – neuer Versuch läuft…</translation>
    </message>
    <message>
        <source>Waiting for the resource-unit budget — %1</source>
        <translation>Warte auf das Ressourceneinheiten-Budget – %1</translation>
    </message>
    <message>
        <source>The daily SharePoint budget is spent — it renews in %1</source>
        <translation>Das tägliche SharePoint-Budget ist aufgebraucht – es erneuert sich in %1</translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunsModel</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Partly failed</source>
        <translation>Teilweise fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Übertragung</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>Abruf</translation>
    </message>
    <message>
        <source>CDC</source>
        <translation>CDC</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Drift check</source>
        <translation>Abweichungsprüfung</translation>
    </message>
    <message>
        <source>Definition %1</source>
        <translation>Definition %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>Nachgeholt</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Drift repair</source>
        <translation>Abweichungsreparatur</translation>
    </message>
    <message>
        <source>Two-way</source>
        <translation>In beide Richtungen</translation>
    </message>
</context>
<context>
    <name>SyncBridge::RunsPage</name>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt wiederholen</translation>
    </message>
    <message>
        <source>Show the runs of one definition</source>
        <translation>Die Läufe einer Definition zeigen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Runs started on or after this day</source>
        <translation>Läufe, die an oder nach diesem Tag begannen</translation>
    </message>
    <message>
        <source>Runs started on or before this day</source>
        <translation>Läufe, die an oder vor diesem Tag begannen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Graph error</source>
        <translation>Graph-Fehler</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Make every queued row due now and start a run of the definition</source>
        <translation>Jede wartende Zeile jetzt fällig machen und einen Lauf der Definition starten</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Retry queue</source>
        <translation>Wiederholungswarteschlange</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the run history: %1</source>
        <translation>Der Laufverlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>All definitions</source>
        <translation>Alle Definitionen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>No runs match these filters. Run a definition from the Overview page, or widen the filters.</source>
        <translation>Keine Läufe passen zu diesen Filtern. Starten Sie eine Definition auf der Übersichtsseite oder erweitern Sie die Filter.</translation>
    </message>
    <message>
        <source>Select a run or a definition to see the rows waiting to be retried.</source>
        <translation>Wählen Sie einen Lauf oder eine Definition, um die Zeilen zu sehen, die auf einen erneuten Versuch warten.</translation>
    </message>
    <message>
        <source>No rows wait to be retried for this definition.</source>
        <translation>Für diese Definition warten keine Zeilen auf einen erneuten Versuch.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) failed and wait to be retried; the next run takes them first.</source>
        <translation>
            <numerusform>%n Zeile ist fehlgeschlagen und wartet auf einen erneuten Versuch; der nächste Lauf nimmt sie zuerst.</numerusform>
            <numerusform>%n Zeilen sind fehlgeschlagen und warten auf einen erneuten Versuch; der nächste Lauf nimmt sie zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrying: a run of the definition started.</source>
        <translation>Wiederholung: ein Lauf der Definition wurde gestartet.</translation>
    </message>
    <message numerus="yes">
        <source>Items written per second, newest %n run(s)</source>
        <translation>
            <numerusform>Geschriebene Elemente pro Sekunde, neuester Lauf (%n)</numerusform>
            <numerusform>Geschriebene Elemente pro Sekunde, neueste %n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>items/s</source>
        <translation>Elemente/s</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Select an event to read all of it: its message, item key, list and time.</source>
        <translation>Wählen Sie ein Ereignis, um es vollständig zu lesen: Meldung, Elementschlüssel, Liste und Zeit.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ScheduleEditor</name>
    <message>
        <source>Paused: keep the schedule but start no run from it (Run Sync Now still works)</source>
        <translation>Pausiert: den Zeitplan behalten, aber keinen Lauf daraus starten (Jetzt synchronisieren funktioniert weiterhin)</translation>
    </message>
    <message>
        <source>Manual runs only</source>
        <translation>Nur manuelle Läufe</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Daily at…</source>
        <translation>Täglich um…</translation>
    </message>
    <message>
        <source>Weekdays at…</source>
        <translation>Werktags um…</translation>
    </message>
    <message>
        <source>Custom (cron)</source>
        <translation>Benutzerdefiniert (Cron)</translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week, e.g. 30 2 * * mon-fri</source>
        <translation>Minute Stunde Tag-des-Monats Monat Wochentag, z. B. 30 2 * * mon-fri</translation>
    </message>
    <message>
        <source>Catch up once</source>
        <translation>Einmal nachholen</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Runs missed while no agent ran (computer off or asleep): one catch-up run when an agent is back, or none</source>
        <translation>Läufe, die verpasst wurden, während kein Agent lief (Computer aus oder im Ruhezustand): ein Nachhol-Lauf, sobald wieder ein Agent läuft, oder keiner</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Cron</source>
        <translation>Cron</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Missed runs</source>
        <translation>Verpasste Läufe</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>Nächste Läufe</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <source>Local time (%1)</source>
        <translation>Ortszeit (%1)</translation>
    </message>
    <message>
        <source>No schedule: this definition runs only when started by hand.</source>
        <translation>Kein Zeitplan: diese Definition läuft nur, wenn sie von Hand gestartet wird.</translation>
    </message>
    <message>
        <source>%1 — paused: no run starts until it is resumed.</source>
        <translation>%1 — pausiert: kein Lauf startet, bis er fortgesetzt wird.</translation>
    </message>
    <message>
        <source>%1 — this never happens on a real date.</source>
        <translation>%1 — das tritt an keinem realen Datum ein.</translation>
    </message>
    <message>
        <source>empty: by hand on the Drift tab; e.g. 0 6 * * 1 for Mondays at 06:00</source>
        <translation>leer: von Hand im Reiter „Abweichungen“; z. B. 0 6 * * 1 für montags um 06:00</translation>
    </message>
    <message>
        <source>Agents compare the table with its lists at these times (read-only) and notify when they differ</source>
        <translation>Agenten vergleichen zu diesen Zeiten die Tabelle mit ihren Listen (nur lesend) und benachrichtigen, wenn sie abweichen</translation>
    </message>
    <message>
        <source>Drift check</source>
        <translation>Abweichungsprüfung</translation>
    </message>
    <message>
        <source>Drift is checked by hand only.</source>
        <translation>Abweichungen werden nur von Hand geprüft.</translation>
    </message>
    <message>
        <source>Drift checked %1, in %2.</source>
        <translation>Abweichungen geprüft: %1, in %2.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::SchemaDrift</name>
    <message>
        <source>The column %1 is gone from %2; %3 (%4) is new: probably renamed from %1 to %3.</source>
        <translation>Die Spalte %1 fehlt in %2; %3 (%4) ist neu: vermutlich von %1 in %3 umbenannt.</translation>
    </message>
    <message>
        <source>Map %1 instead of %2 in the mapping editor, or restore the column.</source>
        <translation>Ordnen Sie im Zuordnungseditor %1 statt %2 zu oder stellen Sie die Spalte wieder her.</translation>
    </message>
    <message>
        <source>The mapped column %1 is gone from %2.</source>
        <translation>Die zugeordnete Spalte %1 fehlt in %2.</translation>
    </message>
    <message>
        <source>Remove the mapping of %1 in the mapping editor, or restore the column.</source>
        <translation>Entfernen Sie die Zuordnung von %1 im Zuordnungseditor oder stellen Sie die Spalte wieder her.</translation>
    </message>
    <message>
        <source>The type of %1 changed from %2 to %3.</source>
        <translation>Der Typ von %1 hat sich von %2 zu %3 geändert.</translation>
    </message>
    <message>
        <source>Change the mapping of %1 (its SharePoint column or a transform) so its values convert, or restore the column&apos;s type.</source>
        <translation>Ändern Sie die Zuordnung von %1 (ihre SharePoint-Spalte oder eine Umwandlung), damit sich ihre Werte umwandeln lassen, oder stellen Sie den Typ der Spalte wieder her.</translation>
    </message>
    <message>
        <source>%1 (%2) is new in %3 and not mapped.</source>
        <translation>%1 (%2) ist neu in %3 und nicht zugeordnet.</translation>
    </message>
    <message>
        <source>Map it in the mapping editor if SharePoint should have it; otherwise nothing to do.</source>
        <translation>Ordnen Sie sie im Zuordnungseditor zu, wenn SharePoint sie erhalten soll; sonst ist nichts zu tun.</translation>
    </message>
    <message>
        <source>The column %1 (%2) is gone from the list &apos;%3&apos;.</source>
        <translation>Die Spalte %1 (%2) fehlt in der Liste „%3“.</translation>
    </message>
    <message>
        <source>Map %1 to another column in the mapping editor (or remove its mapping), or re-create the column in SharePoint.</source>
        <translation>Ordnen Sie %1 im Zuordnungseditor einer anderen Spalte zu (oder entfernen Sie die Zuordnung) oder legen Sie die Spalte in SharePoint neu an.</translation>
    </message>
    <message>
        <source>The column %1 of &apos;%2&apos; is now called %3 in SharePoint.</source>
        <translation>Die Spalte %1 von „%2“ heißt in SharePoint jetzt %3.</translation>
    </message>
    <message>
        <source>The column %1 of &apos;%2&apos; is read-only; a push cannot write %3 into it.</source>
        <translation>Die Spalte %1 von „%2“ ist schreibgeschützt; eine Übertragung kann %3 nicht hineinschreiben.</translation>
    </message>
    <message>
        <source>Make the column writable again in SharePoint, or make the mapping of %1 pull-only.</source>
        <translation>Machen Sie die Spalte in SharePoint wieder beschreibbar oder stellen Sie die Zuordnung von %1 auf „nur abrufen“.</translation>
    </message>
    <message>
        <source>The column %1 of &apos;%2&apos; changed from %3 to %4.</source>
        <translation>Die Spalte %1 von „%2“ hat sich von %3 zu %4 geändert.</translation>
    </message>
    <message>
        <source>Give %1 a transform that fits, map it to another column, or change the column&apos;s type back.</source>
        <translation>Geben Sie %1 eine passende Umwandlung, ordnen Sie sie einer anderen Spalte zu oder ändern Sie den Typ der Spalte zurück.</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Blockierend</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Its values still convert; check that a dry run shows what you expect.</source>
        <translation>Ihre Werte lassen sich weiterhin umwandeln; prüfen Sie, ob ein Probelauf zeigt, was Sie erwarten.</translation>
    </message>
    <message>
        <source>Nothing breaks (SyncBridge writes to its internal name %1); check that %2 still means what %3 is mapped for.</source>
        <translation>Nichts geht kaputt (SyncBridge schreibt in ihren internen Namen %1); prüfen Sie, ob %2 noch das bedeutet, wofür %3 zugeordnet ist.</translation>
    </message>
    <message>
        <source>The values still fit; check that a dry run shows what you expect.</source>
        <translation>Die Werte passen weiterhin; prüfen Sie, ob ein Probelauf zeigt, was Sie erwarten.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Secrets</name>
    <message>
        <source>Secrets from the environment are read-only; set %1 instead.</source>
        <translation>Zugangsdaten aus der Umgebung sind schreibgeschützt; setzen Sie stattdessen %1.</translation>
    </message>
    <message>
        <source>environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
    <message>
        <source>The system keychain is unavailable, so secrets cannot be stored safely. Unlock or start your keyring (e.g. GNOME Keyring or KWallet) and try again.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar, daher können Zugangsdaten nicht sicher gespeichert werden. Entsperren oder starten Sie Ihren Schlüsselbund (z. B. GNOME Keyring oder KWallet) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>No secret is stored for %1 in this session.</source>
        <translation>In dieser Sitzung sind keine Zugangsdaten für %1 gespeichert.</translation>
    </message>
    <message>
        <source>session memory</source>
        <translation>Sitzungsspeicher</translation>
    </message>
    <message>
        <source>No secret was found: the environment variable %1 is not set (--secrets env reads secrets from the environment). Set %1 to the secret, or read secrets from the system keychain (--secrets keychain).</source>
        <translation>Keine Zugangsdaten gefunden: die Umgebungsvariable %1 ist nicht gesetzt (--secrets env liest Zugangsdaten aus der Umgebung). Setzen Sie %1 auf die Zugangsdaten, oder lesen Sie Zugangsdaten aus dem Schlüsselbund des Systems (--secrets keychain).</translation>
    </message>
    <message>
        <source>No secret was found: the system keychain has no entry &apos;%1&apos; (service &apos;%2&apos;). Enter the secret again (Connections page, or syncbridge-cli connections add-… --password-stdin).</source>
        <translation>Keine Zugangsdaten gefunden: der Schlüsselbund des Systems hat keinen Eintrag &apos;%1&apos; (Dienst &apos;%2&apos;). Geben Sie die Zugangsdaten erneut ein (Seite „Verbindungen“ oder syncbridge-cli connections add-… --password-stdin).</translation>
    </message>
    <message>
        <source>No secret was found: the system keychain is unavailable, so its entry &apos;%1&apos; (service &apos;%2&apos;) could not be read. Unlock or start your keyring (e.g. GNOME Keyring or KWallet) and try again, or give syncbridge-cli its secrets in the environment (--secrets env).</source>
        <translation>Keine Zugangsdaten gefunden: der Schlüsselbund des Systems ist nicht verfügbar, daher konnte sein Eintrag &apos;%1&apos; (Dienst &apos;%2&apos;) nicht gelesen werden. Entsperren oder starten Sie Ihren Schlüsselbund (z. B. GNOME Keyring oder KWallet) und versuchen Sie es erneut, oder übergeben Sie syncbridge-cli die Zugangsdaten über die Umgebung (--secrets env).</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>Umgebungsvariable %1</translation>
    </message>
</context>
<context>
    <name>SyncBridge::SettingsPage</name>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>Beim Schließen des Fensters im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Run scheduled syncs on this computer</source>
        <translation>Geplante Synchronisationen auf diesem Computer ausführen</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Agentenname</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>Desktop-Benachrichtigungen</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Der Ordner von %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Closing the window leaves SyncBridge in the system tray: running syncs go on and schedules keep running. Quit from the tray&apos;s menu.</source>
        <translation>Beim Schließen des Fensters bleibt SyncBridge im Infobereich: laufende Synchronisationen gehen weiter und Zeitpläne laufen weiter. Beenden über das Menü im Infobereich.</translation>
    </message>
    <message>
        <source>Starts SyncBridge in the tray when you log in (an XDG autostart entry).</source>
        <translation>Startet SyncBridge bei der Anmeldung im Infobereich (ein XDG-Autostart-Eintrag).</translation>
    </message>
    <message>
        <source>This computer runs the definitions&apos; schedules while SyncBridge is open or in the tray. Several computers (and headless agents) sharing one meta-store run each scheduled run once between them.</source>
        <translation>Dieser Computer führt die Zeitpläne der Definitionen aus, solange SyncBridge geöffnet oder im Infobereich ist. Mehrere Computer (und Agenten ohne Oberfläche), die einen Metadatenspeicher teilen, führen jeden geplanten Lauf gemeinsam nur einmal aus.</translation>
    </message>
    <message>
        <source>Tells you when a scheduled sync fails, when it works again, and when deletions were held back.</source>
        <translation>Benachrichtigt Sie, wenn eine geplante Synchronisation fehlschlägt, wenn sie wieder funktioniert und wenn Löschungen zurückgehalten wurden.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Sharding</name>
    <message>
        <source>unexpected &apos;%1&apos;</source>
        <translation>unerwartetes „%1“</translation>
    </message>
    <message>
        <source>Condition at %1: %2</source>
        <translation>Bedingung an Stelle %1: %2</translation>
    </message>
    <message>
        <source>expected &apos;)&apos;</source>
        <translation>„)“ erwartet</translation>
    </message>
    <message>
        <source>unterminated column name</source>
        <translation>nicht abgeschlossener Spaltenname</translation>
    </message>
    <message>
        <source>expected a column name</source>
        <translation>Spaltenname erwartet</translation>
    </message>
    <message>
        <source>expected a value</source>
        <translation>Wert erwartet</translation>
    </message>
    <message>
        <source>unterminated text value</source>
        <translation>nicht abgeschlossener Textwert</translation>
    </message>
    <message>
        <source>expected a value (&apos;text&apos;, a number, true, false or null)</source>
        <translation>Wert erwartet („Text“, eine Zahl, true, false oder null)</translation>
    </message>
    <message>
        <source>expected &apos;null&apos; after &apos;is&apos;</source>
        <translation>„null“ nach „is“ erwartet</translation>
    </message>
    <message>
        <source>expected &apos;(&apos; after &apos;in&apos;</source>
        <translation>„(“ nach „in“ erwartet</translation>
    </message>
    <message>
        <source>expected &apos;)&apos; or &apos;,&apos;</source>
        <translation>„)“ oder „,“ erwartet</translation>
    </message>
    <message>
        <source>expected &apos;with&apos; after &apos;starts&apos;</source>
        <translation>„with“ nach „starts“ erwartet</translation>
    </message>
    <message>
        <source>expected an operator (==, !=, &lt;, &lt;=, &gt;, &gt;=, in, contains, starts with, is null)</source>
        <translation>Operator erwartet (==, !=, &lt;, &lt;=, &gt;, &gt;=, in, contains, starts with, is null)</translation>
    </message>
    <message>
        <source>The condition is empty.</source>
        <translation>Die Bedingung ist leer.</translation>
    </message>
    <message>
        <source>An &apos;and&apos;/&apos;or&apos; needs at least one condition.</source>
        <translation>Ein „and“/„or“ braucht mindestens eine Bedingung.</translation>
    </message>
    <message>
        <source>A condition needs &apos;column&apos; and &apos;op&apos;.</source>
        <translation>Eine Bedingung braucht „column“ und „op“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an operator.</source>
        <translation>„%1“ ist kein Operator.</translation>
    </message>
    <message>
        <source>Sharding rule %1 (to &apos;%2&apos;, condition &quot;%3&quot;): %4</source>
        <translation>Verteilregel %1 (nach &apos;%2&apos;, Bedingung &quot;%3&quot;): %4</translation>
    </message>
</context>
<context>
    <name>SyncBridge::ShardingDesigner</name>
    <message>
        <source>Remove list</source>
        <translation>Liste entfernen</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>SharePoint connection</source>
        <translation>SharePoint-Verbindung</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Add list</source>
        <translation>Liste hinzufügen</translation>
    </message>
    <message>
        <source>SharePoint lists</source>
        <translation>SharePoint-Listen</translation>
    </message>
    <message>
        <source>Rules are tried from the top; the first that matches a row decides its list. Drag to reorder, or Ctrl+Up / Ctrl+Down.</source>
        <translation>Regeln werden von oben geprüft; die erste passende bestimmt die Liste einer Zeile. Zum Umordnen ziehen oder Strg+Auf / Strg+Ab.</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Try this rule earlier (Ctrl+Up)</source>
        <translation>Diese Regel früher prüfen (Strg+Auf)</translation>
    </message>
    <message>
        <source>Try this rule later (Ctrl+Down)</source>
        <translation>Diese Regel später prüfen (Strg+Ab)</translation>
    </message>
    <message>
        <source>Rows matching this rule go to:</source>
        <translation>Passende Zeilen gehen nach:</translation>
    </message>
    <message>
        <source>Selected rule</source>
        <translation>Gewählte Regel</translation>
    </message>
    <message>
        <source>Rows that match no rule go to:</source>
        <translation>Zeilen ohne passende Regel gehen nach:</translation>
    </message>
    <message>
        <source>Rules, in order:</source>
        <translation>Regeln, in Reihenfolge:</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Count now</source>
        <translation>Jetzt zählen</translation>
    </message>
    <message>
        <source>Count the source rows per list again (the database may have changed)</source>
        <translation>Die Quellzeilen je Liste neu zählen (die Datenbank kann sich geändert haben)</translation>
    </message>
    <message>
        <source>Rows per list (live, counted in the database)</source>
        <translation>Zeilen je Liste (live, in der Datenbank gezählt)</translation>
    </message>
    <message>
        <source>Each row goes to the list of the first rule it matches.</source>
        <translation>Jede Zeile geht in die Liste der ersten Regel, die auf sie passt.</translation>
    </message>
    <message>
        <source>One list: every row goes to the first list. Choose &apos;Lists chosen by sharding rules&apos; under General to route rows by rules.</source>
        <translation>Eine Liste: jede Zeile geht in die erste Liste. Wählen Sie unter Allgemein &apos;Listen nach Verteilregeln&apos;, um Zeilen nach Regeln zu verteilen.</translation>
    </message>
    <message>
        <source>List %1</source>
        <translation>Liste %1</translation>
    </message>
    <message>
        <source>(none: such rows are not synced)</source>
        <translation>(keine: solche Zeilen werden nicht synchronisiert)</translation>
    </message>
    <message>
        <source>%1.  %2  →  %3</source>
        <translation>%1.  %2  →  %3</translation>
    </message>
    <message>
        <source>(no condition yet)</source>
        <translation>(noch keine Bedingung)</translation>
    </message>
    <message>
        <source>(no list)</source>
        <translation>(keine Liste)</translation>
    </message>
    <message>
        <source>Cannot count: %1</source>
        <translation>Zählen nicht möglich: %1</translation>
    </message>
    <message>
        <source>not synced</source>
        <translation>nicht synchronisiert</translation>
    </message>
    <message>
        <source>included above in %1</source>
        <translation>oben in %1 enthalten</translation>
    </message>
    <message>
        <source>Matching no rule (%1)</source>
        <translation>Ohne passende Regel (%1)</translation>
    </message>
    <message>
        <source>%1 rows counted in %2 ms.</source>
        <translation>%1 Zeilen in %2 ms gezählt.</translation>
    </message>
    <message>
        <source>The lists rows can go to; rules refer to them by name. Pick a catalogued list, type the name of a list the first run creates, or provision a new one. Double-click a name or site to edit it.</source>
        <translation>Die Listen, in die Zeilen gehen können; Regeln verweisen per Name auf sie. Wählen Sie eine katalogisierte Liste, geben Sie den Namen einer Liste ein, die der erste Lauf anlegt, oder legen Sie eine neue an. Doppelklicken Sie auf einen Namen oder eine Website, um ihn zu bearbeiten.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::SharePointCheck</name>
    <message>
        <source>secret: no secret is stored for &apos;%1&apos; under %2: %3 No token was requested.</source>
        <translation>Zugangsdaten: für &apos;%1&apos; sind unter %2 keine Zugangsdaten gespeichert: %3 Es wurde kein Token angefordert.</translation>
    </message>
    <message>
        <source>Enter the client secret of the app registration (Edit the connection, or type it in its dialog).</source>
        <translation>Geben Sie den geheimen Clientschlüssel der App-Registrierung ein (Verbindung bearbeiten oder im Dialog eintippen).</translation>
    </message>
    <message>
        <source>secret: the secret of &apos;%1&apos; could not be read from %2: %3 No token was requested.</source>
        <translation>Zugangsdaten: die Zugangsdaten von &apos;%1&apos; konnten nicht aus %2 gelesen werden: %3 Es wurde kein Token angefordert.</translation>
    </message>
    <message>
        <source>Unlock the keychain, or type the client secret again.</source>
        <translation>Entsperren Sie den Schlüsselbund oder geben Sie den geheimen Clientschlüssel erneut ein.</translation>
    </message>
    <message>
        <source>secret: found (%1)</source>
        <translation>Zugangsdaten: gefunden (%1)</translation>
    </message>
    <message>
        <source>token: requested from %1 for tenant %2 and refused: %3</source>
        <translation>Token: bei %1 für Mandant %2 angefordert und abgelehnt: %3</translation>
    </message>
    <message>
        <source>Check the tenant, the client ID and the client secret: copy the secret&apos;s value (not its ID) from the app registration; an expired secret is refused too.</source>
        <translation>Prüfen Sie Mandant, Client-ID und geheimen Clientschlüssel: Kopieren Sie den Wert des Schlüssels (nicht seine ID) aus der App-Registrierung; ein abgelaufener Schlüssel wird ebenfalls abgelehnt.</translation>
    </message>
    <message>
        <source>token: requested from %1 for tenant %2 and accepted</source>
        <translation>Token: bei %1 für Mandant %2 angefordert und akzeptiert</translation>
    </message>
    <message>
        <source>graph: the root site answers (no definition writes through this connection yet)</source>
        <translation>Graph: die Stammwebsite antwortet (noch schreibt keine Definition über diese Verbindung)</translation>
    </message>
    <message>
        <source>graph: %1</source>
        <translation>Graph: %1</translation>
    </message>
    <message>
        <source>Check the Graph base URL and that the app registration has the Sites.Selected or Sites.ReadWrite.All permission with admin consent.</source>
        <translation>Prüfen Sie die Graph-Basis-URL und ob die App-Registrierung die Berechtigung Sites.Selected oder Sites.ReadWrite.All mit Administratorzustimmung hat.</translation>
    </message>
    <message>
        <source>site %1: %2</source>
        <translation>Website %1: %2</translation>
    </message>
    <message>
        <source>The site &apos;%1&apos;</source>
        <translation>Die Website &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Check the site&apos;s address in the definitions and that the app may read it (Sites.Selected needs a grant per site).</source>
        <translation>Prüfen Sie die Adresse der Website in den Definitionen und ob die App sie lesen darf (Sites.Selected braucht eine Freigabe je Website).</translation>
    </message>
    <message>
        <source>site %1: reachable (%2)</source>
        <translation>Website %1: erreichbar (%2)</translation>
    </message>
    <message>
        <source>list &apos;%1&apos;: reachable</source>
        <translation>Liste &apos;%1&apos;: erreichbar</translation>
    </message>
    <message>
        <source>list &apos;%1&apos;: does not exist yet (the first run or lists provision creates it)</source>
        <translation>Liste &apos;%1&apos;: existiert noch nicht (der erste Lauf oder lists provision legt sie an)</translation>
    </message>
    <message>
        <source>list &apos;%1&apos;: %2</source>
        <translation>Liste &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos;</source>
        <translation>Die Liste &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Check that the app may read and write the site&apos;s lists.</source>
        <translation>Prüfen Sie, ob die App die Listen der Website lesen und schreiben darf.</translation>
    </message>
    <message>
        <source>budget: no RateLimit headers in the last answer (the service sends them from 80 % of the minute&apos;s budget)</source>
        <translation>Budget: keine RateLimit-Header in der letzten Antwort (der Dienst sendet sie ab 80 % des Minutenbudgets)</translation>
    </message>
    <message>
        <source>budget: the last answer carried %1</source>
        <translation>Budget: die letzte Antwort enthielt %1</translation>
    </message>
    <message>
        <source>Nothing was sent. Choose the CA certificate of the proxy that inspects TLS (or of the national cloud) as the connection&apos;s extra CA certificate, or check the authority host.</source>
        <translation>Es wurde nichts gesendet. Wählen Sie das CA-Zertifikat des Proxys, der TLS untersucht (oder der nationalen Cloud), als zusätzliches CA-Zertifikat der Verbindung, oder prüfen Sie den Autoritäts-Host.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::SharePointCheckView</name>
    <message>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>typed here, not saved yet</source>
        <translation>hier eingegeben, noch nicht gespeichert</translation>
    </message>
    <message>
        <source>no secret entered</source>
        <translation>keine Zugangsdaten eingegeben</translation>
    </message>
</context>
<context>
    <name>SyncBridge::SharePointDialog</name>
    <message>
        <source>Add SharePoint connection</source>
        <translation>SharePoint-Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Edit SharePoint connection</source>
        <translation>SharePoint-Verbindung bearbeiten</translation>
    </message>
    <message>
        <source>contoso.onmicrosoft.com or the tenant GUID</source>
        <translation>contoso.onmicrosoft.com oder die Mandanten-GUID</translation>
    </message>
    <message>
        <source>Application (client) ID of the app registration</source>
        <translation>Anwendungs-ID (Client-ID) der App-Registrierung</translation>
    </message>
    <message>
        <source>Client secret value</source>
        <translation>Wert des geheimen Clientschlüssels</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in SyncBridge&apos;s files.</source>
        <translation>Im Schlüsselbund des Systems gespeichert, nie in SyncBridges Dateien.</translation>
    </message>
    <message>
        <source>For national clouds or the local Graph emulator; plain http is allowed only for this computer.</source>
        <translation>Für nationale Clouds oder den lokalen Graph-Emulator; unverschlüsseltes http ist nur für diesen Computer erlaubt.</translation>
    </message>
    <message>
        <source> RU/min</source>
        <translation> RU/min</translation>
    </message>
    <message>
        <source>The tenant&apos;s SharePoint resource-unit budget per app and minute (1,250 for most licences).</source>
        <translation>Das SharePoint-Budget des Mandanten in Ressourceneinheiten pro App und Minute (1.250 für die meisten Lizenzen).</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Geheimer Client&amp;schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Authority host:</source>
        <translation>&amp;Autoritäts-Host:</translation>
    </message>
    <message>
        <source>&amp;Graph base URL:</source>
        <translation>&amp;Graph-Basis-URL:</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>&amp;Budget:</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>Enter the tenant.</source>
        <translation>Geben Sie den Mandanten ein.</translation>
    </message>
    <message>
        <source>Enter the client ID.</source>
        <translation>Geben Sie die Client-ID ein.</translation>
    </message>
    <message>
        <source>The authority host must be an https URL (http only for this computer).</source>
        <translation>Der Autoritäts-Host muss eine https-URL sein (http nur für diesen Computer).</translation>
    </message>
    <message>
        <source>The Graph base URL must be an https URL (http only for this computer).</source>
        <translation>Die Graph-Basis-URL muss eine https-URL sein (http nur für diesen Computer).</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Now in: %1. Left empty, it stays as it is.</source>
        <translation>Derzeit in: %1. Leer gelassen, bleibt es unverändert.</translation>
    </message>
    <message>
        <source>Ask for a token with these values and read the sites and lists of the definitions that use the connection</source>
        <translation>Mit diesen Werten ein Token anfordern und die Websites und Listen der Definitionen lesen, die die Verbindung verwenden</translation>
    </message>
    <message>
        <source>&amp;Stop test</source>
        <translation>Test &amp;anhalten</translation>
    </message>
    <message>
        <source>Test stopped.</source>
        <translation>Test angehalten.</translation>
    </message>
    <message>
        <source>E&amp;xtra CA certificate:</source>
        <translation>&amp;Zusätzliches CA-Zertifikat:</translation>
    </message>
</context>
<context>
    <name>SyncBridge::SlotHealth</name>
    <message numerus="yes">
        <source>No run recorded the slot&apos;s position for %n minute(s) while the server wrote WAL: changes wait that long. Schedule the definition more often, or check that its agent runs.</source>
        <translation>
            <numerusform>Seit %n Minute hat kein Lauf die Position des Slots vermerkt, während der Server WAL schrieb: So lange warten Änderungen schon. Planen Sie die Definition häufiger ein oder prüfen Sie, ob ihr Agent läuft.</numerusform>
            <numerusform>Seit %n Minuten hat kein Lauf die Position des Slots vermerkt, während der Server WAL schrieb: So lange warten Änderungen schon. Planen Sie die Definition häufiger ein oder prüfen Sie, ob ihr Agent läuft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge::Source</name>
    <message>
        <source>reading the table catalog</source>
        <translation>beim Lesen des Tabellenkatalogs</translation>
    </message>
    <message>
        <source>The server at %1 rejected the password for user &apos;%2&apos;. Check the user name and password of instance &apos;%3&apos;.</source>
        <translation>Der Server unter %1 hat das Passwort für Benutzer „%2“ abgelehnt. Prüfen Sie Benutzername und Passwort der Instanz „%3“.</translation>
    </message>
    <message>
        <source>The server at %1 has no database called &apos;%2&apos;. Check the database name.</source>
        <translation>Der Server unter %1 hat keine Datenbank namens „%2“. Prüfen Sie den Datenbanknamen.</translation>
    </message>
    <message>
        <source>Nothing is accepting connections at %1. Is PostgreSQL running there, and is the port right?</source>
        <translation>Unter %1 nimmt nichts Verbindungen an. Läuft PostgreSQL dort, und stimmt der Port?</translation>
    </message>
    <message>
        <source>The host name &apos;%1&apos; cannot be resolved. Check the spelling or your DNS.</source>
        <translation>Der Hostname „%1“ lässt sich nicht auflösen. Prüfen Sie die Schreibweise oder Ihr DNS.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time. Check the network and firewall.</source>
        <translation>Der Server unter %1 hat nicht rechtzeitig geantwortet. Prüfen Sie Netzwerk und Firewall.</translation>
    </message>
    <message>
        <source>Cannot connect to %1.</source>
        <translation>Verbindung zu %1 nicht möglich.</translation>
    </message>
    <message>
        <source>The database failed while %1.</source>
        <translation>Die Datenbank ist %1 gescheitert.</translation>
    </message>
    <message>
        <source>The database &apos;%1&apos; has no instances to connect to.</source>
        <translation>Die Datenbank „%1“ hat keine Instanzen, zu denen verbunden werden kann.</translation>
    </message>
    <message>
        <source>No instance of &apos;%1&apos; accepted a connection:
%2</source>
        <translation>Keine Instanz von „%1“ hat eine Verbindung angenommen:
%2</translation>
    </message>
    <message>
        <source>reading changes from %1.%2</source>
        <translation>beim Lesen der Änderungen aus %1.%2</translation>
    </message>
    <message>
        <source>reading rows of %1.%2</source>
        <translation>beim Lesen von Zeilen aus %1.%2</translation>
    </message>
    <message>
        <source>The connection to the database broke while %1.</source>
        <translation>Die Verbindung zur Datenbank brach %1 ab.</translation>
    </message>
    <message>
        <source>Instance &apos;%1&apos; was unavailable (%2); using &apos;%3&apos;.</source>
        <translation>Instanz „%1“ war nicht erreichbar (%2); verwende „%3“.</translation>
    </message>
    <message>
        <source>Lost the connection to &apos;%1&apos; (%2); continuing on &apos;%3&apos;.</source>
        <translation>Verbindung zu „%1“ verloren (%2); weiter mit „%3“.</translation>
    </message>
    <message>
        <source>finding the oldest open transaction</source>
        <translation>beim Suchen der ältesten offenen Transaktion</translation>
    </message>
    <message>
        <source>The database cancelled the read while %1 (a statement timeout or a conflict with recovery).</source>
        <translation>Die Datenbank hat das Lesen %1 abgebrochen (ein Statement-Timeout oder ein Konflikt mit der Wiederherstellung).</translation>
    </message>
    <message>
        <source>writing rows into %1.%2</source>
        <translation>Zeilen werden in %1.%2 geschrieben</translation>
    </message>
    <message>
        <source>The replication slot &apos;%1&apos; %2, so the changes committed since the last delivered position %3 cannot be streamed. Nothing was read or written. To load the table again in a new slot&apos;s snapshot and match the items already synced (no duplicates), approve a re-snapshot: syncbridge-cli run &quot;%4&quot; --resnapshot, or Re-snapshot in the definition&apos;s Replication tab.</source>
        <translation>Der Replikationsslot „%1“ %2, daher können die seit der zuletzt zugestellten Position %3 festgeschriebenen Änderungen nicht gestreamt werden. Es wurde nichts gelesen oder geschrieben. Um die Tabelle im Snapshot eines neuen Slots erneut zu laden und den bereits synchronisierten Elementen zuzuordnen (ohne Duplikate), erlauben Sie einen neuen Snapshot: syncbridge-cli run &quot;%4&quot; --resnapshot oder „Neuer Snapshot“ im Reiter „Replikation“ der Definition.</translation>
    </message>
    <message>
        <source>lost WAL it needed (wal_status lost)</source>
        <translation>hat benötigtes WAL verloren (wal_status lost)</translation>
    </message>
    <message>
        <source>no longer exists (dropped, or not on this server after a failover)</source>
        <translation>existiert nicht mehr (entfernt oder nach einem Failover nicht auf diesem Server)</translation>
    </message>
    <message>
        <source>reading the publication %1</source>
        <translation>beim Lesen der Publikation %1</translation>
    </message>
    <message>
        <source>The replication slot &apos;%1&apos; is in use by a run; stop the run first.</source>
        <translation>Der Replikationsslot „%1“ wird von einem Lauf verwendet; halten Sie den Lauf zuerst an.</translation>
    </message>
    <message>
        <source>dropping the replication slot %1</source>
        <translation>beim Entfernen des Replikationsslots %1</translation>
    </message>
    <message>
        <source>The replication stream sent a message this version cannot read.</source>
        <translation>Der Replikationsstream hat eine Nachricht gesendet, die diese Version nicht lesen kann.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot name a replication slot or publication: use lower-case letters, digits and underscores.</source>
        <translation>„%1“ taugt nicht als Name eines Replikationsslots oder einer Publikation: Verwenden Sie Kleinbuchstaben, Ziffern und Unterstriche.</translation>
    </message>
    <message>
        <source>PostgreSQL refuses a replication connection to &apos;%1&apos; for &apos;%2&apos;. Give the role the REPLICATION attribute (ALTER ROLE … REPLICATION) and allow it in pg_hba.conf with a &apos;replication&apos; or database line.</source>
        <translation>PostgreSQL lehnt eine Replikationsverbindung zu „%1“ für „%2“ ab. Geben Sie der Rolle das Attribut REPLICATION (ALTER ROLE … REPLICATION) und erlauben Sie sie in pg_hba.conf mit einer „replication“- oder Datenbankzeile.</translation>
    </message>
    <message>
        <source>PostgreSQL refused %1.</source>
        <translation>PostgreSQL hat %1 abgelehnt.</translation>
    </message>
    <message>
        <source>The replication slot &apos;%1&apos; already exists.</source>
        <translation>Der Replikationsslot „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Every replication slot of the server is in use. Drop an unused slot (pg_drop_replication_slot) or raise max_replication_slots and restart PostgreSQL.</source>
        <translation>Alle Replikationsslots des Servers sind belegt. Entfernen Sie einen ungenutzten Slot (pg_drop_replication_slot) oder erhöhen Sie max_replication_slots und starten Sie PostgreSQL neu.</translation>
    </message>
    <message>
        <source>to create the replication slot &apos;%1&apos;</source>
        <translation>das Anlegen des Replikationsslots „%1“</translation>
    </message>
    <message>
        <source>to drop the replication slot &apos;%1&apos;</source>
        <translation>das Entfernen des Replikationsslots „%1“</translation>
    </message>
    <message>
        <source>to stream the replication slot &apos;%1&apos;</source>
        <translation>das Streamen des Replikationsslots „%1“</translation>
    </message>
    <message>
        <source>PostgreSQL ended the replication stream.</source>
        <translation>PostgreSQL hat den Replikationsstream beendet.</translation>
    </message>
    <message>
        <source>The replication connection to PostgreSQL broke in the attempt %1.</source>
        <translation>Die Replikationsverbindung zu PostgreSQL brach ab, als %1 versucht wurde.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Store</name>
    <message>
        <source>No sync definition with id %1 exists.</source>
        <translation>Es gibt keine Synchronisationsdefinition mit der ID %1.</translation>
    </message>
    <message>
        <source>No sync definition is called &apos;%1&apos;.</source>
        <translation>Keine Synchronisationsdefinition heißt „%1“.</translation>
    </message>
    <message>
        <source>Cannot create the folder for the meta-store: %1</source>
        <translation>Der Ordner für den Meta-Speicher kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>The Qt Sql driver for the meta-store is not installed (%1).</source>
        <translation>Der Qt-Sql-Treiber für den Meta-Speicher ist nicht installiert (%1).</translation>
    </message>
    <message>
        <source>Cannot open the meta-store at %1.</source>
        <translation>Der Meta-Speicher unter %1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The meta-store was written by a newer SyncBridge (schema %1); this version knows schema %2. Update SyncBridge.</source>
        <translation>Der Meta-Speicher wurde von einem neueren SyncBridge geschrieben (Schema %1); diese Version kennt Schema %2. Aktualisieren Sie SyncBridge.</translation>
    </message>
    <message>
        <source>No run with id %1 exists.</source>
        <translation>Es gibt keinen Lauf mit der ID %1.</translation>
    </message>
    <message>
        <source>An entry with this name already exists.</source>
        <translation>Ein Eintrag mit diesem Namen existiert bereits.</translation>
    </message>
    <message>
        <source>The meta-store could not complete the request.</source>
        <translation>Der Meta-Speicher konnte die Anfrage nicht ausführen.</translation>
    </message>
    <message>
        <source>The meta-store did not return the new entry&apos;s id.</source>
        <translation>Der Meta-Speicher hat die ID des neuen Eintrags nicht zurückgegeben.</translation>
    </message>
    <message>
        <source>No database connection with that name or id exists.</source>
        <translation>Es gibt keine Datenbankverbindung mit diesem Namen oder dieser ID.</translation>
    </message>
    <message>
        <source>No SharePoint connection with that name or id exists.</source>
        <translation>Es gibt keine SharePoint-Verbindung mit diesem Namen oder dieser ID.</translation>
    </message>
    <message>
        <source>An agent named &apos;%1&apos; is already running on %2 (pid %3); start this one with another name (--name).</source>
        <translation>Ein Agent namens &apos;%1&apos; läuft bereits auf %2 (PID %3); starten Sie diesen mit einem anderen Namen (--name).</translation>
    </message>
    <message>
        <source>Choose the database&apos;s value, SharePoint&apos;s value or an edited value.</source>
        <translation>Wählen Sie den Wert der Datenbank, den Wert aus SharePoint oder einen bearbeiteten Wert.</translation>
    </message>
    <message>
        <source>There is no conflict %1 waiting for a decision.</source>
        <translation>Es gibt keinen Konflikt %1, der auf eine Entscheidung wartet.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::StoreLocation</name>
    <message>
        <source>No meta-store location was given.</source>
        <translation>Es wurde kein Ort für den Meta-Speicher angegeben.</translation>
    </message>
    <message>
        <source>The meta-store URL is not valid; expected postgresql://user@host:port/database.</source>
        <translation>Die URL des Meta-Speichers ist ungültig; erwartet wird postgresql://benutzer@host:port/datenbank.</translation>
    </message>
    <message>
        <source>Remove the password from the meta-store URL; put it in PGPASSWORD or ~/.pgpass so it is never stored in settings or logs.</source>
        <translation>Entfernen Sie das Passwort aus der URL des Meta-Speichers; legen Sie es in PGPASSWORD oder ~/.pgpass ab, damit es nie in Einstellungen oder Protokollen landet.</translation>
    </message>
    <message>
        <source>The meta-store URL names no database; expected postgresql://user@host:port/database.</source>
        <translation>Die URL des Meta-Speichers nennt keine Datenbank; erwartet wird postgresql://benutzer@host:port/datenbank.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::Sync</name>
    <message>
        <source>expected a transform name</source>
        <translation>Name einer Umwandlung erwartet</translation>
    </message>
    <message>
        <source>expected &apos;|&apos; between transforms</source>
        <translation>„|“ zwischen Umwandlungen erwartet</translation>
    </message>
    <message>
        <source>Transform &apos;%1&apos; at %2: %3</source>
        <translation>Umwandlung „%1“ an Stelle %2: %3</translation>
    </message>
    <message>
        <source>expected a value</source>
        <translation>Wert erwartet</translation>
    </message>
    <message>
        <source>unterminated text</source>
        <translation>nicht abgeschlossener Text</translation>
    </message>
    <message>
        <source>expected &apos;text&apos; or a number</source>
        <translation>„Text“ oder eine Zahl erwartet</translation>
    </message>
    <message>
        <source>expected &apos;(&apos;</source>
        <translation>„(“ erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos;</source>
        <translation>„,“ erwartet</translation>
    </message>
    <message>
        <source>expected &apos;)&apos;</source>
        <translation>„)“ erwartet</translation>
    </message>
    <message>
        <source>the regular expression is not valid: %1</source>
        <translation>der reguläre Ausdruck ist ungültig: %1</translation>
    </message>
    <message>
        <source>Column &apos;%1&apos;: %2 characters are longer than the SharePoint column &apos;%3&apos; allows (%4).</source>
        <translation>Spalte „%1“: %2 Zeichen sind länger, als die SharePoint-Spalte „%3“ erlaubt (%4).</translation>
    </message>
    <message>
        <source>The table %1 has no primary key; name the key columns in the definition.</source>
        <translation>Die Tabelle %1 hat keinen Primärschlüssel; nennen Sie die Schlüsselspalten in der Definition.</translation>
    </message>
    <message>
        <source>The key column &apos;%1&apos; is not in %2.</source>
        <translation>Die Schlüsselspalte „%1“ gibt es in %2 nicht.</translation>
    </message>
    <message numerus="yes">
        <source>Resolved %n half-finished write(s) from an earlier run.</source>
        <translation>
            <numerusform>%n halb fertiger Schreibvorgang aus einem früheren Lauf geklärt.</numerusform>
            <numerusform>%n halb fertige Schreibvorgänge aus einem früheren Lauf geklärt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The definition has no SharePoint list to push to.</source>
        <translation>Die Definition hat keine SharePoint-Liste als Ziel.</translation>
    </message>
    <message>
        <source>All lists of one definition must be in the same SharePoint site.</source>
        <translation>Alle Listen einer Definition müssen in derselben SharePoint-Website liegen.</translation>
    </message>
    <message>
        <source>The definition&apos;s SharePoint connection no longer exists.</source>
        <translation>Die SharePoint-Verbindung der Definition existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The table %1.%2 does not exist in &apos;%3&apos;.</source>
        <translation>Die Tabelle %1.%2 existiert in „%3“ nicht.</translation>
    </message>
    <message>
        <source>The cursor was reset: every row is compared again (updates, no duplicates).</source>
        <translation>Der Cursor wurde zurückgesetzt: jede Zeile wird erneut verglichen (Aktualisierungen, keine Duplikate).</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos;</source>
        <translation>Die Liste „%1“</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos; was deleted or renamed in SharePoint. Restore it, or remove its id from the definition to create a new list.</source>
        <translation>Die Liste „%1“ wurde in SharePoint gelöscht oder umbenannt. Stellen Sie sie wieder her oder entfernen Sie ihre ID aus der Definition, um eine neue Liste anzulegen.</translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n row(s) that failed before.</source>
        <translation>
            <numerusform>%n zuvor fehlgeschlagene Zeile wird erneut versucht.</numerusform>
            <numerusform>%n zuvor fehlgeschlagene Zeilen werden erneut versucht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; everything written so far is recorded.</source>
        <translation>Abgebrochen; alles bisher Geschriebene ist vermerkt.</translation>
    </message>
    <message>
        <source>(no list)</source>
        <translation>(keine Liste)</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The item was deleted in SharePoint; it will be created again.</source>
        <translation>Das Element wurde in SharePoint gelöscht; es wird neu angelegt.</translation>
    </message>
    <message>
        <source>SharePoint did not confirm the create (%1); it is checked by SyncBridgeKey before any retry.</source>
        <translation>SharePoint hat das Anlegen nicht bestätigt (%1); vor jedem erneuten Versuch wird per SyncBridgeKey geprüft.</translation>
    </message>
    <message>
        <source>SharePoint answered %1.</source>
        <translation>SharePoint antwortete %1.</translation>
    </message>
    <message>
        <source>Column &apos;%1&apos;: %2</source>
        <translation>Spalte „%1“: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date SharePoint can store</source>
        <translation>„%1“ ist kein Datum, das SharePoint speichern kann</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid date</source>
        <translation>„%1“ ist kein gültiges Datum</translation>
    </message>
    <message>
        <source>%1 is outside the dates SharePoint stores (1900-01-01 to 8900-12-31)</source>
        <translation>%1 liegt außerhalb der Daten, die SharePoint speichert (1900-01-01 bis 8900-12-31)</translation>
    </message>
    <message>
        <source>%1 is too large for a SharePoint number to hold exactly</source>
        <translation>%1 ist zu groß, als dass eine SharePoint-Zahl es exakt hält</translation>
    </message>
    <message>
        <source>%1 cannot be stored in SharePoint</source>
        <translation>%1 kann in SharePoint nicht gespeichert werden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>%1 has more significant digits than a SharePoint number keeps (15)</source>
        <translation>%1 hat mehr signifikante Stellen, als eine SharePoint-Zahl behält (15)</translation>
    </message>
    <message>
        <source>binary data cannot be stored in a SharePoint list</source>
        <translation>Binärdaten können nicht in einer SharePoint-Liste gespeichert werden</translation>
    </message>
    <message>
        <source>Could not check the new items for duplicates: %1</source>
        <translation>Die neuen Elemente konnten nicht auf Duplikate geprüft werden: %1</translation>
    </message>
    <message>
        <source>This definition is already running; wait for the run to finish or cancel it.</source>
        <translation>Diese Definition läuft bereits; warten Sie, bis der Lauf endet, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>The tenant&apos;s daily SharePoint budget is spent; the run waits until it renews at %1 UTC (or cancel it).</source>
        <translation>Das tägliche SharePoint-Budget des Mandanten ist aufgebraucht; der Lauf wartet, bis es sich um %1 UTC erneuert (oder brechen Sie ihn ab).</translation>
    </message>
    <message>
        <source>Cancelled while waiting for the SharePoint budget; everything written so far is recorded.</source>
        <translation>Während des Wartens auf das SharePoint-Budget abgebrochen; alles bisher Geschriebene ist erfasst.</translation>
    </message>
    <message>
        <source>SharePoint asked the run to pause (throttling, possibly its daily limit); the run waits until %1 UTC (or cancel it).</source>
        <translation>SharePoint hat den Lauf um eine Pause gebeten (Drosselung, womöglich das Tageslimit); der Lauf wartet bis %1 UTC (oder brechen Sie ihn ab).</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of &apos;%1&apos; are gone from the source; their items were left in place (deletes policy LEAVE).</source>
        <translation>
            <numerusform>%n Zeile von „%1“ ist aus der Quelle verschwunden; ihr Element blieb erhalten (Löschregel LEAVE).</numerusform>
            <numerusform>%n Zeilen von „%1“ sind aus der Quelle verschwunden; ihre Elemente blieben erhalten (Löschregel LEAVE).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flagged %n item(s) whose source rows are gone (column %1 = Yes; deletes policy MARK).</source>
        <translation>
            <numerusform>%n Element markiert, dessen Quellzeile verschwunden ist (Spalte %1 = Ja; Löschregel MARK).</numerusform>
            <numerusform>%n Elemente markiert, deren Quellzeilen verschwunden sind (Spalte %1 = Ja; Löschregel MARK).</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a field this definition pushes. Backfill one of: %2.</source>
        <translation>„%1“ ist kein Feld, das diese Definition überträgt. Nachtragen lässt sich eines von: %2.</translation>
    </message>
    <message>
        <source>Backfilling %1 on every synced item; nothing is created, moved or deleted, and the cursor stays where it is.</source>
        <translation>Trage %1 bei jedem synchronisierten Element nach; nichts wird angelegt, verschoben oder gelöscht, und der Cursor bleibt, wo er ist.</translation>
    </message>
    <message>
        <source>The cursor column &apos;%1&apos; is not in %2.</source>
        <translation>Die Cursorspalte &apos;%1&apos; gibt es in %2 nicht.</translation>
    </message>
    <message numerus="yes">
        <source>The database role cannot see other sessions&apos; transactions, so a transaction that commits more than %n second(s) late may be missed. Grant it pg_read_all_stats.</source>
        <translation>
            <numerusform>Die Datenbankrolle sieht die Transaktionen anderer Sitzungen nicht; eine Transaktion, die mehr als %n Sekunde zu spät festgeschrieben wird, kann übersehen werden. Erteilen Sie ihr pg_read_all_stats.</numerusform>
            <numerusform>Die Datenbankrolle sieht die Transaktionen anderer Sitzungen nicht; eine Transaktion, die mehr als %n Sekunden zu spät festgeschrieben wird, kann übersehen werden. Erteilen Sie ihr pg_read_all_stats.</numerusform>
        </translation>
    </message>
    <message>
        <source>The cursor column &apos;%1&apos; is not a timestamp or a date: a transaction that commits late can be missed. Use a timestamp column, or FULL_SCAN.</source>
        <translation>Die Cursorspalte &apos;%1&apos; ist kein Zeitstempel und kein Datum: Eine spät festgeschriebene Transaktion kann übersehen werden. Verwenden Sie eine Zeitstempelspalte oder FULL_SCAN.</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos; was deleted or renamed in SharePoint; the run stopped. The rows it refused wait in the retry queue.</source>
        <translation>Die Liste &apos;%1&apos; wurde in SharePoint gelöscht oder umbenannt; der Lauf wurde angehalten. Die abgewiesenen Zeilen warten in der Wiederholungswarteschlange.</translation>
    </message>
    <message>
        <source>Interrupted: the process on %1 (pid %2) ended before the run finished; noticed at %3 UTC. What it committed is kept; the next run resolves its unconfirmed writes.</source>
        <translation>Unterbrochen: Der Prozess auf %1 (PID %2) endete, bevor der Lauf fertig war; bemerkt um %3 UTC. Was er festgeschrieben hat, bleibt erhalten; der nächste Lauf klärt seine unbestätigten Schreibvorgänge.</translation>
    </message>
    <message>
        <source>An earlier write of this row is not confirmed yet; it is checked by SyncBridgeKey before the row is written again.</source>
        <translation>Ein früherer Schreibvorgang dieser Zeile ist noch nicht bestätigt; er wird über SyncBridgeKey geprüft, bevor die Zeile erneut geschrieben wird.</translation>
    </message>
    <message>
        <source>The old item of a moved row could not be deleted (%1); the next run deletes it.</source>
        <translation>Das alte Element einer verschobenen Zeile konnte nicht gelöscht werden (%1); der nächste Lauf löscht es.</translation>
    </message>
    <message numerus="yes">
        <source>Looked up %n write(s) SharePoint did not answer: %1 had arrived, the others wait for a retry.</source>
        <translation>
            <numerusform>%n Schreibvorgang ohne Antwort von SharePoint nachgeschlagen: %1 ist angekommen, der Rest wartet auf eine Wiederholung.</numerusform>
            <numerusform>%n Schreibvorgänge ohne Antwort von SharePoint nachgeschlagen: %1 sind angekommen, der Rest wartet auf eine Wiederholung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unconfirmed write(s) went to a list that no longer exists; the rows are written again where their route says.</source>
        <translation>
            <numerusform>%n unbestätigter Schreibvorgang ging an eine Liste, die es nicht mehr gibt; die Zeile wird erneut dorthin geschrieben, wohin ihre Regel sie leitet.</numerusform>
            <numerusform>%n unbestätigte Schreibvorgänge gingen an eine Liste, die es nicht mehr gibt; die Zeilen werden erneut dorthin geschrieben, wohin ihre Regeln sie leiten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The key column &apos;%1&apos; is NULL, so the row cannot be told apart from others; it is synced once the column has a value.</source>
        <translation>Die Schlüsselspalte &apos;%1&apos; ist NULL, daher lässt sich die Zeile nicht von anderen unterscheiden; sie wird synchronisiert, sobald die Spalte einen Wert hat.</translation>
    </message>
    <message>
        <source>The key columns changed since the last run. The next run first matches the existing items to their rows by the new key; until then this plan counts those rows as new.</source>
        <translation>Die Schlüsselspalten haben sich seit dem letzten Lauf geändert. Der nächste Lauf ordnet zuerst die vorhandenen Elemente über den neuen Schlüssel ihren Zeilen zu; bis dahin zählt dieser Plan diese Zeilen als neu.</translation>
    </message>
    <message numerus="yes">
        <source>Matched %n existing item(s) to their rows by the new key columns.</source>
        <translation>
            <numerusform>%n vorhandenes Element über die neuen Schlüsselspalten seiner Zeile zugeordnet.</numerusform>
            <numerusform>%n vorhandene Elemente über die neuen Schlüsselspalten ihren Zeilen zugeordnet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) kept their old identity: their rows are gone, or their new key is NULL or shared with another row.</source>
        <translation>
            <numerusform>%n Element behielt seine alte Identität: seine Zeile ist weg, oder ihr neuer Schlüssel ist NULL oder gehört auch einer anderen Zeile.</numerusform>
            <numerusform>%n Elemente behielten ihre alte Identität: ihre Zeilen sind weg, oder ihr neuer Schlüssel ist NULL oder gehört auch einer anderen Zeile.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n duplicate item(s) that a re-sent request, or a write of a run that died, had created.</source>
        <translation>
            <numerusform>%n doppeltes Element entfernt, das eine erneut gesendete Anfrage oder ein Schreibvorgang eines abgebrochenen Laufs angelegt hatte.</numerusform>
            <numerusform>%n doppelte Elemente entfernt, die eine erneut gesendete Anfrage oder ein Schreibvorgang eines abgebrochenen Laufs angelegt hatte.</numerusform>
        </translation>
    </message>
    <message>
        <source>This definition is running on %1 since %2 UTC; its run must end (or stop renewing its lease for a minute) before another can start.</source>
        <translation>Diese Definition läuft auf %1 seit %2 UTC; ihr Lauf muss enden (oder eine Minute lang seine Sperre nicht mehr erneuern), bevor ein anderer beginnen kann.</translation>
    </message>
    <message>
        <source>Interrupted: %1 stopped renewing its lease (it ran out at %2 UTC); another run took the definition over. What it committed is kept; the next run resolves its unconfirmed writes.</source>
        <translation>Unterbrochen: %1 hat seine Sperre nicht mehr erneuert (sie lief um %2 UTC ab); ein anderer Lauf hat die Definition übernommen. Was er festgeschrieben hat, bleibt erhalten; der nächste Lauf klärt seine unbestätigten Schreibvorgänge.</translation>
    </message>
    <message>
        <source>Interrupted: the process %1 ended before the run finished; noticed at %2 UTC. What it committed is kept; the next run resolves its unconfirmed writes.</source>
        <translation>Unterbrochen: der Prozess %1 endete, bevor der Lauf fertig war; bemerkt um %2 UTC. Was er festgeschrieben hat, bleibt erhalten; der nächste Lauf klärt seine unbestätigten Schreibvorgänge.</translation>
    </message>
    <message>
        <source>The run lost its lease on the definition (it could not renew it in time and another run took over); it stopped writing. What it committed is kept.</source>
        <translation>Der Lauf hat seine Sperre auf die Definition verloren (er konnte sie nicht rechtzeitig erneuern, und ein anderer Lauf hat übernommen); er schreibt nicht weiter. Was er festgeschrieben hat, bleibt erhalten.</translation>
    </message>
    <message>
        <source>No secret was found: the SharePoint connection &apos;%1&apos; names no client secret. Enter it on the Connections page, or add the connection again with syncbridge-cli connections add-sharepoint … --password-stdin.</source>
        <translation>Keine Zugangsdaten gefunden: die SharePoint-Verbindung &apos;%1&apos; nennt keinen geheimen Clientschlüssel. Geben Sie ihn auf der Seite „Verbindungen“ ein, oder fügen Sie die Verbindung mit syncbridge-cli connections add-sharepoint … --password-stdin erneut hinzu.</translation>
    </message>
    <message>
        <source>unknown transform &apos;%1&apos;; the known transforms are %2</source>
        <translation>unbekannte Umwandlung &apos;%1&apos;; bekannt sind %2</translation>
    </message>
    <message>
        <source>Mapping %1: %2</source>
        <translation>Zuordnung %1: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a column of %2.</source>
        <translation>&apos;%1&apos; ist keine Spalte von %2.</translation>
    </message>
    <message>
        <source>The key (%1) is not unique: %2 rows share %3, so no item can tell them apart.</source>
        <translation>Der Schlüssel (%1) ist nicht eindeutig: %2 Zeilen teilen %3, daher kann kein Element sie unterscheiden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a disabled draft: it runs once it is enabled (General, in Definitions). Nothing was read or written.</source>
        <translation>&apos;%1&apos; ist ein deaktivierter Entwurf: er läuft, sobald er aktiviert ist (Allgemein, unter Definitionen). Es wurde nichts gelesen oder geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>To fix before it can run (%n problem(s)):</source>
        <translation>
            <numerusform>Zu beheben, bevor sie laufen kann (%n Problem):</numerusform>
            <numerusform>Zu beheben, bevor sie laufen kann (%n Probleme):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The definition cannot run as it is (%n problem(s)); nothing was read or written:</source>
        <translation>
            <numerusform>Die Definition kann so nicht laufen (%n Problem); nichts wurde gelesen oder geschrieben:</numerusform>
            <numerusform>Die Definition kann so nicht laufen (%n Probleme); nichts wurde gelesen oder geschrieben:</numerusform>
        </translation>
    </message>
    <message>
        <source>SyncBridge quit during the run; what it had committed stays, and the next run resolves its unconfirmed writes.</source>
        <translation>SyncBridge wurde während des Laufs beendet; was festgeschrieben war, bleibt erhalten, und der nächste Lauf klärt seine unbestätigten Schreibvorgänge.</translation>
    </message>
    <message>
        <source>SharePoint is unavailable (%1); the run retries at %2 UTC (or cancel it).</source>
        <translation>SharePoint ist nicht verfügbar (%1); der Lauf versucht es um %2 UTC erneut (oder brechen Sie ihn ab).</translation>
    </message>
    <message>
        <source>SharePoint throttled the run (%1); it waits until %2 UTC.</source>
        <translation>SharePoint hat den Lauf gedrosselt (%1); er wartet bis %2 UTC.</translation>
    </message>
    <message>
        <source>SharePoint did not answer; the request is retried at %1 UTC.</source>
        <translation>SharePoint hat nicht geantwortet; die Anfrage wird um %1 UTC wiederholt.</translation>
    </message>
    <message>
        <source>SharePoint answered %1; the request is retried at %2 UTC.</source>
        <translation>SharePoint antwortete mit %1; die Anfrage wird um %2 UTC wiederholt.</translation>
    </message>
    <message>
        <source>The run waits for the resource-unit budget of the minute until %1 UTC.</source>
        <translation>Der Lauf wartet bis %1 UTC auf das Ressourceneinheiten-Budget der Minute.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) would fail: %1</source>
        <translation>
            <numerusform>%n Zeile würde fehlschlagen: %1</numerusform>
            <numerusform>%n Zeilen würden fehlschlagen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>List &apos;%1&apos;: %2</source>
        <translation>Liste &apos;%1&apos;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of items deleted from list &apos;%1&apos; were not deleted: more than %2 % of its items. Confirm with --allow-mass-delete (or in the run&apos;s question) to delete them.</source>
        <translation>
            <numerusform>%n Zeile von Elementen, die aus der Liste &apos;%1&apos; gelöscht wurden, wurde nicht gelöscht: mehr als %2 % ihrer Elemente. Bestätigen Sie mit --allow-mass-delete (oder in der Rückfrage des Laufs), um sie zu löschen.</numerusform>
            <numerusform>%n Zeilen von Elementen, die aus der Liste &apos;%1&apos; gelöscht wurden, wurden nicht gelöscht: mehr als %2 % ihrer Elemente. Bestätigen Sie mit --allow-mass-delete (oder in der Rückfrage des Laufs), um sie zu löschen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) were deleted from list &apos;%1&apos;; their rows are kept (delete policy LEAVE).</source>
        <translation>
            <numerusform>%n Element wurde aus der Liste &apos;%1&apos; gelöscht; seine Zeile bleibt erhalten (Löschrichtlinie LEAVE).</numerusform>
            <numerusform>%n Elemente wurden aus der Liste &apos;%1&apos; gelöscht; ihre Zeilen bleiben erhalten (Löschrichtlinie LEAVE).</numerusform>
        </translation>
    </message>
    <message>
        <source>Item %1 has the key (%2) of the row item %3 is written to; a key must be unique, so it is not written.</source>
        <translation>Element %1 hat den Schlüssel (%2) der Zeile, in die Element %3 geschrieben wird; ein Schlüssel muss eindeutig sein, daher wird es nicht geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n item(s) that failed before.</source>
        <translation>
            <numerusform>%n zuvor fehlgeschlagenes Element wird erneut versucht.</numerusform>
            <numerusform>%n zuvor fehlgeschlagene Elemente werden erneut versucht.</numerusform>
        </translation>
    </message>
    <message>
        <source>SharePoint no longer knows the position in list &apos;%1&apos; (410): every item is read again and compared.</source>
        <translation>SharePoint kennt die Position in der Liste &apos;%1&apos; nicht mehr (410): jedes Element wird erneut gelesen und verglichen.</translation>
    </message>
    <message>
        <source>The key column &apos;%1&apos; was changed in SharePoint (%2 → %3); a pull does not move a row to another key.</source>
        <translation>Die Schlüsselspalte &apos;%1&apos; wurde in SharePoint geändert (%2 → %3); ein Abruf verschiebt keine Zeile auf einen anderen Schlüssel.</translation>
    </message>
    <message>
        <source>Item %1 of list &apos;%2&apos; was not written: %3</source>
        <translation>Element %1 der Liste &apos;%2&apos; wurde nicht geschrieben: %3</translation>
    </message>
    <message>
        <source>SyncBridge quit during the pull; the next run reads the unfinished changes again.</source>
        <translation>SyncBridge wurde während des Abrufs beendet; der nächste Lauf liest die nicht abgeschlossenen Änderungen erneut.</translation>
    </message>
    <message>
        <source>The definition is a draft (disabled); enable it before it runs.</source>
        <translation>Die Definition ist ein Entwurf (deaktiviert); aktivieren Sie sie, bevor sie läuft.</translation>
    </message>
    <message>
        <source>The definition has no SharePoint list to pull from.</source>
        <translation>Die Definition hat keine SharePoint-Liste, aus der abgerufen wird.</translation>
    </message>
    <message>
        <source>The cursor was reset: every item is read and compared again.</source>
        <translation>Der Cursor wurde zurückgesetzt: jedes Element wird erneut gelesen und verglichen.</translation>
    </message>
    <message>
        <source>No mapping pulls (every one is PUSH_ONLY): there is nothing to write into the table.</source>
        <translation>Keine Zuordnung ruft ab (alle sind PUSH_ONLY): es gibt nichts, was in die Tabelle geschrieben werden könnte.</translation>
    </message>
    <message>
        <source>Mapping %1: &apos;%2&apos; is not a column of %3.</source>
        <translation>Zuordnung %1: &apos;%2&apos; ist keine Spalte von %3.</translation>
    </message>
    <message>
        <source>Mapping %1: &apos;%2&apos; is a generated column; a pull cannot write it.</source>
        <translation>Zuordnung %1: &apos;%2&apos; ist eine generierte Spalte; ein Abruf kann sie nicht schreiben.</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos; does not exist in SharePoint; a pull reads an existing list.</source>
        <translation>Die Liste &apos;%1&apos; existiert in SharePoint nicht; ein Abruf liest eine vorhandene Liste.</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos; has no column &apos;%2&apos; (mapping %3).</source>
        <translation>Die Liste &apos;%1&apos; hat keine Spalte &apos;%2&apos; (Zuordnung %3).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a list of values</source>
        <translation>&apos;%1&apos; ist keine Liste von Werten</translation>
    </message>
    <message>
        <source>a single value cannot go into an array column</source>
        <translation>ein Einzelwert kann nicht in eine Array-Spalte</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>&apos;%1&apos; ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not yes or no</source>
        <translation>&apos;%1&apos; ist weder ja noch nein</translation>
    </message>
    <message>
        <source>binary data is never written from SharePoint</source>
        <translation>Binärdaten werden nie aus SharePoint geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>Held back %n deletion(s) in &apos;%1&apos;: %2 % of its %L3 items, above the limit of %4 %. Check the source, then confirm the deletions (syncbridge-cli run --allow-mass-delete).</source>
        <translation>
            <numerusform>%n Löschung in &apos;%1&apos; zurückgehalten: %2 % ihrer %L3 Elemente, über dem Grenzwert von %4 %. Prüfen Sie die Quelle und bestätigen Sie dann die Löschungen (syncbridge-cli run --allow-mass-delete).</numerusform>
            <numerusform>%n Löschungen in &apos;%1&apos; zurückgehalten: %2 % ihrer %L3 Elemente, über dem Grenzwert von %4 %. Prüfen Sie die Quelle und bestätigen Sie dann die Löschungen (syncbridge-cli run --allow-mass-delete).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A real run would ask before deleting %L1 of the %n item(s) of &apos;%2&apos; (above the limit of %3 %).</source>
        <translation>
            <numerusform>Ein echter Lauf würde nachfragen, bevor er %L1 von %n Element in &apos;%2&apos; löscht (über dem Grenzwert von %3 %).</numerusform>
            <numerusform>Ein echter Lauf würde nachfragen, bevor er %L1 der %n Elemente in &apos;%2&apos; löscht (über dem Grenzwert von %3 %).</numerusform>
        </translation>
    </message>
    <message>
        <source>The items of &apos;%1&apos; could not be read: %2</source>
        <translation>Die Elemente von &apos;%1&apos; konnten nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Created the list &apos;%1&apos; with %n column(s).</source>
        <translation>
            <numerusform>Die Liste &apos;%1&apos; wurde mit %n Spalte angelegt.</numerusform>
            <numerusform>Die Liste &apos;%1&apos; wurde mit %n Spalten angelegt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %Ln row(s): %1 created, %2 updated, %3 moved, %4 unchanged, %5 failed.</source>
        <translation>
            <numerusform>%Ln Zeile gelesen: %1 angelegt, %2 aktualisiert, %3 verschoben, %4 unverändert, %5 fehlgeschlagen.</numerusform>
            <numerusform>%Ln Zeilen gelesen: %1 angelegt, %2 aktualisiert, %3 verschoben, %4 unverändert, %5 fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: planned %Ln row(s) (%1 unchanged, %2 failing); nothing was written.</source>
        <translation>
            <numerusform>Probelauf: %Ln Zeile geplant (%1 unverändert, %2 fehlschlagend); es wurde nichts geschrieben.</numerusform>
            <numerusform>Probelauf: %Ln Zeilen geplant (%1 unverändert, %2 fehlschlagend); es wurde nichts geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) in the retry queue; the next retry is due at %1 UTC.</source>
        <translation>
            <numerusform>%Ln Zeile in der Wiederholungswarteschlange; der nächste Versuch ist um %1 UTC fällig.</numerusform>
            <numerusform>%Ln Zeilen in der Wiederholungswarteschlange; der nächste Versuch ist um %1 UTC fällig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln write(s) to be confirmed by the next run.</source>
        <translation>
            <numerusform>%Ln Schreibvorgang wird vom nächsten Lauf bestätigt.</numerusform>
            <numerusform>%Ln Schreibvorgänge werden vom nächsten Lauf bestätigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>A change of %1.%2 does not match the table&apos;s columns as the stream described them.</source>
        <translation>Eine Änderung von %1.%2 passt nicht zu den Spalten der Tabelle, wie der Stream sie beschrieben hat.</translation>
    </message>
    <message>
        <source>A change of %1.%2 does not carry the key column &apos;%3&apos;: it is not the table&apos;s replica identity. Make the definition&apos;s key the primary key, or run ALTER TABLE %1.%2 REPLICA IDENTITY FULL (or USING INDEX on a unique index of the key).</source>
        <translation>Eine Änderung von %1.%2 enthält die Schlüsselspalte „%3“ nicht: Sie gehört nicht zur Replica Identity der Tabelle. Machen Sie den Schlüssel der Definition zum Primärschlüssel oder führen Sie ALTER TABLE %1.%2 REPLICA IDENTITY FULL aus (oder USING INDEX mit einem eindeutigen Index des Schlüssels).</translation>
    </message>
    <message>
        <source>Delete policy MARK sets the column %1 of a row whose item was deleted in SharePoint, and %2 has no such boolean or timestamp column. Add it (ALTER TABLE %2 ADD COLUMN %1 timestamptz), or choose DELETE or LEAVE.</source>
        <translation>Die Löschregel MARK setzt die Spalte %1 einer Zeile, deren Element in SharePoint gelöscht wurde, und %2 hat keine solche Boolean- oder Zeitstempelspalte. Legen Sie sie an (ALTER TABLE %2 ADD COLUMN %1 timestamptz) oder wählen Sie DELETE oder LEAVE.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) were deleted from list &apos;%1&apos;; their rows are kept and marked in %2 (delete policy MARK).</source>
        <translation>
            <numerusform>%n Element wurde aus der Liste „%1“ gelöscht; seine Zeile bleibt erhalten und ist in %2 markiert (Löschregel MARK).</numerusform>
            <numerusform>%n Elemente wurden aus der Liste „%1“ gelöscht; ihre Zeilen bleiben erhalten und sind in %2 markiert (Löschregel MARK).</numerusform>
        </translation>
    </message>
    <message>
        <source>Created the replication slot &apos;%1&apos; and the publication &apos;%2&apos;; the table is loaded in the slot&apos;s snapshot, then its changes stream.</source>
        <translation>Replikationsslot „%1“ und Publikation „%2“ angelegt; die Tabelle wird im Snapshot des Slots geladen, danach werden ihre Änderungen gestreamt.</translation>
    </message>
    <message>
        <source>The replication slot &apos;%1&apos; cannot continue (its initial load did not finish, or it was removed or lost its WAL); the table is loaded again in a new slot&apos;s snapshot and matched to the items already synced.</source>
        <translation>Der Replikationsslot „%1“ kann nicht weitermachen (sein erstes Laden wurde nicht abgeschlossen, oder er wurde entfernt oder hat sein WAL verloren); die Tabelle wird im Snapshot eines neuen Slots erneut geladen und den bereits synchronisierten Elementen zugeordnet.</translation>
    </message>
    <message>
        <source>The replication stream of slot &apos;%1&apos; broke; what was delivered is recorded. If the primary failed over, the slot did not move with it (PostgreSQL 15 keeps slots on the old primary): the next run fails naming the slot, and a re-snapshot (syncbridge-cli run &quot;%2&quot; --resnapshot) loads the table again in a new slot on the new primary and matches the items already synced; drop the old slot there if that server comes back.</source>
        <translation>Der Replikationsstream des Slots „%1“ brach ab; was zugestellt wurde, ist vermerkt. Gab es einen Failover des Primärservers, ist der Slot nicht mitgewandert (PostgreSQL 15 behält Slots auf dem alten Primärserver): Der nächste Lauf schlägt unter Nennung des Slots fehl, und ein neuer Snapshot (syncbridge-cli run &quot;%2&quot; --resnapshot) lädt die Tabelle in einem neuen Slot auf dem neuen Primärserver erneut und ordnet sie den bereits synchronisierten Elementen zu; entfernen Sie den alten Slot dort, wenn dieser Server zurückkommt.</translation>
    </message>
    <message>
        <source>The item of a deleted row could not be deleted: %1</source>
        <translation>Das Element einer gelöschten Zeile konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>PostgreSQL refused the replication heartbeat (pg_logical_emit_message); the run goes on without it, and while the table is idle the slot may hold WAL written to other tables: %1</source>
        <translation>PostgreSQL hat das Replikations-Lebenszeichen abgelehnt (pg_logical_emit_message); der Lauf geht ohne es weiter, und solange die Tabelle ruht, hält der Slot womöglich WAL vor, das für andere Tabellen geschrieben wurde: %1</translation>
    </message>
    <message numerus="yes">
        <source>The table %1.%2 was truncated. Its %n item(s) are not deleted: the circuit breaker holds the truncate back, and the stream stops before it. Check the source, then confirm the deletions (syncbridge-cli run --allow-mass-delete).</source>
        <translation>
            <numerusform>Die Tabelle %1.%2 wurde geleert (TRUNCATE). Ihr %n Element wird nicht gelöscht: Der Schutzschalter hält das Leeren zurück, und der Stream hält davor an. Prüfen Sie die Quelle und bestätigen Sie dann die Löschung (syncbridge-cli run --allow-mass-delete).</numerusform>
            <numerusform>Die Tabelle %1.%2 wurde geleert (TRUNCATE). Ihre %n Elemente werden nicht gelöscht: Der Schutzschalter hält das Leeren zurück, und der Stream hält davor an. Prüfen Sie die Quelle und bestätigen Sie dann die Löschungen (syncbridge-cli run --allow-mass-delete).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The table %1.%2 was truncated: deleting its %n item(s), as approved.</source>
        <translation>
            <numerusform>Die Tabelle %1.%2 wurde geleert (TRUNCATE): Ihr %n Element wird wie bestätigt gelöscht.</numerusform>
            <numerusform>Die Tabelle %1.%2 wurde geleert (TRUNCATE): Ihre %n Elemente werden wie bestätigt gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>A CDC definition has no dry run yet: its changes are read from the replication slot, and a dry run would have to consume them. Nothing was read or written.</source>
        <translation>Für eine CDC-Definition gibt es noch keinen Probelauf: Ihre Änderungen werden aus dem Replikationsslot gelesen, und ein Probelauf müsste sie verbrauchen. Es wurde nichts gelesen oder geschrieben.</translation>
    </message>
    <message>
        <source>The definition&apos;s mode is %1, which a push run cannot run. Nothing was read or written; run the definition again.</source>
        <translation>Der Modus der Definition ist %1, den ein Übertragungslauf nicht ausführen kann. Es wurde nichts gelesen oder geschrieben; führen Sie die Definition erneut aus.</translation>
    </message>
    <message>
        <source>the lookup references the definition &apos;%1&apos;, and there is none of that name (renamed or removed?).</source>
        <translation>das Nachschlagen verweist auf die Definition „%1“, aber es gibt keine dieses Namens (umbenannt oder entfernt?).</translation>
    </message>
    <message numerus="yes">
        <source>the definition &apos;%1&apos; identifies its rows by %n columns (%2); a lookup needs a key of one column.</source>
        <translation>
            <numerusform>die Definition „%1“ identifiziert ihre Zeilen über %n Spalte (%2); ein Nachschlagen braucht einen Schlüssel aus einer Spalte.</numerusform>
            <numerusform>die Definition „%1“ identifiziert ihre Zeilen über %n Spalten (%2); ein Nachschlagen braucht einen Schlüssel aus einer Spalte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lookup %1: the row with %2 of the definition &apos;%3&apos; is not in SharePoint yet; this row waits in the retry queue until a run of &apos;%3&apos; has written it.</source>
        <translation>Nachschlagen %1: Die Zeile mit %2 der Definition „%3“ ist noch nicht in SharePoint; diese Zeile wartet in der Wiederholungswarteschlange, bis ein Lauf von „%3“ sie geschrieben hat.</translation>
    </message>
    <message>
        <source>Lookup %1: the row with %2 = %3 is an item of another list than the one the SharePoint column &apos;%4&apos; looks up.</source>
        <translation>Nachschlagen %1: Die Zeile mit %2 = %3 ist ein Element einer anderen Liste als der, in der die SharePoint-Spalte „%4“ nachschlägt.</translation>
    </message>
    <message>
        <source>Person %1: the site has no user with lookup id %2.</source>
        <translation>Person %1: Die Website hat keinen Benutzer mit der Nachschlage-ID %2.</translation>
    </message>
    <message numerus="yes">
        <source>A real run would hold back %n deletion(s) of list &apos;%1&apos; and ask first (more than the definition&apos;s share).</source>
        <translation>
            <numerusform>Ein echter Lauf würde %n Löschung in der Liste „%1“ zurückhalten und vorher fragen (mehr als der Anteil der Definition).</numerusform>
            <numerusform>Ein echter Lauf würde %n Löschungen in der Liste „%1“ zurückhalten und vorher fragen (mehr als der Anteil der Definition).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(s) held back: more than the definition&apos;s share of list &apos;%1&apos; would go. Run with --allow-mass-delete to confirm.</source>
        <translation>
            <numerusform>%n Löschung zurückgehalten: Mehr als der Anteil der Definition an der Liste „%1“ würde verschwinden. Führen Sie den Lauf mit --allow-mass-delete aus, um zu bestätigen.</numerusform>
            <numerusform>%n Löschungen zurückgehalten: Mehr als der Anteil der Definition an der Liste „%1“ würde verschwinden. Führen Sie den Lauf mit --allow-mass-delete aus, um zu bestätigen.</numerusform>
        </translation>
    </message>
    <message>
        <source>SyncBridge quit during the two-way run; the next run compares both sides again.</source>
        <translation>SyncBridge wurde während des Laufs in beide Richtungen beendet; der nächste Lauf vergleicht beide Seiten erneut.</translation>
    </message>
    <message>
        <source>Row %1, field &apos;%2&apos; changed on both sides; it waits for a decision.</source>
        <translation>Zeile %1, Feld „%2“ auf beiden Seiten geändert; es wartet auf eine Entscheidung.</translation>
    </message>
    <message>
        <source>Row %1, field &apos;%2&apos; changed on both sides; decided by %3.</source>
        <translation>Zeile %1, Feld „%2“ auf beiden Seiten geändert; entschieden nach %3.</translation>
    </message>
    <message>
        <source>Row %1 was deleted in the database while the run wrote it; the next run takes the delete.</source>
        <translation>Zeile %1 wurde in der Datenbank gelöscht, während der Lauf sie schrieb; der nächste Lauf übernimmt die Löschung.</translation>
    </message>
    <message>
        <source>Row %1 (item %2) was not synced: %3</source>
        <translation>Zeile %1 (Element %2) wurde nicht synchronisiert: %3</translation>
    </message>
    <message>
        <source>Item %1 was a second item of row %2 and was deleted.</source>
        <translation>Element %1 war ein zweites Element der Zeile %2 und wurde gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written into the database</source>
        <translation>
            <numerusform>%n Zeile in die Datenbank geschrieben</numerusform>
            <numerusform>%n Zeilen in die Datenbank geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) written into SharePoint</source>
        <translation>
            <numerusform>%n Element nach SharePoint geschrieben</numerusform>
            <numerusform>%n Elemente nach SharePoint geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Mapping %1 writes the column that delete policy MARK sets; make it PUSH_ONLY or map another column.</source>
        <translation>Die Zuordnung %1 schreibt die Spalte, die die Löschregel MARK setzt; machen Sie sie PUSH_ONLY oder ordnen Sie eine andere Spalte zu.</translation>
    </message>
    <message>
        <source>Lookup %1: item %2 of the lookup list belongs to no row that the definition &apos;%3&apos; syncs, so it has no key to write.</source>
        <translation>Nachschlagen %1: Element %2 der Nachschlageliste gehört zu keiner Zeile, die die Definition „%3“ synchronisiert, daher gibt es keinen Schlüssel zum Schreiben.</translation>
    </message>
    <message>
        <source>Row %1 (item %2): a field waits: %3</source>
        <translation>Zeile %1 (Element %2): ein Feld wartet: %3</translation>
    </message>
    <message>
        <source>Column &apos;%1&apos;: &apos;%2&apos; is not a link SharePoint&apos;s hyperlink column &apos;%3&apos; takes (a URL with one of the schemes %4).</source>
        <translation>Spalte „%1“: „%2“ ist kein Link, den die SharePoint-Hyperlinkspalte „%3“ annimmt (eine URL mit einem der Schemata %4).</translation>
    </message>
    <message>
        <source>Would add %1 to the choices of column &apos;%2&apos; of list &apos;%3&apos;.</source>
        <translation>Würde %1 zu den Auswahlwerten der Spalte „%2“ der Liste „%3“ hinzufügen.</translation>
    </message>
    <message>
        <source>Column &apos;%1&apos; does not offer %2, and adding it failed: %3</source>
        <translation>Die Spalte „%1“ bietet %2 nicht an, und das Hinzufügen schlug fehl: %3</translation>
    </message>
    <message>
        <source>Added %1 to the choices of column &apos;%2&apos; of list &apos;%3&apos;.</source>
        <translation>%1 zu den Auswahlwerten der Spalte „%2“ der Liste „%3“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Another run kept changing the choices of column &apos;%1&apos; for %n minute(s).</source>
        <translation>
            <numerusform>Ein anderer Lauf hat die Auswahlwerte der Spalte „%1“ %n Minute lang fortlaufend geändert.</numerusform>
            <numerusform>Ein anderer Lauf hat die Auswahlwerte der Spalte „%1“ %n Minuten lang fortlaufend geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>item %1 (a new row)</source>
        <translation>Element %1 (eine neue Zeile)</translation>
    </message>
    <message>
        <source>This edit changes how the run reads or tells its rows apart (%1); saving it resets the sync position. Save the definition, then preview it. Nothing was read or written.</source>
        <translation>Diese Änderung ändert, wie der Lauf seine Zeilen liest oder unterscheidet (%1); beim Speichern wird die Synchronisationsposition zurückgesetzt. Speichern Sie die Definition und sehen Sie sie dann in der Vorschau an. Es wurde nichts gelesen oder geschrieben.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::TransformBar</name>
    <message>
        <source>Add to transform</source>
        <translation>Zur Umwandlung hinzufügen</translation>
    </message>
    <message>
        <source>UPPER — upper case</source>
        <translation>UPPER – Großbuchstaben</translation>
    </message>
    <message>
        <source>LOWER — lower case</source>
        <translation>LOWER – Kleinbuchstaben</translation>
    </message>
    <message>
        <source>TRIM — without spaces at both ends</source>
        <translation>TRIM – ohne Leerzeichen an beiden Enden</translation>
    </message>
    <message>
        <source>DEFAULT(&apos;…&apos;) — this value when empty</source>
        <translation>DEFAULT(&apos;…&apos;) – dieser Wert, wenn leer</translation>
    </message>
    <message>
        <source>REPLACE(&apos;…&apos;,&apos;…&apos;) — replace a text</source>
        <translation>REPLACE(&apos;…&apos;,&apos;…&apos;) – einen Text ersetzen</translation>
    </message>
    <message>
        <source>REGEX(&apos;…&apos;,&apos;…&apos;) — replace what a pattern matches</source>
        <translation>REGEX(&apos;…&apos;,&apos;…&apos;) – ersetzen, was ein Muster trifft</translation>
    </message>
    <message>
        <source>FORMAT(&apos;…&apos;) — a date or number as text</source>
        <translation>FORMAT(&apos;…&apos;) – ein Datum oder eine Zahl als Text</translation>
    </message>
    <message>
        <source>Append the function to the selected mapping&apos;s transform (steps run left to right)</source>
        <translation>Die Funktion an die Umwandlung der gewählten Zuordnung anhängen (die Schritte laufen von links nach rechts)</translation>
    </message>
    <message>
        <source>Transform function:</source>
        <translation>Umwandlungsfunktion:</translation>
    </message>
    <message>
        <source>value when empty, e.g. n/a</source>
        <translation>Wert, wenn leer, z. B. n/a</translation>
    </message>
    <message>
        <source>text to find</source>
        <translation>zu suchender Text</translation>
    </message>
    <message>
        <source>pattern, e.g. ^PRJ-</source>
        <translation>Muster, z. B. ^PRJ-</translation>
    </message>
    <message>
        <source>yyyy-MM-dd for dates, 0.00 for numbers</source>
        <translation>yyyy-MM-dd für Datumswerte, 0.00 für Zahlen</translation>
    </message>
    <message>
        <source>replace with</source>
        <translation>ersetzen durch</translation>
    </message>
</context>
<context>
    <name>SyncBridge::TrayIcon</name>
    <message>
        <source>Run Sync Now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Open SyncBridge</source>
        <translation>SyncBridge öffnen</translation>
    </message>
    <message>
        <source>Pause schedules</source>
        <translation>Zeitpläne pausieren</translation>
    </message>
    <message>
        <source>Quit SyncBridge</source>
        <translation>SyncBridge beenden</translation>
    </message>
    <message>
        <source>No enabled definitions</source>
        <translation>Keine aktivierten Definitionen</translation>
    </message>
    <message>
        <source>Resume schedules</source>
        <translation>Zeitpläne fortsetzen</translation>
    </message>
    <message>
        <source>This computer runs no schedules: turn on &quot;Run scheduled syncs on this computer&quot; in Settings.</source>
        <translation>Dieser Computer führt keine Zeitpläne aus: Schalten Sie in den Einstellungen &quot;Geplante Synchronisationen auf diesem Computer ausführen&quot; ein.</translation>
    </message>
    <message>
        <source>Definition %1</source>
        <translation>Definition %1</translation>
    </message>
    <message numerus="yes">
        <source>SyncBridge — syncing (%n run(s))</source>
        <translation>
            <numerusform>SyncBridge — synchronisiert (%n Lauf)</numerusform>
            <numerusform>SyncBridge — synchronisiert (%n Läufe)</numerusform>
        </translation>
    </message>
    <message>
        <source>SyncBridge — schedules paused</source>
        <translation>SyncBridge — Zeitpläne pausiert</translation>
    </message>
    <message>
        <source>SyncBridge — failed: %1</source>
        <translation>SyncBridge — fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>SyncBridge — a sync needs your attention</source>
        <translation>SyncBridge — eine Synchronisation braucht Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <source>SyncBridge — up to date</source>
        <translation>SyncBridge — auf dem neuesten Stand</translation>
    </message>
</context>
<context>
    <name>SyncBridge::TwoWayPreview</name>
    <message>
        <source>none (first run)</source>
        <translation>keiner (erster Lauf)</translation>
    </message>
    <message>
        <source>Matched
by key</source>
        <translation>Zugeordnet
per Schlüssel</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Zugeordnet</translation>
    </message>
    <message>
        <source>Database
create</source>
        <translation>Datenbank
anlegen</translation>
    </message>
    <message>
        <source>Create row</source>
        <translation>Zeile anlegen</translation>
    </message>
    <message>
        <source>Database
update</source>
        <translation>Datenbank
aktualisieren</translation>
    </message>
    <message>
        <source>Update row</source>
        <translation>Zeile aktualisieren</translation>
    </message>
    <message>
        <source>Database
delete</source>
        <translation>Datenbank
löschen</translation>
    </message>
    <message>
        <source>Delete row</source>
        <translation>Zeile löschen</translation>
    </message>
    <message>
        <source>Database
mark</source>
        <translation>Datenbank
markieren</translation>
    </message>
    <message>
        <source>Mark row</source>
        <translation>Zeile markieren</translation>
    </message>
    <message>
        <source>SharePoint
create</source>
        <translation>SharePoint
anlegen</translation>
    </message>
    <message>
        <source>Create item</source>
        <translation>Element anlegen</translation>
    </message>
    <message>
        <source>SharePoint
update</source>
        <translation>SharePoint
aktualisieren</translation>
    </message>
    <message>
        <source>Update item</source>
        <translation>Element aktualisieren</translation>
    </message>
    <message>
        <source>SharePoint
delete</source>
        <translation>SharePoint
löschen</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>Element löschen</translation>
    </message>
    <message>
        <source>SharePoint
mark</source>
        <translation>SharePoint
markieren</translation>
    </message>
    <message>
        <source>Flag item</source>
        <translation>Element markieren</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fehlschlagend</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>The row and the item have the same key: they are linked, neither is created again.</source>
        <translation>Zeile und Element haben denselben Schlüssel: Sie werden verknüpft, keines wird erneut angelegt.</translation>
    </message>
    <message>
        <source>New in SharePoint, inserted into the database: %1</source>
        <translation>Neu in SharePoint, in die Datenbank eingefügt: %1</translation>
    </message>
    <message>
        <source>Changed in SharePoint, written into the database: %1</source>
        <translation>In SharePoint geändert, in die Datenbank geschrieben: %1</translation>
    </message>
    <message>
        <source>The item was deleted in SharePoint: the row is deleted.</source>
        <translation>Das Element wurde in SharePoint gelöscht: Die Zeile wird gelöscht.</translation>
    </message>
    <message>
        <source>New in the database, created in SharePoint: %1</source>
        <translation>Neu in der Datenbank, in SharePoint angelegt: %1</translation>
    </message>
    <message>
        <source>Changed in the database, written into SharePoint: %1</source>
        <translation>In der Datenbank geändert, nach SharePoint geschrieben: %1</translation>
    </message>
    <message>
        <source>The row was deleted in the database: the item is deleted.</source>
        <translation>Die Zeile wurde in der Datenbank gelöscht: Das Element wird gelöscht.</translation>
    </message>
    <message>
        <source>The item was deleted in SharePoint: the row is kept and marked: %1</source>
        <translation>Das Element wurde in SharePoint gelöscht: Die Zeile bleibt erhalten und wird markiert: %1</translation>
    </message>
    <message>
        <source>The row was deleted in the database: the item is kept and flagged: %1</source>
        <translation>Die Zeile wurde in der Datenbank gelöscht: Das Element bleibt erhalten und wird markiert: %1</translation>
    </message>
    <message>
        <source>%1 changed on both sides (agreed: %2) — database: %3, SharePoint: %4; it waits for a decision in the Conflicts view.</source>
        <translation>%1 auf beiden Seiten geändert (übereinstimmend: %2) — Datenbank: %3, SharePoint: %4; wartet in der Ansicht „Konflikte“ auf eine Entscheidung.</translation>
    </message>
    <message>
        <source>Last agreed</source>
        <translation>Zuletzt übereinstimmend</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>SharePoint</source>
        <translation>SharePoint</translation>
    </message>
    <message>
        <source>Written into the database</source>
        <translation>In die Datenbank geschrieben</translation>
    </message>
    <message>
        <source>Written into SharePoint</source>
        <translation>Nach SharePoint geschrieben</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>SyncBridge::TwoWayRun</name>
    <message>
        <source>Item %1 has the key of item %2; a key must be unique, so neither becomes a row until one is changed.</source>
        <translation>Element %1 hat den Schlüssel von Element %2; ein Schlüssel muss eindeutig sein, daher wird keines zu einer Zeile, bis eines geändert wird.</translation>
    </message>
    <message>
        <source>SharePoint no longer knows the position in list &apos;%1&apos; (410): every item is read again and compared.</source>
        <translation>SharePoint kennt die Position in der Liste „%1“ nicht mehr (410): Jedes Element wird erneut gelesen und verglichen.</translation>
    </message>
    <message>
        <source>The definition is a draft (disabled); enable it before it runs.</source>
        <translation>Die Definition ist ein Entwurf (deaktiviert); aktivieren Sie sie, bevor sie läuft.</translation>
    </message>
    <message>
        <source>Mapping %1: a two-way definition cannot sync SharePoint&apos;s system field &apos;%2&apos; (every write changes it); use a PULL definition for it.</source>
        <translation>Zuordnung %1: Eine Definition in beide Richtungen kann das SharePoint-Systemfeld „%2“ nicht synchronisieren (jeder Schreibvorgang ändert es); verwenden Sie dafür eine PULL-Definition.</translation>
    </message>
    <message>
        <source>Mapping %1: a two-way definition cannot transform values (a transform is not undone on the way back).</source>
        <translation>Zuordnung %1: Eine Definition in beide Richtungen kann keine Werte umwandeln (eine Umwandlung wird auf dem Rückweg nicht rückgängig gemacht).</translation>
    </message>
    <message>
        <source>The definition maps no field.</source>
        <translation>Die Definition ordnet kein Feld zu.</translation>
    </message>
    <message>
        <source>The definition&apos;s SharePoint connection no longer exists.</source>
        <translation>Die SharePoint-Verbindung der Definition existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The table %1.%2 does not exist in &apos;%3&apos;.</source>
        <translation>Die Tabelle %1.%2 existiert nicht in „%3“.</translation>
    </message>
    <message>
        <source>The table %1 has no primary key; name the key columns in the definition.</source>
        <translation>Die Tabelle %1 hat keinen Primärschlüssel; nennen Sie die Schlüsselspalten in der Definition.</translation>
    </message>
    <message>
        <source>Mapping %1: &apos;%2&apos; is not a column of %3.</source>
        <translation>Zuordnung %1: „%2“ ist keine Spalte von %3.</translation>
    </message>
    <message>
        <source>Mapping %1: &apos;%2&apos; is a generated column; make the mapping PUSH_ONLY.</source>
        <translation>Zuordnung %1: „%2“ ist eine generierte Spalte; machen Sie die Zuordnung PUSH_ONLY.</translation>
    </message>
    <message>
        <source>The cursor was reset: every item is read and compared again.</source>
        <translation>Der Cursor wurde zurückgesetzt: Jedes Element wird erneut gelesen und verglichen.</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos;</source>
        <translation>Die Liste „%1“</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos; does not exist yet; a two-way dry run plans against an existing list (a real run creates it).</source>
        <translation>Die Liste „%1“ existiert noch nicht; ein Probelauf in beide Richtungen plant gegen eine vorhandene Liste (ein echter Lauf legt sie an).</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos; was deleted or renamed in SharePoint. Restore it, or remove its id from the definition.</source>
        <translation>Die Liste „%1“ wurde in SharePoint gelöscht oder umbenannt. Stellen Sie sie wieder her oder entfernen Sie ihre ID aus der Definition.</translation>
    </message>
    <message>
        <source>The list &apos;%1&apos; has no column &apos;%2&apos; (mapping %3).</source>
        <translation>Die Liste „%1“ hat keine Spalte „%2“ (Zuordnung %3).</translation>
    </message>
    <message>
        <source>An earlier run of this definition ended while its writes were on their way to SharePoint; the run waits until %1 UTC, when none of them can still land, before it reads the list, so nothing that run created is created again.</source>
        <translation>Ein früherer Lauf dieser Definition endete, während seine Schreibvorgänge auf dem Weg zu SharePoint waren; dieser Lauf wartet bis %1 UTC, wenn keiner davon mehr ankommen kann, bevor er die Liste liest, damit nichts, was jener Lauf angelegt hat, erneut angelegt wird.</translation>
    </message>
    <message>
        <source>Mapping %1: the description column &apos;%2&apos; is not a column of %3.</source>
        <translation>Zuordnung %1: Die Beschreibungsspalte „%2“ ist keine Spalte von %3.</translation>
    </message>
</context>
<context>
    <name>SyncBridge::WelcomePanel</name>
    <message>
        <source>&lt;h2&gt;Welcome to SyncBridge&lt;/h2&gt;&lt;p&gt;Five steps take a PostgreSQL table into SharePoint lists. Each opens the dialog or page it needs; a tick shows what is done.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei SyncBridge&lt;/h2&gt;&lt;p&gt;Fünf Schritte bringen eine PostgreSQL-Tabelle in SharePoint-Listen. Jeder öffnet den Dialog oder die Seite, die er braucht; ein Häkchen zeigt, was erledigt ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add the PostgreSQL database to read from</source>
        <translation>Die PostgreSQL-Datenbank hinzufügen, aus der gelesen wird</translation>
    </message>
    <message>
        <source>Add the SharePoint connection to write to</source>
        <translation>Die SharePoint-Verbindung hinzufügen, in die geschrieben wird</translation>
    </message>
    <message>
        <source>Make a definition: choose the table, its list, and let Auto-map pair the columns</source>
        <translation>Eine Definition erstellen: Tabelle und Liste wählen und die Spalten mit Automatisch zuordnen paaren</translation>
    </message>
    <message>
        <source>Preview: see what a run would create, update and delete, without writing</source>
        <translation>Vorschau: sehen, was ein Lauf anlegen, aktualisieren und löschen würde, ohne zu schreiben</translation>
    </message>
    <message>
        <source>Run it: the rows go to SharePoint</source>
        <translation>Ausführen: die Zeilen gehen nach SharePoint</translation>
    </message>
    <message>
        <source>Add a database…</source>
        <translation>Datenbank hinzufügen…</translation>
    </message>
    <message>
        <source>Add a SharePoint connection…</source>
        <translation>SharePoint-Verbindung hinzufügen…</translation>
    </message>
    <message>
        <source>New definition</source>
        <translation>Neue Definition</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Zu erledigen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Keeps PostgreSQL tables and SharePoint lists in sync.</source>
        <translation>Hält PostgreSQL-Tabellen und SharePoint-Listen synchron.</translation>
    </message>
    <message>
        <source>Meta-store: a SQLite file or postgresql://user@host:port/db.</source>
        <translation>Meta-Speicher: eine SQLite-Datei oder postgresql://benutzer@host:port/db.</translation>
    </message>
    <message>
        <source>Render the window to a PNG file once loaded, then exit.</source>
        <translation>Das Fenster nach dem Laden als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>SyncBridge cannot start</source>
        <translation>SyncBridge kann nicht starten</translation>
    </message>
    <message>
        <source>The meta-store could not be opened:
%1</source>
        <translation>Der Meta-Speicher konnte nicht geöffnet werden:
%1</translation>
    </message>
    <message>
        <source>Where secrets come from: keychain (default) or env (SYNCBRIDGE_SECRET_* variables, for demos and kiosks).</source>
        <translation>Woher die Zugangsdaten kommen: keychain (Standard) oder env (SYNCBRIDGE_SECRET_*-Variablen, für Demos und Kioske).</translation>
    </message>
    <message>
        <source>--secrets must be keychain or env.</source>
        <translation>--secrets muss keychain oder env sein.</translation>
    </message>
    <message>
        <source>Start in the system tray, without the window (start at login does).</source>
        <translation>Im Infobereich starten, ohne Fenster (so startet SyncBridge bei der Anmeldung).</translation>
    </message>
</context>
</TS>
