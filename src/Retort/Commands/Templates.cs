using System.Reflection;

namespace Retort;

/// <summary>The project templates <c>retort init</c> writes: <c>generic</c>, <c>multidb</c>, <c>library</c>.</summary>
public static class Templates
{
    private const string Prefix = "Templates/";

    /// <summary>Every template's name and the first line of its README.</summary>
    public static IReadOnlyList<(string Name, string Description)> List() =>
        Names().Select(n => (n, Read(n, "README.md").Split('\n', 2)[0].Trim())).ToList();

    /// <summary>The names of the templates.</summary>
    public static IReadOnlyList<string> Names() =>
        Resources().Select(r => r[Prefix.Length..].Split('/')[0]).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The files of one template, as (relative path, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(string template)
    {
        var prefix = $"{Prefix}{template}/";
        var files = Resources().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
            throw new RetortException($"No template '{template}'; the templates are {string.Join(", ", Names())} (see 'retort list-templates')");
        return files.Select(r => (r[prefix.Length..], Read(r))).ToList();
    }

    internal static string Read(string template, string file) => Read($"{Prefix}{template}/{file}");

    private static string Read(string resource)
    {
        using var stream = typeof(Templates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded template {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IEnumerable<string> Resources() =>
        typeof(Templates).Assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal));
}
