using Retort.Dialects;

namespace Retort.Lint;

/// <summary>Every lint rule Retort has, by code. Codes are stable: a retired rule's code is never reused.</summary>
public static class LintRules
{
    private static readonly DialectId[] All = [];
    private static readonly DialectId[] Postgres = [DialectId.Postgres];
    private static readonly DialectId[] MySql = [DialectId.MySql];
    private static readonly DialectId[] Servers = [DialectId.Postgres, DialectId.MySql];

    /// <summary>RT101: a table is dropped.</summary>
    public static readonly LintRule DropTable = new("RT101", "drop-table", LintCategory.Destructive, LintSeverity.Error, All,
        "Dropping a table deletes its rows.",
        "The rows are gone once the revision commits; the downgrade can give the table back, not its data.",
        "Keep a copy first (rename the table, or copy the rows elsewhere), and suppress with the reason once the data is safe.",
        "squawk ban-drop-table; Atlas DS102");

    /// <summary>RT102: a column is dropped.</summary>
    public static readonly LintRule DropColumn = new("RT102", "drop-column", LintCategory.Destructive, LintSeverity.Error, All,
        "Dropping a column deletes its values.",
        "The values are gone once the revision commits; the downgrade can give the column back, not its values.",
        "Copy the values you still need first, and drop the column in a post-deploy revision (see RT403).",
        "squawk ban-drop-column; Atlas DS103");

    /// <summary>RT103: a type gets narrower.</summary>
    public static readonly LintRule NarrowingType = new("RT103", "narrowing-type", LintCategory.Destructive, LintSeverity.Error, All,
        "A column's type gets narrower: a shorter length, fewer digits, a smaller integer, or a type that drops part of the value.",
        "Values that no longer fit make the change fail, or (MySQL without strict mode, SQLite) are cut or changed silently.",
        "Check the longest value first (SELECT max(length(col)) …), or widen instead; give existingType so lint can tell.",
        "squawk changing-column-type; Atlas MF (data-dependent) checks");

    /// <summary>RT104: the default of a NOT NULL column is dropped.</summary>
    public static readonly LintRule DropRequiredDefault = new("RT104", "drop-default-of-not-null", LintCategory.Destructive, LintSeverity.Warning, All,
        "The server default of a NOT NULL column is dropped.",
        "Every INSERT that leaves the column out (the running application's, a script's) fails from now on.",
        "Drop the default only after every writer sets the column, in a post-deploy revision.");

    /// <summary>RT201: a NOT NULL column without a default is added.</summary>
    public static readonly LintRule RequiredColumn = new("RT201", "not-null-column-without-default", LintCategory.Data, LintSeverity.Warning, All,
        "A NOT NULL column without a server default is added to a table that may have rows.",
        "The rows already there get no value: PostgreSQL and SQLite refuse the change, MySQL fills zeros or empty text. With --url, lint counts the rows.",
        "Give the column a server default, or add it nullable, fill it, then make it NOT NULL.",
        "squawk adding-required-field / adding-not-nullable-field; Atlas MF103");

    /// <summary>RT202: a column becomes NOT NULL.</summary>
    public static readonly LintRule SetNotNull = new("RT202", "set-not-null", LintCategory.Data, LintSeverity.Warning, All,
        "A column becomes NOT NULL.",
        "Rows holding NULL make the change fail; PostgreSQL also scans the whole table under an ACCESS EXCLUSIVE lock. With --url, lint counts the NULLs.",
        "Fill the NULLs first. On PostgreSQL 12+: add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (no scan) and drop the check.",
        "squawk adding-not-nullable-field; Atlas MF104");

    /// <summary>RT203: a type change that the rows can make fail.</summary>
    public static readonly LintRule TypeChangeCanFail = new("RT203", "type-change-can-fail", LintCategory.Data, LintSeverity.Warning, All,
        "A column changes to a type its values may not convert to (text to number, date or boolean; or a change whose old type is not given).",
        "One value that does not convert makes the whole change fail, on production's rows rather than yours.",
        "Add a new column, fill it with a conversion you control, then swap; or give existingType when the change is a widening.",
        "squawk changing-column-type");

