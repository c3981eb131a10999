namespace Retort.Tests.Conformance;

/// <summary>
/// The graph shapes the conformance suite runs through Alembic and Retort: linear, branched, merged, several roots,
/// labels, dependencies across branches, graphs after Alembic's own tests, invalid graphs, and a 1,000-revision map.
/// A shape is written as <c>name[:down,down][+dependency,…][@label,…]</c> per revision, in file order.
/// </summary>
internal static class GraphShapes
{
    public static IReadOnlyList<GraphShape> All { get; } = Build();

    private static List<GraphShape> Build()
    {
        var shapes = new List<GraphShape>
        {
            Shape("single", "a"),
            Shape("linear3", "a; b:a; c:b"),
            Shape("linear10", string.Join("; ", Enumerable.Range(0, 10).Select(i => i == 0 ? "l0" : $"l{i}:l{i - 1}"))),
            Shape("two roots", "a; x; b:a; y:x"),
            Shape("three roots", "a; x; p; b:a; y:x; q:p"),
            Shape("branch at root", "a; b1:a; b2:a"),
            Shape("branch deeper", "a; b1:a; c1:b1; b2:a; c2:b2"),
            Shape("uneven branches", "a; b1:a; c1:b1; d1:c1; e1:d1; b2:a"),
            Shape("merge", "a; b1:a; b2:a; m:b1,b2"),
            Shape("merge then line", "a; b1:a; c1:b1; b2:a; m:c1,b2; n:m; o:n"),
            Shape("three-way merge", "a; b1:a; b2:a; b3:a; m:b1,b2,b3"),
            Shape("two merges", "a; b1:a; b2:a; m1:b1,b2; c1:m1; c2:m1; m2:c1,c2"),
            Shape("diamond of roots", "a; x; m:a,x; n:m"),
            Shape("merge with a branch left", "a; b1:a; b2:a; b3:a; m:b1,b2"),
            Shape("labels on branches", "a; b1:a@left; c1:b1; b2:a@right; c2:b2"),
            Shape("labels on roots", "a@one; b:a; x@two; y:x; z:y"),
            Shape("label after merge", "a; b1:a; b2:a; m:b1,b2@main; n:m"),
            Shape("dependency across branches", "a; b1:a; c1:b1; b2:a@c2branch; c2:b2; d2:c2+c1"),
            Shape("dependency on the other root", "x; a; b:a+x; c:b"),
            Shape("dependency on own parent", "a; b:a+a; c:b"),
            Shape("dependency on an ancestor", "a; b:a; c:b+a; d:c"),
            Shape("dependency on a label", "a@base1; b:a; x@base2; y:x+base1; z:y"),
            Shape("dependency chain", "a; b1:a; c1:b1; b2:a+b1; c2:b2+c1; d2:c2"),
            Shape("effective head", "a; b:a; x; c:b+x"),
            Shape("dependency declared twice", "a; b1:a; b2:a; c2:b2+b1; d2:c2+b1; e2:d2"),
            Shape("merge and dependency", "a; b1:a; b2:a; c1:b1+b2; m:c1,b2"),
            Shape("labelled bases with a merge", "a@alpha; b:a; x@beta; y:x; m:b,y; n:m"),
            Shape("branch from middle", "a; b:a; c:b; d:c; c2:b; d2:c2"),
            Shape("forest of chains", "a; b:a; c:b; x; y:x; z:y; p; q:p; r:q"),
            Shape("merge point with dependencies", "a; b1:a; b2:a; c:b1+b2; d:c"),
            // After Alembic's own tests (tests/test_revision.py, test_version_traversal.py).
            Shape("alembic branch travelling", "a1; b1:a1; c1:b1; d1:c1; e1:d1; b2:a1; c2:b2; d2:c2"),
            Shape("alembic multiple base", "base1; a1:base1; b1:a1; base2; a2:base2; b2:a2; base3; a3:base3"),
            Shape("alembic depends on branch", "a; b:a@b1; c1:b; b2:a@b2; c2:b2+c1"),
            Shape("alembic mergepoint with branches", "a; b1:a; c1:b1; b2:a; c2:b2; d:c1,c2; e1:d; e2:d; f:e1,e2"),
            Shape("alembic labelled dependency", "base1@lib; a1:base1; base2@app; a2:base2+lib; b2:a2"),
            Shape("alembic three heads", "a; b:a; c1:b; c2:b; c3:b"),
            Shape("alembic forest with dependency", "a1; b1:a1; a2; b2:a2+b1; a3; b3:a3+b2"),
            Shape("alembic merge of merges", "a; b:a; c:a; d:a; m1:b,c; m2:m1,d; e:m2"),
            Shape("long linear 40", string.Join("; ", Enumerable.Range(0, 40).Select(i => i == 0 ? "k0" : $"k{i}:k{i - 1}"))),
            Shape("map of 1000", string.Join("; ", Enumerable.Range(0, 1000).Select(i => i == 0 ? "m0" : $"m{i}:m{i - 1}")), big: true),
            // Invalid graphs: both tools must refuse them.
            Shape("invalid cycle", "a:c; b:a; c:b", invalid: true),
            Shape("invalid missing parent", "a; b:zz", invalid: true),
            Shape("invalid duplicate label", "a@same; b:a@same", invalid: true),
        };
        return shapes;
    }

