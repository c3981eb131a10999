using System.Text;

namespace Retort.Model;

/// <summary>C# names in snake_case, as <see cref="NamingConvention.SnakeCase"/> writes them.</summary>
internal static class SnakeCase
{
    /// <summary>
    /// <c>OrderId</c> → <c>order_id</c>; a run of capitals is one word (<c>HTTPServer</c> → <c>http_server</c>,
    /// <c>UserID</c> → <c>user_id</c>), digits stay with the word before them (<c>Sha256Hash</c> → <c>sha256_hash</c>).
    /// </summary>
    public static string Of(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool afterWord = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool endsCapitalRun = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((afterWord || endsCapitalRun) && text[^1] != '_')
                    text.Append('_');
                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>The name under <paramref name="naming"/>.</summary>
    public static string Apply(string name, NamingConvention naming) =>
        naming == NamingConvention.SnakeCase ? Of(name) : name;
}