    /// <summary>RT204: a UNIQUE constraint or index on an existing table.</summary>
    public static readonly LintRule NewUnique = new("RT204", "new-unique", LintCategory.Data, LintSeverity.Warning, All,
        "A UNIQUE constraint or unique index is added to a table that may have rows.",
        "Duplicate values already there make it fail. With --url, lint counts the duplicated values.",
        "Find and settle the duplicates first (GROUP BY … HAVING count(*) > 1).",
        "Atlas MF101 / MF102");

    /// <summary>RT205: a CHECK constraint on an existing table.</summary>
    public static readonly LintRule NewCheck = new("RT205", "new-check", LintCategory.Data, LintSeverity.Warning, All,
        "A CHECK constraint is added to a table that may have rows.",
        "Rows that break the condition make it fail. With --url, lint counts them.",
        "Fix the rows first; on PostgreSQL add it NOT VALID and VALIDATE later (see RT304).");

    /// <summary>RT206: a foreign key on an existing table.</summary>
    public static readonly LintRule NewForeignKey = new("RT206", "new-foreign-key", LintCategory.Data, LintSeverity.Warning, All,
        "A foreign key is added to a table that may have rows.",
        "Rows pointing at no parent make it fail (SQLite does not check, and keeps them). With --url, lint counts them.",
        "Delete or repair the orphans first; on PostgreSQL add it NOT VALID and VALIDATE later (see RT304).");

    /// <summary>RT301: CREATE INDEX without CONCURRENTLY.</summary>
    public static readonly LintRule IndexNotConcurrent = new("RT301", "index-not-concurrent", LintCategory.Locking, LintSeverity.Warning, Postgres,
        "An index is built on an existing table without CONCURRENTLY.",
        "CREATE INDEX blocks every write to the table until the index is built: minutes on a large table.",
        "op.CreateIndex(…, concurrently: true) (Retort runs it outside the transaction).",
        "squawk require-concurrent-index-creation");

    /// <summary>RT302: DROP INDEX without CONCURRENTLY.</summary>
    public static readonly LintRule DropIndexNotConcurrent = new("RT302", "drop-index-not-concurrent", LintCategory.Locking, LintSeverity.Notice, Postgres,
        "An index is dropped without CONCURRENTLY.",
        "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table; behind a long query it blocks everything queued after it.",
        "op.DropIndex(…, concurrently: true).",
        "squawk require-concurrent-index-deletion");

    /// <summary>RT303: a type change that rewrites the table.</summary>
    public static readonly LintRule TypeChangeRewrites = new("RT303", "type-change-rewrites-table", LintCategory.Locking, LintSeverity.Warning, Postgres,
        "A column's type change rewrites the whole table (anything but a longer varchar, varchar to text, or more numeric precision).",
        "PostgreSQL rewrites every row and rebuilds the indexes under an ACCESS EXCLUSIVE lock: no reads or writes meanwhile. (timestamp to timestamptz is flagged too: PostgreSQL 12+ keeps the table only when the session's time zone is UTC.)",
        "Add a new column of the new type, fill it in batches, switch the application, drop the old one.",
        "squawk changing-column-type");

    /// <summary>RT304: a check or foreign key added without NOT VALID.</summary>
    public static readonly LintRule ConstraintNotValid = new("RT304", "constraint-without-not-valid", LintCategory.Locking, LintSeverity.Warning, Postgres,
        "A check or foreign key is added to an existing table without NOT VALID.",
        "PostgreSQL checks every row while it holds a lock that blocks writes (for a foreign key, on both tables).",
        "Add it with notValid: true, then in a later revision op.Execute(\"ALTER TABLE … VALIDATE CONSTRAINT …\", dialect: \"postgresql\"), which lets writes go on.",
        "squawk constraint-missing-not-valid / adding-foreign-key-constraint");

