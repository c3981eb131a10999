using System.Text;
using Retort.Autogenerate;
using Retort.Tests.Live;
using Xunit.Abstractions;

namespace Retort.Tests.Fidelity;

/// <summary>
/// The fidelity table (schema × database → false differences right after the DDL made it, and the operations each
/// single change yields), printed and written to artifacts/fidelity.md for bench/fidelity.sh and the README. The
/// suite's own tests assert each cell; this one asserts the table is whole.
/// </summary>
[Collection(FidelityCollection.Name)]
public sealed class FidelityReportTests(SqliteFidelityDatabase sqlite, PostgresFidelityDatabase postgres, MariaDbFidelityDatabase mariadb, ITestOutputHelper output)
    : IClassFixture<SqliteFidelityDatabase>, IClassFixture<PostgresFidelityDatabase>, IClassFixture<MariaDbFidelityDatabase>
{
    [Fact]
    public async Task The_fidelity_table()
    {
        var databases = new List<FidelityDatabase> { sqlite };
        if (LiveDatabase.SkipReason(LiveServer.Postgres) is null)
            databases.Add(postgres);
        if (LiveDatabase.SkipReason(LiveServer.MySql) is null)
            databases.Add(mariadb);
        var options = new CompareOptions { CompareServerDefault = true };
        var falseDifferences = new Dictionary<(string, string), int>();
        var operations = new Dictionary<(string, string, string), int>();
        foreach (var db in databases)
        {
            foreach (var schema in FidelityCorpus.Names)
            {
                await using var connection = await db.CreateAsync(schema);
                var model = FidelityCorpus.Model(schema, db.Dialect);
                falseDifferences[(schema, db.Dialect.Name)] = (await db.CompareAsync(model, connection, options)).Upgrade.Count;
                foreach (var (change, @case) in FidelityChanges.All.Where(c => c.Value.Before is null))
                {
                    var diff = await db.CompareAsync(FidelityCorpus.ForDialect(@case.Apply(model), db.Dialect), connection, options);
                    operations[(schema, db.Dialect.Name, change)] = FidelityChanges.Count(diff.Upgrade);
                }
                // A change from another starting point: the starting database is made in a database of its own.
                foreach (var (change, @case) in FidelityChanges.All.Where(c => c.Value.Before is not null))
                {
                    await using var other = await db.CreateAsync(schema);
                    var start = FidelityCorpus.ForDialect(@case.Before!(model), db.Dialect);
                    await Retort.Tests.Autogenerate.LiveApply.ApplyAsync(db.Dialect, other, (await db.CompareAsync(start, other, options)).Upgrade);
                    var diff = await db.CompareAsync(FidelityCorpus.ForDialect(@case.Apply(model), db.Dialect), other, options);
                    operations[(schema, db.Dialect.Name, change)] = FidelityChanges.Count(diff.Upgrade);
                }
            }
        }

        var names = databases.Select(d => d.Dialect.Name).ToList();
        var text = new StringBuilder();
        text.Append("| | ").AppendJoin(" | ", FidelityCorpus.Names.SelectMany(s => names.Select(n => $"{s} {n}"))).Append(" |\n");
        text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", FidelityCorpus.Names.Length * names.Count))).Append('\n');
        text.Append("| false differences after the DDL | ")
            .AppendJoin(" | ", FidelityCorpus.Names.SelectMany(s => names.Select(n => falseDifferences[(s, n)]))).Append(" |\n");
        foreach (var change in FidelityChanges.All.Keys)
        {
            text.Append("| ").Append(change).Append(" | ")
                .AppendJoin(" | ", FidelityCorpus.Names.SelectMany(s => names.Select(n => operations[(s, n, change)]))).Append(" |\n");
        }
        output.WriteLine(text.ToString());
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Retort.slnx")))
            root = root.Parent;
        if (root is not null)
            await File.WriteAllTextAsync(Path.Combine(root.FullName, "artifacts", "fidelity.md"), text.ToString());

        Assert.Equal(FidelityCorpus.Names.Length * names.Count, falseDifferences.Count);
        Assert.All(falseDifferences, cell => Assert.Equal(0, cell.Value));
    }
}
