namespace Retort.Schema;

internal static class Names
{
    public static string Required(string? name, string what) =>
        string.IsNullOrEmpty(name) ? throw new ArgumentException($"A {what} needs a name") : name;
}