    /// <summary>RT305: a UNIQUE constraint built under lock.</summary>
    public static readonly LintRule UniqueConstraintLocks = new("RT305", "unique-constraint-locks", LintCategory.Locking, LintSeverity.Warning, Postgres,
        "A UNIQUE constraint is added to an existing table.",
        "Adding the constraint builds its index while blocking writes to the table.",
        "Build the index first with op.CreateIndex(…, unique: true, concurrently: true), then op.Execute(\"ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX …\").",
        "squawk disallowed-unique-constraint");

    /// <summary>RT306: a column added with a default that rewrites the table.</summary>
    public static readonly LintRule VolatileDefault = new("RT306", "default-rewrites-table", LintCategory.Locking, LintSeverity.Warning, Postgres,
        "A column is added with a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval()), or with any default before PostgreSQL 11.",
        "Each row needs its own value, so the table is rewritten under an ACCESS EXCLUSIVE lock. From PostgreSQL 11 a constant (or stable, like now()) default is free and is not flagged; lint reads the server's version with --url and assumes 11 or later without.",
        "Add the column without a default, set the default, and fill the rows in batches.",
        "squawk adding-field-with-default");

    /// <summary>RT307: no lock timeout before locking DDL.</summary>
    public static readonly LintRule NoLockTimeout = new("RT307", "no-lock-timeout", LintCategory.Locking, LintSeverity.Notice, Servers,
        "The revision changes an existing table without setting a lock timeout first.",
        "A DDL statement waiting for its lock behind a long query blocks every query that comes after it: the application stalls although the change itself is quick.",
        "Start the revision with op.Execute(\"SET lock_timeout = '5s'\", dialect: \"postgresql\") (MySQL and MariaDB: SET SESSION lock_wait_timeout = 5) and retry when it times out.",
        "squawk require-timeout-settings");

    /// <summary>RT308: a MySQL/MariaDB change that copies the table.</summary>
    public static readonly LintRule TableCopy = new("RT308", "not-online", LintCategory.Locking, LintSeverity.Warning, MySql,
        "A change MySQL and MariaDB cannot make with ALGORITHM=INSTANT or INPLACE, LOCK=NONE: a column type change (other than a longer varchar in the same length class), a check constraint, a foreign key with foreign_key_checks on, dropping a primary key.",
        "The server copies the table row by row and blocks writes until it is done.",
        "Plan it for a quiet time, or use an online schema change tool (gh-ost, pt-online-schema-change); for a foreign key, SET foreign_key_checks = 0 first makes it INPLACE, at the cost of not checking existing rows.");

    /// <summary>RT309: a SQLite table rebuild.</summary>
    public static readonly LintRule TableRebuild = new("RT309", "table-rebuild", LintCategory.Locking, LintSeverity.Notice, [DialectId.Sqlite],
        "SQLite can only make this change by rebuilding the table (a new table, every row copied, the old one dropped).",
        "The database is locked for writing while every row is copied; on a large table that takes long, and needs the table's size again in free disk. With --url, lint counts the rows and warns from 100,000.",
        "Fine on small tables. On large ones run it at a quiet time, or add a new column instead of changing one.");

    /// <summary>RT401: a column renamed while the old application runs.</summary>
    public static readonly LintRule RenameColumn = new("RT401", "rename-column", LintCategory.Breaking, LintSeverity.Warning, All,
        "A column is renamed in a pre-deploy revision.",
        "The application version still running (and every replica not yet updated) uses the old name and fails from the moment the revision commits.",
        "Expand and contract: add the new column and fill it (pre-deploy), have the new application write both, then drop the old one in a revision with Phase = MigrationPhase.PostDeploy.",
        "squawk renaming-column; Atlas BC102");

    /// <summary>RT402: a table renamed while the old application runs.</summary>
    public static readonly LintRule RenameTable = new("RT402", "rename-table", LintCategory.Breaking, LintSeverity.Warning, All,
        "A table is renamed in a pre-deploy revision.",
        "The application version still running uses the old name and fails from the moment the revision commits.",
        "Expand and contract: create the new table (or a view with the old name over it), move the application, then drop the old name post-deploy.",
        "squawk renaming-table; Atlas BC101");