    private static GraphShape Shape(string name, string spec, bool big = false, bool invalid = false)
    {
        var revisions = spec.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        return new GraphShape(name, revisions, invalid ? InvalidCommands() : big ? BigCommands() : Commands(revisions));
    }

    private static ShapeRevision Parse(string text)
    {
        string[] Part(char marker)
        {
            var at = text.IndexOf(marker);
            if (at < 0)
                return [];
            var end = text.IndexOfAny([':', '+', '@'], at + 1);
            return text[(at + 1)..(end < 0 ? text.Length : end)].Split(',', StringSplitOptions.RemoveEmptyEntries);
        }

        var name = text[..(text.IndexOfAny([':', '+', '@']) is var cut and >= 0 ? cut : text.Length)];
        return new(name, Part(':'), Part('+'), Part('@'));
    }

    // Every command must fail on an invalid graph, in both tools.
    private static List<string[]> InvalidCommands() =>
    [
        ["heads"], ["heads", "--resolve-dependencies"], ["history"], ["history", "-r", "base:heads"], ["show", "{a}"], ["current"],
        ["upgrade", "heads"], ["upgrade", "heads", "--sql"], ["upgrade", "head"], ["upgrade", "+1"], ["upgrade", "{a}"], ["upgrade", "{b}"],
        ["upgrade", "{b}", "--sql"], ["upgrade", "{a}:{b}", "--sql"], ["downgrade", "base"], ["downgrade", "-1"], ["downgrade", "{a}"],
        ["downgrade", "heads:base", "--sql"], ["downgrade", "{b}:base", "--sql"], ["stamp", "heads"], ["upgrade", "{a}+1"], ["current"],
        ["history", "-r", "{a}:"], ["history", "-r", ":{b}"], ["upgrade", "heads"],
    ];

    private static List<string[]> BigCommands() =>
    [
        ["heads"], ["heads", "--resolve-dependencies"], ["history", "-r", "base:{m10}"], ["history", "-r", "{m990}:"], ["show", "{m500}"],
        ["current"], ["upgrade", "heads", "--sql"], ["upgrade", "{m10}", "--sql"], ["downgrade", "{m900}:{m800}", "--sql"],
        ["upgrade", "+3"], ["upgrade", "{m3}+2"], ["upgrade", "+500"], ["current"], ["upgrade", "{m100}"], ["upgrade", "heads"], ["current"],
        ["upgrade", "heads"], ["downgrade", "-250"], ["current"], ["downgrade", "{m100}"], ["downgrade", "{m100}"], ["current"],
        ["upgrade", "{m100}"], ["upgrade", "{m900}"], ["downgrade", "{m900}-2"], ["history", "-r", "current:"], ["downgrade", "base"], ["current"],
    ];

    /// <summary>The standard list: read-only, offline, then an online walk up and down, each target tried twice.</summary>
    private static List<string[]> Commands(List<ShapeRevision> revisions)
    {
        var mid = revisions[revisions.Count / 2].Name;
        var last = revisions[^1];
        var partial = last.Id[..(last.Name.Length + 4)];
        var label = revisions.SelectMany(r => r.Labels).FirstOrDefault();
        List<string[]> commands =
        [
            ["heads"], ["heads", "--resolve-dependencies"], ["history"], ["history", "-r", $"base:{{{mid}}}"], ["show", $"{{{mid}}}"],
            ["current"], ["upgrade", "heads", "--sql"], ["upgrade", $"{{{mid}}}", "--sql"], ["upgrade", "head", "--sql"],
            ["upgrade", "+1"], ["current"], ["upgrade", "+1"], ["upgrade", $"{{{mid}}}"], ["upgrade", $"{{{mid}}}"], ["current"],
            ["upgrade", $"{{{mid}}}+1"], ["upgrade", "heads"], ["current"], ["upgrade", "heads"], ["history", "-r", "current:"],
            // A pinned deploy run again, and targets at or below where the database is.
            ["upgrade", $"{{{mid}}}"], ["upgrade", $"{{{mid}}}+1"], ["upgrade", $"{{{last.Name}}}"], ["upgrade", $"{{{last.Name}}}"], ["downgrade", $"{{{last.Name}}}"],
            ["history", "-r", "-3:"], ["history", "-r", $":{{{mid}}}"], ["history", "-r", $"{{{mid}}}:"],
            ["downgrade", "-1"], ["current"], ["downgrade", $"{{{mid}}}"], ["downgrade", $"{{{mid}}}"], ["current"],
            ["downgrade", $"{{{mid}}}-1"], ["current"], ["upgrade", "heads"], ["downgrade", $"{{{last.Name}}}-2"], ["current"],
            ["downgrade", "base"], ["current"], ["upgrade", partial], ["current"],
            ["downgrade", "heads:base", "--sql"], ["upgrade", "head"], ["current"],
        ];
        if (label is not null)
            commands.AddRange([["upgrade", $"{label}@head"], ["current"], ["downgrade", $"{label}@-1"], ["current"], ["upgrade", $"{label}@+1"], ["current"]]);
        commands.AddRange([["upgrade", "heads"], ["downgrade", "base"], ["current"]]);
        return commands;
    }
}
