namespace Retort.Tests.Architecture;

/// <summary>
/// No class over 400 lines across its partial files, none with more than 12 constructor parameters: a class that grows
/// past either is split by concern (as <c>Dialect</c> was, into its echo, run preparation, bookkeeping and literals).
/// </summary>
public sealed class ClassSizeTests
{
    private const int MaxLines = 400;
    private const int MaxConstructorParameters = 12;

    [Fact]
    public void No_class_is_over_the_limit()
    {
        var over = ClassSizes.Lines(DependencyRule.Sources()).Where(l => l.Value > MaxLines).Select(l => $"{l.Key}: {l.Value} lines").ToList();
        Assert.True(over.Count == 0, $"Classes over {MaxLines} lines: " + string.Join(", ", over));
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