    /// <summary>RT403: a drop in a pre-deploy revision.</summary>
    public static readonly LintRule DropBeforeDeploy = new("RT403", "drop-in-pre-deploy", LintCategory.Breaking, LintSeverity.Warning, All,
        "A table or column is dropped in a pre-deploy revision.",
        "Pre-deploy revisions run while the old application version still serves, and it still reads what is dropped.",
        "Move the drop to a revision with Phase = MigrationPhase.PostDeploy, applied by upgrade --phase post after the old version is gone.");

    /// <summary>RT501: an identifier longer than the database allows.</summary>
    public static readonly LintRule LongIdentifier = new("RT501", "identifier-too-long", LintCategory.Hygiene, LintSeverity.Warning, Servers,
        "A name is longer than the database keeps (PostgreSQL 63 bytes, MySQL and MariaDB 64 characters).",
        "PostgreSQL cuts the name silently, so the next revision that names it in full misses it; MySQL refuses it.",
        "Choose a shorter name.");

    /// <summary>RT502: a 32-bit integer key.</summary>
    public static readonly LintRule IntegerKey = new("RT502", "int-primary-key", LintCategory.Hygiene, LintSeverity.Notice, All,
        "A new table's primary key is a 32-bit (or smaller) integer.",
        "A busy table runs out of ids at 2,147,483,647, and changing the key's type later rewrites the table and every table that refers to it.",
        "Use SqlType.BigInteger for keys of tables that grow.",
        "squawk prefer-bigint-over-int");

    /// <summary>RT503: timestamp without time zone.</summary>
    public static readonly LintRule TimestampWithoutZone = new("RT503", "timestamp-without-time-zone", LintCategory.Hygiene, LintSeverity.Notice, Postgres,
        "A column is a timestamp without time zone.",
        "The value means a different instant depending on the session's time zone.",
        "SqlType.DateTimeOffset (timestamptz).",
        "squawk prefer-timestamptz");

    /// <summary>RT504: char(n).</summary>
    public static readonly LintRule FixedChar = new("RT504", "char-column", LintCategory.Hygiene, LintSeverity.Notice, Postgres,
        "A column is char(n).",
        "char(n) pads with spaces, compares surprisingly, and is no faster than varchar or text on PostgreSQL.",
        "SqlType.String(n) or SqlType.Text.",
        "squawk ban-char-field");

    /// <summary>RT901: a suppression without a reason.</summary>
    public static readonly LintRule SuppressionWithoutReason = new("RT901", "suppression-without-reason", LintCategory.Suppression, LintSeverity.Warning, All,
        "A suppression gives no reason.",
        "The next reader cannot tell whether the risk was weighed or waved through.",
        ".Lint(\"RT102\", \"the values were copied to archive.users in r42\").");

    /// <summary>RT902: a suppression that matches nothing.</summary>
    public static readonly LintRule UnusedSuppression = new("RT902", "unused-suppression", LintCategory.Suppression, LintSeverity.Warning, All,
        "A suppression matches no finding (or names a code lint does not have).",
        "It hides nothing today and may hide the wrong thing tomorrow.",
        "Remove it, or fix its code.");

    /// <summary>All rules, in code order.</summary>
    public static IReadOnlyList<LintRule> Every { get; } =
    [
        DropTable, DropColumn, NarrowingType, DropRequiredDefault,
        RequiredColumn, SetNotNull, TypeChangeCanFail, NewUnique, NewCheck, NewForeignKey,
        IndexNotConcurrent, DropIndexNotConcurrent, TypeChangeRewrites, ConstraintNotValid, UniqueConstraintLocks, VolatileDefault, NoLockTimeout, TableCopy, TableRebuild,
        RenameColumn, RenameTable, DropBeforeDeploy,
        LongIdentifier, IntegerKey, TimestampWithoutZone, FixedChar,
        SuppressionWithoutReason, UnusedSuppression,
    ];

    /// <summary>The rule with <paramref name="code"/> (any case), or null.</summary>
    public static LintRule? Find(string code) => Every.FirstOrDefault(r => string.Equals(r.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
}
