namespace Retort.Tests.Cli;

/// <summary>
/// A project whose graph has every shape the listings draw: a branch point (b2), two branches (c3, d4) and their merge
/// (e5) under the label main, and a second root under the label audit (f1, f2) whose f2 depends on b2. Its SQLite
/// database is at both heads, and its model wants one column more (account.nickname), so check has one operation.
/// </summary>
public sealed class OutputProject : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("retort-output");

    public string Folder => _dir.FullName;

    public async Task InitializeAsync()
    {
        await OkAsync("init", "migrations");
        Revision("a1000000001", "create account", ", BranchLabels = \"main\"",
            "op.CreateTable(\"account\", new Column(\"id\", SqlType.Integer, primaryKey: true));", "op.DropTable(\"account\");");
        Revision("b2000000002", "add email", ", Revises = \"a1000000001\"",
            "op.AddColumn(\"account\", new Column(\"email\", SqlType.String(80)));", "op.DropColumn(\"account\", \"email\");");
        Revision("c3000000003", "add phone", ", Revises = \"b2000000002\"",
            "op.AddColumn(\"account\", new Column(\"phone\", SqlType.String(20)));", "op.DropColumn(\"account\", \"phone\");");
        Revision("d4000000004", "add address", ", Revises = \"b2000000002\"",
            "op.AddColumn(\"account\", new Column(\"address\", SqlType.String(200)));", "op.DropColumn(\"account\", \"address\");");
        Revision("e5000000005", "merge phone and address", ", Revises = new[] { \"c3000000003\", \"d4000000004\" }", "", "");
        Revision("f1000000006", "create audit log", ", BranchLabels = \"audit\"",
            "op.CreateTable(\"audit\", new Column(\"id\", SqlType.Integer, primaryKey: true));", "op.DropTable(\"audit\");");
        Revision("f2000000007", "audit emails", ", Revises = \"f1000000006\", DependsOn = \"b2000000002\"",
            "op.AddColumn(\"audit\", new Column(\"email\", SqlType.String(80)));", "op.DropColumn(\"audit\", \"email\");");
        Directory.CreateDirectory(Path.Combine(Folder, "Models"));
        File.WriteAllText(Path.Combine(Folder, "Models", "Model.cs"), """
            using System.ComponentModel.DataAnnotations;
            using System.ComponentModel.DataAnnotations.Schema;

            [Table("account")]
            public class Account
            {
                [Key, Column("id")] public int Id { get; set; }
                [Column("email"), MaxLength(80)] public string? Email { get; set; }
                [Column("phone"), MaxLength(20)] public string? Phone { get; set; }
                [Column("address"), MaxLength(200)] public string? Address { get; set; }
                [Column("nickname"), MaxLength(40)] public string? Nickname { get; set; }
            }

            [Table("audit")]
            public class Audit
            {
                [Key, Column("id")] public int Id { get; set; }
                [Column("email"), MaxLength(80)] public string? Email { get; set; }
            }
            """);
        var config = Path.Combine(Folder, "retort.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"model\": { \"sources\": [] }", "\"model\": { \"sources\": [\"Models/*.cs\"] }", StringComparison.Ordinal));
        await OkAsync("upgrade", "heads");
    }

    public Task DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs retort in the project; the run must succeed. Its stdout, with \n line ends.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var result = await CliProcess.RunAsync(Folder, args);
        Assert.True(result.ExitCode == 0, $"retort {string.Join(" ", args)} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout.ReplaceLineEndings("\n");
    }

    private void Revision(string id, string message, string attributes, string upgrade, string downgrade) =>
        File.WriteAllText(Path.Combine(Folder, "migrations", "versions", $"{id}.cs"), $$"""
            using Retort;
            namespace Migrations;
            /// <summary>{{message}}</summary>
            [Revision("{{id}}"{{attributes}}, CreateDate = "2026-01-0{{id[^1]}} 10:00:00")]
            public sealed class R{{id}} : Migration
            {
                public override void Upgrade(Operations op) { {{upgrade}} }
                public override void Downgrade(Operations op) { {{downgrade}} }
            }
            """);
}
