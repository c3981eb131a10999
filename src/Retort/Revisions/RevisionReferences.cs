namespace Retort.Revisions;

/// <summary>Checks what the headers declare and resolves their references to indexes.</summary>
internal static class RevisionReferences
{
    private static readonly char[] IllegalIdCharacters = ['@', '-', '+', ':'];
    private static readonly char[] IllegalLabelCharacters = ['@', ':'];

    /// <summary>Whether <paramref name="word"/> names a position in the graph, so no revision or label may take it.</summary>
    // A pattern, not a frozen set: building one cost milliseconds of every run, for four words.
    private static bool IsSymbol(string word) => word is "head" or "heads" or "base" or "current";

    public static void ValidateId(RevisionHeader header)
    {
        if (string.IsNullOrWhiteSpace(header.Id))
        {
            throw RevisionErrors.EmptyId(header);
        }

        // Checked for every revision on every run: one scan, and the list of culprits only for the error.
        if (header.Id.AsSpan().IndexOfAny(IllegalIdCharacters) >= 0)
        {
            throw RevisionErrors.IllegalIdCharacters(header, IllegalIdCharacters.Where(header.Id.Contains));
        }

        if (IsSymbol(header.Id))
        {
            throw RevisionErrors.ReservedId(header);
        }
    }

    public static int[][] ResolveParents(RevisionHeader[] list, Dictionary<string, int> ids)
    {
        var parents = new int[list.Length][];
        for (int i = 0; i < list.Length; i++)
        {
            RevisionHeader header = list[i];
            int[] resolved = header.DownRevisions.Count == 0 ? [] : new int[header.DownRevisions.Count];
            for (int p = 0; p < resolved.Length; p++)
            {
                string parent = header.DownRevisions[p];
                if (!ids.TryGetValue(parent, out resolved[p]))
                {
                    throw RevisionErrors.MissingParent(header, parent);
                }

                if (Array.IndexOf(resolved, resolved[p], 0, p) >= 0)
                {
                    throw RevisionErrors.RepeatedParent(header, parent);
                }
            }

            parents[i] = resolved;
        }

        return parents;
    }

    public static Dictionary<string, int> CollectLabels(RevisionHeader[] list, Dictionary<string, int> ids)
    {
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++)
        {
            RevisionHeader header = list[i];
            foreach (string label in header.BranchLabels.Distinct())
            {
                if (string.IsNullOrWhiteSpace(label))
                {
                    throw RevisionErrors.EmptyLabel(header);
                }

                int illegal = label.IndexOfAny(IllegalLabelCharacters);
                if (illegal >= 0)
                {
                    throw RevisionErrors.IllegalLabel(header, label, label[illegal]);
                }

                if (IsSymbol(label))
                {
                    throw RevisionErrors.ReservedLabel(header, label);
                }

                if (ids.ContainsKey(label))
                {
                    throw RevisionErrors.LabelIsId(header, label);
                }

                if (!labels.TryAdd(label, i))
                {
                    throw RevisionErrors.DuplicateLabel(label, list[labels[label]], header);
                }
            }
        }

        return labels;
    }

    /// <summary>
    /// Resolves <c>DependsOn</c> entries: an exact id or branch label, else a unique partial id
    /// (matched as symbols are, see <see cref="RevisionGraph.MatchPrefix"/>).
    /// </summary>
    public static int[][] ResolveDependencies(
        RevisionHeader[] list, Dictionary<string, int> ids, Dictionary<string, int> labels)
    {
        string[]? names = null;
        var dependencies = new int[list.Length][];
        for (int i = 0; i < list.Length; i++)
        {
            RevisionHeader header = list[i];
            if (header.DependsOn.Count == 0)
            {
                dependencies[i] = [];
                continue;
            }

            var resolved = new List<int>(header.DependsOn.Count);
            foreach (string dependency in header.DependsOn)
            {
                if (!ids.TryGetValue(dependency, out int index) && !labels.TryGetValue(dependency, out index))
                {
                    names ??= [.. ids.Keys.Concat(labels.Keys).Where(n => n.Length > 3).Order(StringComparer.Ordinal)];
                    index = ResolvePartialDependency(header, dependency, ids, labels, names);
                }

                if (!resolved.Contains(index))
                {
                    resolved.Add(index);
                }
            }

            dependencies[i] = [.. resolved];
        }

        return dependencies;
    }

    private static int ResolvePartialDependency(
        RevisionHeader header, string dependency,
        Dictionary<string, int> ids, Dictionary<string, int> labels, string[] names)
    {
        List<string> matches = dependency.Length == 0
            ? []
            : [.. names.Where(n => n.StartsWith(dependency, StringComparison.Ordinal))
                .DistinctBy(n => ids.TryGetValue(n, out int id) ? id : labels[n])];
        return matches.Count switch
        {
            0 => throw RevisionErrors.MissingDependency(header, dependency),
            1 => ids.TryGetValue(matches[0], out int id) ? id : labels[matches[0]],
            _ => throw RevisionErrors.AmbiguousDependency(header, dependency, matches),
        };
    }
}
