namespace Retort.Dialects.SqlServer;

/// <summary>
/// SQL Server's lexical rules (https://learn.microsoft.com/sql/relational-databases/databases/database-identifiers):
/// names quoted as <c>[x]</c> (a <c>]</c> inside doubled) or <c>"x"</c>; strings in <c>'…'</c> or <c>N'…'</c>, with
/// no escape but a doubled quote; binary constants as <c>0x1F</c>; <c>--</c> comments and <c>/* */</c> ones, which nest.
/// </summary>
internal static class SqlServerLexicon
{
    public static readonly SqlLexicon Rules = new() { Brackets = SqlBrackets.EscapedName, StringPrefixes = "nN", NestedComments = true, HexNumbers = true };
}
