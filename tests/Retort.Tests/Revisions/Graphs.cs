using Retort.Revisions;

namespace Retort.Tests.Revisions;

/// <summary>Shorthand for building revision graphs and reading results in tests.</summary>
internal static class Graphs
{
    public static RevisionHeader Rev(string id, params string[] down) => RevisionHeader.Of(id, down);

    public static RevisionHeader Full(
        string id, string[] down, string[]? labels = null, string[]? dependsOn = null, string? path = null) =>
        new(id, down, labels ?? [], dependsOn ?? [], Path: path);

    public static RevisionMap Map(params RevisionHeader[] headers) => new(headers);

    /// <summary>Ids separated by spaces, so an expected order reads as one string.</summary>
    public static string Ids(IEnumerable<Revision> revisions) => string.Join(" ", revisions.Select(r => r.Id));

    public static string[] Current(params string[] ids) => ids;

    public static string Error(Action action) => Assert.Throws<RetortException>(action).Message;

    public static string Error(Func<object?> action) => Assert.Throws<RetortException>(action).Message;
}
