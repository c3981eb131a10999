using System.Text.RegularExpressions;

namespace Retort.Tests.Conformance;

/// <summary>
/// Whether two tools' facts for one command agree, and if not, why. Where Alembic's order is arbitrary (it lists
/// scripts in the directory's order, so independent branches interleave as the file system has it), any order that
/// respects the graph passes: history newest first, upgrade steps after what they stand on, downgrades before.
/// </summary>
internal static class ConformanceFacts
{
    public static string? Differ(GraphShape shape, Fact alembic, Fact retort, string[] command)
    {
        if (alembic.Ok != retort.Ok)
            return Deliberate(alembic, retort, command) is not null ? null
                : $"Alembic {(alembic.Ok ? "succeeds" : $"fails ({alembic.Error})")}, Retort {(retort.Ok ? "succeeds" : $"fails ({retort.Error})")}";
        var below = Below(shape);
        if (alembic.Lines is not null && retort.Lines is not null)
        {
            var agree = command[0] switch
            {
                "history" => SameSet(alembic.Lines, retort.Lines) && Respects(retort.Lines, below, newestFirst: true),
                "show" => alembic.Lines.SequenceEqual(retort.Lines),
                _ => SameSet(alembic.Lines, retort.Lines),
            };
            if (!agree)
                return $"printed {Show(alembic.Lines)} against {Show(retort.Lines)}";
        }
        if (alembic.Steps is not null && retort.Steps is not null && !alembic.Steps.SequenceEqual(retort.Steps)
            && !(SameSet(alembic.Steps, retort.Steps) && Respects(retort.Steps.Select(Stepped).ToList(), below, newestFirst: command[0] == "downgrade")))
            return $"steps {Show(alembic.Steps)} against {Show(retort.Steps)}";
        if (alembic.Versions is not null && retort.Versions is not null
            && !(command.Contains("--sql")
                // The rows after each step must agree (at a merge Alembic picks the row to keep from a Python set, so the
                // statements may differ); where the steps' order differs (see above), the rows the script leaves.
                ? alembic.Steps!.SequenceEqual(retort.Steps!)
                    ? Replay(alembic.Versions).Zip(Replay(retort.Versions)).All(p => SameSet(p.First, p.Second)) && Replay(alembic.Versions).Count == Replay(retort.Versions).Count
                    : SameSet(Replay(alembic.Versions)[^1], Replay(retort.Versions)[^1])
                : SameSet(alembic.Versions, retort.Versions)))
            return $"version table {Show(alembic.Versions)} against {Show(retort.Versions)}";
        if (alembic.Tables is not null && retort.Tables is not null && !SameSet(alembic.Tables, retort.Tables))
            return $"tables {Show(alembic.Tables)} against {Show(retort.Tables)}";
        return null;
    }

    /// <summary>The differences the README lists as deliberate, each where Alembic refuses or crashes and Retort answers.</summary>
    public static string? Deliberate(Fact alembic, Fact retort, string[] command) =>
        // An offline downgrade from several heads: Alembic cannot start a script from them; Retort writes it.
        command is ["downgrade", var range, "--sql"] && range.StartsWith("heads:", StringComparison.Ordinal) && retort.Ok
            && alembic.Error?.Contains("Multiple head revisions are present for given argument 'heads'", StringComparison.Ordinal) == true
            ? "downgrade heads:base --sql from several heads"
        // history -r -N: Alembic 1.8.1 resolves -N against 'heads' and fails on most graphs; Retort lists from N below the heads.
        : command is ["history", "-r", var relative] && relative.StartsWith('-') && relative.EndsWith(':') && retort.Ok && alembic.Error is not null
            ? "history -r -N:"
        // Alembic crashes with a raw exception (an AssertionError in history -r REV: on a graph with dependencies).
        : alembic.Error?.StartsWith("AssertionError", StringComparison.Ordinal) == true || alembic.Error?.StartsWith("KeyError", StringComparison.Ordinal) == true
            ? "Alembic crashes"
            : null;

    // Each revision's down revisions and dependencies, by id (a dependency on a label left out).
    private static Dictionary<string, string[]> Below(GraphShape shape) => shape.Revisions.ToDictionary(r => r.Id,
        r => r.Down.Concat(r.Depends).Where(d => shape.Revisions.Any(x => x.Name == d)).Select(ShapeIds.Of).ToArray());

    // "Running upgrade a, b -> c, step c" names c; "Running downgrade c -> a, b" names c.
    private static string Stepped(string line)
    {
        var m = Regex.Match(line, @"^Running (upgrade|downgrade) (.*?) -> ([^,]*)");
        return m.Groups[1].Value == "upgrade" ? m.Groups[3].Value.Trim() : m.Groups[2].Value.Split(',')[0].Trim();
    }

    // Whether the order puts every revision after (newestFirst: before) what it stands on, among those listed.
    private static bool Respects(List<string> order, Dictionary<string, string[]> below, bool newestFirst)
    {
        var position = order.Select((id, i) => (id, i)).GroupBy(p => p.id).ToDictionary(g => g.Key, g => g.First().i);
        foreach (var (id, at) in position)
        {
            foreach (var parent in below.GetValueOrDefault(id, []))
            {
                if (position.TryGetValue(parent, out var parentAt) && (newestFirst ? parentAt < at : parentAt > at))
                    return false;
            }
        }
        return true;
    }

    // The rows an offline script's version moves leave after each step, the last entry after the whole script.
    private static List<List<string>> Replay(List<string> moves)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var snapshots = new List<List<string>>();
        foreach (var move in moves)
        {
            var parts = move.Split(' ');
            switch (parts[0])
            {
                case "step": snapshots.Add([.. rows]); break;
                case "insert": rows.Add(parts[1]); break;
                case "delete": rows.Remove(parts[1]); break;
                default: rows.Remove(parts[1]); rows.Add(parts[2]); break;
            }
        }
        snapshots.Add([.. rows]);
        return snapshots;
    }

    private static bool SameSet(List<string> a, List<string> b) =>
        a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal));

    private static string Show(List<string> values) => values.Count > 8 ? $"[{string.Join(", ", values.Take(8))}, … {values.Count} in all]" : $"[{string.Join(", ", values)}]";
}
