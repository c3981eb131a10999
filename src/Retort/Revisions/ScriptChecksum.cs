using System.Security.Cryptography;
using System.Text;

namespace Retort.Revisions;

/// <summary>
/// The checksum of a revision script, kept in the log of applied steps so that an edit to an applied script is
/// noticed. It is taken over the normalised text, so that a checkout with other line endings, a byte-order mark
/// or trailing spaces does not count as a change.
/// </summary>
/// <remarks>
/// The algorithm is versioned and its version is stored with every checksum: a later Retort that normalises
/// differently adds a version and keeps computing the old ones for old rows, instead of turning every stored
/// checksum into a false alarm (the trap Flyway and Liquibase fell into).
/// </remarks>
internal static class ScriptChecksum
{
    /// <summary>Version 1: UTF-8 without BOM; CRLF and CR as LF; trailing spaces and tabs of each line and trailing blank lines removed; SHA-256 in lower-case hex.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The checksum of the file at <paramref name="path"/> with algorithm <paramref name="version"/>; null when that version is unknown.</summary>
    public static string? OfFile(string path, int version = CurrentVersion) =>
        version == 1 ? Version1(File.ReadAllBytes(path)) : null;

    /// <summary>The version 1 checksum of a file's bytes.</summary>
    public static string Version1(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            content = content[3..];
        var normalised = new byte[content.Length];
        var length = 0;
        // Where the text would end if what follows were only blank lines and trailing spaces.
        var kept = 0;
        var lineStart = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var b = content[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                length = TrimEnd(normalised, lineStart, length);
                normalised[length++] = (byte)'\n';
                lineStart = length;
                if (b == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                    i++;
                continue;
            }
            normalised[length++] = b;
            if (b is not ((byte)' ' or (byte)'\t'))
                kept = length;
        }
        return Convert.ToHexStringLower(SHA256.HashData(normalised.AsSpan(0, kept)));
    }

    private static int TrimEnd(byte[] text, int lineStart, int length)
    {
        while (length > lineStart && text[length - 1] is (byte)' ' or (byte)'\t')
            length--;
        return length;
    }

    /// <summary>The short form shown to people: the first 12 hex digits.</summary>
    public static string Short(string checksum) => checksum.Length > 12 ? checksum[..12] : checksum;

    internal static string Version1(string text) => Version1(Encoding.UTF8.GetBytes(text));
}
