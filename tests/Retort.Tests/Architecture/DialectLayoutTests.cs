namespace Retort.Tests.Architecture;

/// <summary>
/// Every dialect folder has the same files for the same concerns (src/Retort/Dialects/README.md), so that what one
/// database does about a concern is found where it is found for the others. A core file may be missing only with an
/// exemption that says why; a file beyond the core is listed with what only that database has in it; an inspector has
/// one shape everywhere.
/// </summary>
public sealed class DialectLayoutTests
{
    /// <summary>The core, by ending after the folder's name (<c>Sqlite</c> + <c>Dialect.Tables.cs</c>).</summary>
    private static readonly string[] Core =
    [
        "Dialect.cs", "Dialect.Tables.cs", "Dialect.Columns.cs", "Dialect.Constraints.cs", "Dialect.Indexes.cs", "Dialect.Objects.cs",
        "Echo.cs", "Bookkeeping.cs", "Literals.cs", "Inspector.cs", "Types.cs", "ReservedWords.cs", "Lexicon.cs",
    ];

    private const string RenderOnly = "SQL Server is rendered only: the CLI cannot connect to it, so nothing reads or compares a live schema";

    /// <summary>Core files a folder does without, and why.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Exempt = new()
    {
        ["Sqlite"] = [],
        ["Postgres"] = [],
        ["MySql"] = [],
        ["SqlServer"] = new()
        {
            ["Echo.cs"] = RenderOnly,
            ["Inspector.cs"] = RenderOnly,
        },
    };

    /// <summary>Files beyond the core: a concern not every database overrides, or something only that database has.</summary>
    private static readonly Dictionary<string, string[]> Beyond = new()
    {
        ["Sqlite"] = ["Dialect.Batch.cs", "Dialect.Data.cs", "Ddl.cs", "RunPreparation.cs", "TableDetails.cs", "TableRebuild.cs", "Types.Compare.cs"],
        ["Postgres"] = ["Dialect.Enums.cs", "Echo.Expressions.cs", "Inspector.Queries.cs", "Types.Compare.cs"],
        ["MySql"] = ["Catalog.cs", "Inspector.Defaults.cs", "RunPreparation.cs", "Types.Compare.cs"],
        ["SqlServer"] = ["Dialect.Data.cs"],
    };

    private static string DialectsFolder => Path.Combine(DependencyRule.RepositoryRoot, "src", "Retort", "Dialects");

    public static TheoryData<string> Folders => [.. Exempt.Keys];

    [Fact]
    public void Every_dialect_folder_is_listed()
    {
        var folders = Directory.GetDirectories(DialectsFolder).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal);
        Assert.Equal(Exempt.Keys.Order(StringComparer.Ordinal), folders);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_dialect_folder_has_every_core_file_or_an_exemption(string folder)
    {
        var files = Files(folder);
        var missing = Core.Where(ending => !Exempt[folder].ContainsKey(ending) && !files.Contains(folder + ending)).ToList();
        Assert.True(missing.Count == 0, $"{folder} lacks core files: {string.Join(", ", missing.Select(e => folder + e))}; " +
            "add them, or exempt them in DialectLayoutTests with the reason");
        var stale = Exempt[folder].Keys.Where(ending => files.Contains(folder + ending)).ToList();
        Assert.True(stale.Count == 0, $"{folder} has exempted files: {string.Join(", ", stale.Select(e => folder + e))}; take the exemption off");
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_dialect_folder_holds_nothing_unlisted(string folder)
    {
        var unlisted = Files(folder).Where(file => !Core.Concat(Beyond[folder]).Any(ending => file == folder + ending)).ToList();
        Assert.True(unlisted.Count == 0, $"{folder} has files neither core nor listed: {string.Join(", ", unlisted)}; " +
            "move the code into the core file of its concern, or list the file in DialectLayoutTests.Beyond");
        var gone = Beyond[folder].Where(ending => !Files(folder).Contains(folder + ending)).ToList();
        Assert.True(gone.Count == 0, $"{folder} no longer has {string.Join(", ", gone.Select(e => folder + e))}; take it off DialectLayoutTests.Beyond");
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void An_inspector_is_one_sealed_class_entered_from_InspectAsync(string folder)
    {
        var inspector = Path.Combine(DialectsFolder, folder, folder + "Inspector.cs");
        if (Exempt[folder].ContainsKey("Inspector.cs"))
        {
            Assert.DoesNotContain("InspectAsync", File.ReadAllText(Path.Combine(DialectsFolder, folder, folder + "Dialect.cs")), StringComparison.Ordinal);
            return;
        }
        Assert.Matches($@"internal sealed (partial )?class {folder}Inspector\b", File.ReadAllText(inspector));
        var dialect = File.ReadAllText(Path.Combine(DialectsFolder, folder, folder + "Dialect.cs"));
        Assert.Matches($@"override Task<DatabaseSchema> InspectAsync\([^)]*\)\s*=>\s*{folder}Inspector\.ReadAsync\(connection, exclude, cancellationToken\);", dialect);
        var elsewhere = Directory.GetFiles(Path.Combine(DialectsFolder, folder), "*.cs")
            .Where(f => f != inspector && !Path.GetFileName(f).StartsWith(folder + "Inspector.", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains($"class {folder}Inspector", StringComparison.Ordinal)).ToList();
        Assert.Empty(elsewhere);
    }

    private static HashSet<string> Files(string folder) =>
        Directory.GetFiles(Path.Combine(DialectsFolder, folder), "*.cs").Select(f => Path.GetFileName(f)!).ToHashSet(StringComparer.Ordinal);
}
