namespace Retort.Schema;

internal static class ReferentialAction
{
    private static readonly string[] Actions = ["CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"];

    // Actions go into DDL as words, so only the five SQL words are accepted: nothing else can ride along.
    public static string? Check(string? action)
    {
        if (action is null)
            return null;
        var normal = string.Join(' ', action.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return Actions.Contains(normal) ? normal
            : throw new ArgumentException($"'{action}' is not a referential action; use one of {string.Join(", ", Actions)}");
    }
}
