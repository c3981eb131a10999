// The floor for `retort upgrade`: the same SQL that `retort upgrade head --sql` writes, run straight through
// Microsoft.Data.Sqlite in one transaction, with nothing else (no graph, no version-table reads, no compiling).
// usage: Retort.Bench.Floor DATABASE SCRIPT
using System.Diagnostics;
using Microsoft.Data.Sqlite;

var watch = Stopwatch.StartNew();
var script = string.Join('\n', File.ReadLines(args[1]).Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
var statements = script.Split(";\n\n", StringSplitOptions.RemoveEmptyEntries)
    .Select(s => s.Trim().TrimEnd(';'))
    .Where(s => s.Length > 0 && s is not ("BEGIN" or "COMMIT"))
    .ToList();
using var connection = new SqliteConnection($"Data Source={args[0]}");
connection.Open();
using var transaction = connection.BeginTransaction();
foreach (var sql in statements)
{
    using var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    command.ExecuteNonQuery();
}
transaction.Commit();
Console.Error.WriteLine($"{statements.Count} statements in {watch.ElapsedMilliseconds} ms");
