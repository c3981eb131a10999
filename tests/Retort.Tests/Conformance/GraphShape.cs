using System.Security.Cryptography;
using System.Text;

namespace Retort.Tests.Conformance;

/// <summary>A revision of a shape: its name, what it revises, depends on, and the labels it carries.</summary>
public sealed record ShapeRevision(string Name, string[] Down, string[] Depends, string[] Labels)
{
    /// <summary>The id both tools use: the name and eight hex characters, so that a prefix is a partial id.</summary>
    public string Id => ShapeIds.Of(Name);
}

/// <summary>A revision graph and the commands run through both tools, in order, on one database each.</summary>
public sealed record GraphShape(string Name, IReadOnlyList<ShapeRevision> Revisions, IReadOnlyList<string[]> Commands)
{
    public override string ToString() => Name;
}

internal static class ShapeIds
{
    public static string Of(string name) =>
        name + "x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];

    /// <summary>A command's arguments with every <c>{name}</c> replaced by that revision's id.</summary>
    public static string[] Expand(string[] command) =>
        [.. command.Select(a => System.Text.RegularExpressions.Regex.Replace(a, @"\{(\w+)\}", m => Of(m.Groups[1].Value)))];
}
