using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Retort.Revisions;

/// <summary>The names a new revision gets: its id, file name and class name.</summary>
internal static partial class RevisionNaming
{
    /// <summary>12 random hex characters, as Alembic's ids.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>Checks an id given by the user: no characters that targets give meaning to.</summary>
    public static void ValidateId(string id)
    {
        if (id.Length == 0)
            throw new RetortException("A revision id must not be empty");
        var bad = id.Where(c => c is '@' or '-' or '+' or ':' || char.IsWhiteSpace(c) || c is '"' or '\\' or '/').Distinct().ToArray();
        if (bad.Length > 0)
            throw new RetortException($"Revision id '{id}' contains {string.Join(" ", bad.Select(c => $"'{c}'"))}, which targets give meaning to; use letters, digits and '_'");
        if (id is "head" or "heads" or "base" or "current")
            throw new RetortException($"'{id}' is a reserved word in targets and cannot be a revision id");
    }

    /// <summary>The message's words joined by '_', lowercased, cut at a word boundary as Alembic does.</summary>
    public static string Slug(string message, int maxLength)
    {
        var slug = string.Join("_", Words().Matches(message).Select(m => m.Value)).ToLowerInvariant();
        if (slug.Length > maxLength)
        {
            var cut = slug[..maxLength];
            var lastBreak = cut.LastIndexOf('_');
            slug = (lastBreak > 0 ? cut[..lastBreak] : cut) + "_";
        }
        return slug;
    }

    /// <summary>The file name from the config's template (without the .cs extension).</summary>
    public static string FileName(string template, string id, string slug, DateTimeOffset created)
    {
        var name = template
            .Replace("{rev}", id, StringComparison.Ordinal)
            .Replace("{slug}", slug, StringComparison.Ordinal)
            .Replace("{epoch}", created.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{year}", created.ToString("yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{month}", created.ToString("MM", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{day}", created.ToString("dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{hour}", created.ToString("HH", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{minute}", created.ToString("mm", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{second}", created.ToString("ss", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var unknown = Token().Match(name);
        if (unknown.Success)
            throw new RetortException($"'fileTemplate' has an unknown token {unknown.Value}; the tokens are {{rev}} {{slug}} {{epoch}} {{year}} {{month}} {{day}} {{hour}} {{minute}} {{second}}");
        return name.TrimEnd('_');
    }

    private const int MaxClassName = 64;

    /// <summary>A C# class name from the message: its first words in PascalCase.</summary>
    public static string ClassName(string message)
    {
        var builder = new StringBuilder();
        foreach (Match word in Words().Matches(message))
        {
            var letters = new string(word.Value.Where(char.IsAsciiLetterOrDigit).ToArray());
            if (letters.Length == 0) continue;
            // C# takes names of at most 512 characters; a class name is for reading, and the first words say enough.
            if (builder.Length > 0 && builder.Length + letters.Length > MaxClassName)
                break;
            builder.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1, Math.Min(letters.Length, MaxClassName) - 1));
        }
        if (builder.Length == 0)
            return "Revision";
        if (char.IsDigit(builder[0]))
            builder.Insert(0, 'R');
        return builder.ToString();
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\{[a-z]*\}")]
    private static partial Regex Token();
}
