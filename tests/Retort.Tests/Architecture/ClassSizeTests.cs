namespace Retort.Tests.Architecture;

/// <summary>
/// No class over about 400 lines across its partial files, none with more than 12 constructor parameters. The classes
/// still above the line are listed with the size they may not grow past: each is to be split, and leaves the list then.
/// </summary>
public sealed class ClassSizeTests
{
    private const int MaxLines = 400;
    private const int MaxConstructorParameters = 12;

    // Still to be split (issue 16): the size each had when this test was written, which it may not exceed.
    private static readonly Dictionary<string, int> NotYetSplit = new()
    {
        ["Retort.Dialects.Dialect"] = 431,
    };

    [Fact]
    public void No_class_outgrows_its_limit()
    {
        var lines = ClassSizes.Lines(DependencyRule.Sources());
        var over = lines.Where(l => l.Value > NotYetSplit.GetValueOrDefault(l.Key, MaxLines))
            .Select(l => $"{l.Key}: {l.Value} lines (limit {NotYetSplit.GetValueOrDefault(l.Key, MaxLines)})").ToList();
        Assert.True(over.Count == 0, "Classes over their size:\n" + string.Join('\n', over));
    }

    [Fact]
    public void The_list_of_classes_to_split_holds_only_classes_still_too_big()
    {
        var lines = ClassSizes.Lines(DependencyRule.Sources());
        var done = NotYetSplit.Keys.Where(k => lines.GetValueOrDefault(k) <= MaxLines).ToList();
        Assert.True(done.Count == 0, "Split already, take off the list: " + string.Join(", ", done));
    }

    [Fact]
    public void No_constructor_takes_more_than_twelve_parameters()
    {
        var over = ClassSizes.ConstructorParameters(DependencyRule.Sources()).Where(c => c.Value > MaxConstructorParameters)
            .Select(c => $"{c.Key}: {c.Value}").ToList();
        Assert.True(over.Count == 0, "Constructors with too many parameters: " + string.Join(", ", over));
    }

    [Fact]
    public void The_size_check_counts_partial_files_together()
    {
        var first = DependencyRule.Parse("namespace Retort.Ops;\ninternal partial class Big\n{\n    int A;\n}\n", "/src/Retort/Operations/Big.cs");
        var second = DependencyRule.Parse("namespace Retort.Ops;\ninternal partial class Big\n{\n    int B;\n    int C;\n}\n", "/src/Retort/Operations/Big.More.cs");
        Assert.Equal(9, ClassSizes.Lines([first, second])["Retort.Ops.Big"]);
    }
}
