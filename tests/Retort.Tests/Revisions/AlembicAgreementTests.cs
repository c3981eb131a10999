using System.Runtime.CompilerServices;
using System.Text.Json;
using Retort.Revisions;
using static Retort.Tests.Revisions.Graphs;

namespace Retort.Tests.Revisions;

/// <summary>
/// Random graphs answered by Alembic itself (Alembic/alembic-cases.jsonl, written by
/// Alembic/generate_cases.py): heads, labels, normalised dependencies, and the exact upgrade,
/// downgrade and history orders must all be the same.
/// </summary>
public sealed class AlembicAgreementTests
{
    public static TheoryData<int> Cases() => [.. Enumerable.Range(1, Lines().Length)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Retort_answers_as_alembic_does_on_random_graph(int line)
    {
        using JsonDocument document = JsonDocument.Parse(Lines()[line - 1]);
        JsonElement root = document.RootElement;
        RevisionHeader[] headers =
        [
            .. root.GetProperty("graph").EnumerateArray()
                .Select(g => Full(g[0].GetString()!, Strings(g[1]), Strings(g[2]), Strings(g[3]))),
        ];
        var map = new RevisionMap(headers);

        Assert.Equal(Joined(root.GetProperty("heads")), Ids(map.Heads));
        Assert.Equal(Joined(root.GetProperty("realHeads")), Ids(map.RealHeads));
        Assert.Equal(Joined(root.GetProperty("bases")), Ids(map.Bases));
        Assert.Equal(
            root.GetProperty("labels").EnumerateArray().Select(Joined),
            map.All.Select(r => string.Join(" ", r.BranchLabels.Order(StringComparer.Ordinal))));
        Assert.Equal(
            root.GetProperty("dependencies").EnumerateArray().Select(Joined),
            map.All.Select(r => string.Join(" ", r.Dependencies)));

        foreach (JsonElement op in root.GetProperty("ops").EnumerateArray())
        {
            string kind = op[0].GetString()!;
            IReadOnlyList<Revision> actual = kind switch
            {
                "upgrade" => map.UpgradeSteps(Strings(op[1]), op[2].GetString()!),
                "downgrade" => map.DowngradeSteps(Strings(op[1]), op[2].GetString()!),
                _ => map.Walk(op[1].GetString(), op[2].GetString()),
            };
            Assert.True(
                Joined(op[3]) == Ids(actual),
                $"{kind} {op[1]} {op[2]}: Alembic {Joined(op[3])}, Retort {Ids(actual)}");
        }
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string Joined(JsonElement array) => string.Join(" ", Strings(array));

    private static string[] Lines([CallerFilePath] string source = "") =>
        File.ReadAllLines(Path.Combine(Path.GetDirectoryName(source)!, "Alembic", "alembic-cases.jsonl"));
}
