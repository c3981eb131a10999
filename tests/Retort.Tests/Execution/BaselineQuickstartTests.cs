namespace Retort.Tests.Execution;

/// <summary>
/// The acceptance case of <c>baseline --from-live</c>: the quickstart's database, upgraded to head by its own project,
/// adopted by a new project that has no revisions. The baseline is proved and stamped, and then autogenerate finds
/// nothing to do against the quickstart's model, nor against the model classes the baseline wrote, and the database
/// has no drift from the baseline.
/// </summary>
public sealed class BaselineQuickstartTests : IDisposable
{
    // The model the quickstart's two revisions build, as its author would write it.
    private const string QuickstartModel = """
        using System.ComponentModel.DataAnnotations;
        using System.ComponentModel.DataAnnotations.Schema;
        using Retort;

        namespace Quickstart.Models;

        [Table("account")]
        public class Account
        {
            [Key, Column("id")] public int Id { get; set; }
            [Column("name"), MaxLength(50)] public string Name { get; set; } = "";
            [Column("description"), MaxLength(200), Comment("free text")] public string? Description { get; set; }
            [Column("last_txn")] public DateTime? LastTxn { get; set; }
        }

        [Table("order")]
        public class Order
        {
            [Key, Column("id")] public int Id { get; set; }
            [Column("account_id"), Index(Name = "ix_order_account_id")] public int AccountId { get; set; }
            [Column("paid"), ServerDefault("FALSE")] public bool? Paid { get; set; }
            [ForeignKey(nameof(AccountId)), OnDelete("CASCADE")] public Account? Account { get; set; }
        }
        """;

    private readonly TestProject _quickstart = new("sqlite:///quickstart.db");
    private readonly TestProject _adopter;

    public BaselineQuickstartTests()
    {
        var sample = Path.Combine(TestArtifacts.RepositoryRoot()!, "samples", "quickstart", "migrations");
        File.Copy(Path.Combine(sample, "Env.cs"), Path.Combine(_quickstart.Root, "migrations", "Env.cs"));
        foreach (var file in Directory.GetFiles(Path.Combine(sample, "versions"), "*.cs"))
            File.Copy(file, Path.Combine(_quickstart.Root, "migrations", "versions", Path.GetFileName(file)));
        _adopter = new TestProject("sqlite:////" + Path.Combine(_quickstart.Root, "quickstart.db").TrimStart('/'));
    }

    [Fact]
    public async Task The_quickstart_database_is_adopted_and_autogenerate_against_its_model_finds_nothing()
    {
        await _quickstart.Commands().UpgradeAsync("head");
        File.WriteAllText(Path.Combine(_adopter.Root, "Quickstart.cs"), QuickstartModel);
        // Versioned by the quickstart's project, the database is not one to baseline; without its version table (a
        // database made some other way) it is.
        var versioned = await Assert.ThrowsAsync<RetortException>(() => _adopter.Commands().SchemaRevisions.BaselineAsync());
        Assert.Contains("is versioned already: its version table retort_version holds 04432f9571f7", versioned.Message);
        await ExecuteAsync("DROP TABLE retort_version; DROP TABLE retort_version_log");

        var report = await _adopter.Commands().SchemaRevisions.BaselineAsync(new BaselineRequest("adopt the quickstart", ModelOut: "Models"));

        Assert.True(report.Proved, string.Join("\n", CommandText.Baseline(report)));
        Assert.True(report.Stamped);
        Assert.Empty(report.ModelGaps);
        Assert.Equal(["2 tables", "1 index", "1 foreign key"], report.Contents);
        Assert.Equal(["Account.cs", "Order.cs"], report.ModelFiles.Select(Path.GetFileName));
        var text = File.ReadAllText(report.Revision.Path!);
        Assert.Contains("op.CreateTable(\"account\",", text);
        Assert.Contains("new ForeignKey(\"fk_order_account\", [\"account_id\"], \"account\", [\"id\"], onDelete: \"CASCADE\")", text);

        foreach (var model in new[] { "Quickstart.cs", "Models/*.cs" })
        {
            var diff = await _adopter.Commands(c => c with { Model = c.Model with { Sources = [model] } }).CompareAsync();
            Assert.True(diff.IsEmpty, $"{model}: " + string.Join("; ", diff.Upgrade.Select(OperationSummary.Describe)));
            Assert.Empty(diff.Warnings);
        }
        Assert.False((await _adopter.Commands().SafetyNet.DriftAsync()).Drifted);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_quickstart.Root, "quickstart.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        _adopter.Dispose();
        _quickstart.Dispose();
    }
}
