namespace Retort.Tests.Architecture;

public sealed class DependencyRuleTests
{
    private static readonly Lazy<List<Microsoft.CodeAnalysis.SyntaxTree>> Sources = new(DependencyRule.Sources);

    [Fact]
    public void No_layer_uses_one_it_may_not()
    {
        var violations = DependencyRule.Violations(Sources.Value);
        Assert.True(violations.Count == 0, "Layer rule broken:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Namespaces_follow_folders()
    {
        var misfits = DependencyRule.NamespaceMisfits(Sources.Value);
        Assert.True(misfits.Count == 0, "Namespaces off their folders:\n" + string.Join('\n', misfits));
    }

    private static readonly HashSet<string> DialectNames =
        [.. Retort.Dialects.DialectId.All.SelectMany(d => d.Schemes.Concat(d.Providers).Append(d.Name))];

    [Fact]
    public void No_code_outside_Dialects_tests_a_dialect_name()
    {
        var found = DependencyRule.DialectNameTests(Sources.Value, DialectNames);
        Assert.True(found.Count == 0, "Dialect names tested outside Dialects/:\n" + string.Join('\n', found));
    }

    [Fact]
    public void A_name_test_outside_Dialects_is_found()
    {
        var planted = Planted("Execution", "namespace Retort.Execution;\ninternal static class Planted\n{\n    public static bool IsLite(string name) => name == \"sqlite\";\n}\n");
        Assert.Equal(["src/Retort/Execution/Planted.cs(4): tests the dialect name \"sqlite\""], DependencyRule.DialectNameTests([planted], DialectNames));
    }

    [Fact]
    public void Every_folder_is_a_known_layer()
    {
        var unknown = Sources.Value.Select(t => DependencyRule.LayerOf(t.FilePath)).Distinct().Where(l => !DependencyRule.Allowed.ContainsKey(l)).ToList();
        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("Schema", "using Retort.Execution;\nnamespace Retort;\npublic static class Planted { }\n",
        "src/Retort/Schema/Planted.cs(1): Schema uses Execution (using Retort.Execution)")]
    [InlineData("Operations", "namespace Retort.Ops;\ninternal static class Planted\n{\n    public static object? Dialect => default(Retort.Dialects.Dialect);\n}\n",
        "src/Retort/Operations/Planted.cs(4): Operations uses Dialects (Retort.Dialects.Dialect)")]
    [InlineData("Dialects", "using Retort.Ops;\nnamespace Retort.Dialects;\ninternal static class Planted\n{\n    public static object? Op => default(MigrationOperation);\n}\n",
        null)]
    public void The_rule_catches_a_forbidden_use_and_allows_a_permitted_one(string folder, string text, string? expected)
    {
        var violations = DependencyRule.Violations([.. Sources.Value, Planted(folder, text)]).Where(v => v.Contains("Planted.cs", StringComparison.Ordinal)).ToList();
        if (expected is null)
            Assert.Empty(violations);
        else
            Assert.Contains(expected, violations);
    }

    [Fact]
    public void A_private_type_in_the_front_door_is_a_misfit()
    {
        var planted = Planted("Execution", "namespace Retort;\ninternal sealed class Planted { }\n");
        var misfits = DependencyRule.NamespaceMisfits([planted]);
        Assert.Equal(["src/Retort/Execution/Planted.cs: Planted is not public, so it belongs in Retort.Execution, not in the front door Retort"], misfits);
    }

    private static Microsoft.CodeAnalysis.SyntaxTree Planted(string folder, string text) =>
        DependencyRule.Parse(text, Path.Combine(DependencyRule.RepositoryRoot, "src", "Retort", folder, "Planted.cs"));
}
