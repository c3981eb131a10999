namespace Retort.Tests.Cli;

/// <summary>What <c>squash</c> prints when its proof fails: every difference, and that nothing changed.</summary>
public sealed class SquashTextTests
{
    [Fact]
    public void A_failed_proof_lists_each_difference_and_says_nothing_was_changed()
    {
        var report = new SquashReport("s1", "/p/s1_x.cs", ["a1", "a2"], "a temporary SQLite file", 3, [], [], [], ["a warning"],
            ["upgraded through s1 rather than a2: added column 'users.note'"], Written: false);

        Assert.False(report.Proven);
        Assert.Equal(
        [
            "Squashing 2 revisions, a1 to a2, computed on a temporary SQLite file",
            "warning: a warning",
            "  3 operation(s) in its upgrade",
            "squash refused: s1 does not make the schema the revisions make; nothing was changed",
            "  upgraded through s1 rather than a2: added column 'users.note'",
        ], CommandText.Squash(report));
    }
}
