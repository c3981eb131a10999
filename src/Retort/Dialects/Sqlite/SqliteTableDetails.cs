using System.Data.Common;
using static Retort.Dialects.Sqlite.SqliteDdl;

namespace Retort.Dialects.Sqlite;

/// <summary>
/// What a rebuild needs to know of a table beyond the inspector's model: its triggers (dropped with the table and
/// created again), whether foreign-key enforcement is on, and whatever the model cannot carry across.
/// </summary>
internal sealed record SqliteTableDetails(IReadOnlyList<string> Triggers, bool ForeignKeysOn, string? Unsupported)
{
    private const string Query = """
        SELECT sql FROM sqlite_master WHERE type = 'table' AND name = @p0;
        SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = @p0 AND sql IS NOT NULL ORDER BY name;
        SELECT count(*) FROM pragma_table_xinfo(@p0) WHERE hidden NOT IN (0, 2, 3);
        SELECT foreign_keys FROM pragma_foreign_keys
        """;

    public static async Task<SqliteTableDetails> ReadAsync(DbConnection connection, DbTransaction? transaction, string table,
        CancellationToken cancellationToken)
    {
        await using var command = new SqlStatement(Query, [table]).Command(connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ddl = await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetString(0) : "";
        await reader.NextResultAsync(cancellationToken);
        var triggers = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            triggers.Add(reader.GetString(0));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var hidden = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var foreignKeysOn = reader.GetInt64(0) != 0;
        return new(triggers, foreignKeysOn, hidden > 0 ? "has hidden columns" : Unkept(ddl));
    }

    // Table options after the column list (https://www.sqlite.org/lang_createtable.html), and virtual tables.
    private static string? Unkept(string ddl)
    {
        var tokens = Read(ddl);
        var open = tokens.FindIndex(t => t.Is("("));
        if (open < 0 || tokens.Take(open).Any(t => t.Is("VIRTUAL")))
            return "is a virtual table";
        var options = tokens.Skip(Closing(tokens, open) + 1).ToList();
        return options.Any(t => t.Is("WITHOUT")) ? "is a WITHOUT ROWID table"
            : options.Any(t => t.Is("STRICT")) ? "is a STRICT table"
            : null;
    }
}
