using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Retort.Scripting.Internal.Roslyn;

/// <summary>
/// Collects compile errors and formats them as <c>path(line,col): error CODE: message</c> with the path
/// the caller gave, ordered by file and position.
/// </summary>
internal sealed class ScriptErrors
{
    private readonly Dictionary<string, (int Order, string GivenPath)> _files = new(StringComparer.Ordinal);
    private readonly List<(int Order, int Line, int Column, string Text)> _errors = [];

    /// <summary>Creates the collector for sources in the order given; their trees carry the full paths.</summary>
    public ScriptErrors(IReadOnlyList<ScriptSource> sources)
    {
        for (int i = 0; i < sources.Count; i++)
        {
            _files[sources[i].FullPath] = (i, sources[i].GivenPath);
        }
    }

    /// <summary>True when at least one error was added.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>Adds the errors among <paramref name="diagnostics"/>; warnings and suppressed ones are dropped.</summary>
    public void AddErrors(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed)
            {
                Add(d.Location, d.Id, d.GetMessage(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Adds one of Retort's own errors at <paramref name="location"/>.</summary>
    public void Add(Location location, string code, string message)
    {
        if (!location.IsInSource)
        {
            _errors.Add((-1, 0, 0, $"error {code}: {message}"));
            return;
        }
        var span = location.GetLineSpan();
        var (order, path) = _files.TryGetValue(span.Path, out var file) ? file : (int.MaxValue, span.Path);
        int line = span.StartLinePosition.Line + 1, column = span.StartLinePosition.Character + 1;
        _errors.Add((order, line, column, $"{path}({line},{column}): error {code}: {message}"));
    }

    /// <summary>The error for all collected lines.</summary>
    public ScriptCompilationException ToException() =>
        new(_errors.OrderBy(e => e.Order).ThenBy(e => e.Line).ThenBy(e => e.Column)
            .Select(e => e.Text).Distinct().ToList());
}
