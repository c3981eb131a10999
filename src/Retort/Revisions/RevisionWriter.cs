using System.Globalization;
using System.Net;
using System.Text;

namespace Retort.Revisions;

/// <summary>Writes a new revision file from the project's <c>script.cs.template</c>.</summary>
internal static class RevisionWriter
{
    public const string TemplateFileName = "script.cs.template";

    public static string Render(string template, RevisionHeader header, string className,
        IReadOnlyList<string> databases, string upgrades = "", string downgrades = "")
    {
        var summary = WebUtility.HtmlEncode(header.Doc).Replace("&#39;", "'", StringComparison.Ordinal).Replace("&quot;", "\"", StringComparison.Ordinal);
        if (summary.Contains('\n'))
            summary = "\n/// " + summary.Replace("\n", "\n/// ", StringComparison.Ordinal) + "\n/// ";
        var text = template
            .Replace("${summary}", summary, StringComparison.Ordinal)
            .Replace("${attribute}", Attribute(header), StringComparison.Ordinal)
            .Replace("${className}", className, StringComparison.Ordinal)
            .Replace("${message}", header.Message, StringComparison.Ordinal)
            .Replace("${revision}", header.Id, StringComparison.Ordinal)
            .Replace("${revises}", string.Join(", ", header.DownRevisions), StringComparison.Ordinal)
            .Replace("${createDate}", header.CreateDate ?? "", StringComparison.Ordinal);
        text = ReplaceBody(text, "${upgrades}", upgrades, databases);
        return ReplaceBody(text, "${downgrades}", downgrades, databases);
    }

    /// <summary>The [Revision(...)] line, in the one form the header reader and people both read easily.</summary>
    public static string Attribute(RevisionHeader header)
    {
        var text = new StringBuilder("[Revision(").Append(Literal(header.Id));
        AppendList(text, "Revises", header.DownRevisions);
        AppendList(text, "BranchLabels", header.BranchLabels);
        AppendList(text, "DependsOn", header.DependsOn);
        if (header.CreateDate is not null)
            text.Append(", CreateDate = ").Append(Literal(header.CreateDate));
        if (header.Phase == MigrationPhase.PostDeploy)
            text.Append(", Phase = MigrationPhase.PostDeploy");
        AppendList(text, "Replaces", header.Replaces);
        return text.Append(")]").ToString();
    }

    public static string CreateDate(DateTimeOffset now) => now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static void AppendList(StringBuilder text, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            return;
        text.Append(", ").Append(name).Append(" = ");
        if (values.Count == 1)
            text.Append(Literal(values[0]));
        else
            text.Append("new[] { ").Append(string.Join(", ", values.Select(Literal))).Append(" }");
    }

    private static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Puts a method body where the template has its placeholder line, indented as that line is; an empty
    /// body removes the line. With several databases each gets its own <c>case</c>.
    /// </summary>
    private static string ReplaceBody(string text, string placeholder, string body, IReadOnlyList<string> databases)
    {
        var at = text.IndexOf(placeholder, StringComparison.Ordinal);
        if (at < 0)
            return text;
        var lineStart = text.LastIndexOf('\n', at) + 1;
        var lineEnd = text.IndexOf('\n', at);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd + 1;
        var indent = text[lineStart..at];
        var lines = new List<string>();
        if (databases.Count > 0 && text.Contains("op.Database", StringComparison.Ordinal))
        {
            foreach (var database in databases)
            {
                lines.Add($"{indent}case {Literal(database)}:");
                lines.AddRange(BodyLines(body).Select(l => l.Length == 0 ? l : $"{indent}    {l}"));
                lines.Add($"{indent}    break;");
            }
        }
        else
            lines.AddRange(BodyLines(body).Select(l => l.Length == 0 ? l : indent + l));
        var replacement = lines.Count == 0 ? "" : string.Join("\n", lines) + "\n";
        return text[..lineStart] + replacement + text[lineEnd..];
    }

    private static IEnumerable<string> BodyLines(string body) =>
        body.Length == 0 ? [] : body.TrimEnd('\n').Split('\n');
}
