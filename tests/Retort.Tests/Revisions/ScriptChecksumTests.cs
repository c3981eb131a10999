using System.Security.Cryptography;
using System.Text;
using Retort.Revisions;

namespace Retort.Tests.Revisions;

public sealed class ScriptChecksumTests
{
    private const string Script = "using Retort;\n\n[Revision(\"a1\")]\npublic sealed class A : Migration\n{\n}";

    [Fact]
    public void Version_1_is_the_sha256_of_the_normalised_text_in_lower_case_hex()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Script)));
        Assert.Equal(expected, ScriptChecksum.Version1(Script));
        Assert.Equal(64, expected.Length);
    }

    [Theory]
    [InlineData("crlf line endings")]
    [InlineData("cr line endings")]
    [InlineData("a byte-order mark")]
    [InlineData("trailing spaces and tabs")]
    [InlineData("trailing blank lines")]
    public void Checkouts_that_differ_only_in_layout_have_one_checksum(string difference)
    {
        var variant = difference switch
        {
            "crlf line endings" => Script.Replace("\n", "\r\n"),
            "cr line endings" => Script.Replace("\n", "\r"),
            "a byte-order mark" => "\uFEFF" + Script,
            "trailing spaces and tabs" => Script.Replace("\n", " \t \n"),
            _ => Script + "\n\n  \n\t\n",
        };
        Assert.Equal(ScriptChecksum.Version1(Script), ScriptChecksum.Version1(Encoding.UTF8.GetBytes(variant)));
    }

    [Theory]
    [InlineData("[Revision(\"a2\")]")]
    [InlineData("[Revision(\"a1\") ]")]
    [InlineData("  [Revision(\"a1\")]")]
    public void Any_change_inside_a_line_or_in_leading_space_changes_it(string line) =>
        Assert.NotEqual(ScriptChecksum.Version1(Script), ScriptChecksum.Version1(Script.Replace("[Revision(\"a1\")]", line)));

    [Fact]
    public void A_blank_line_added_inside_the_text_changes_it() =>
        Assert.NotEqual(ScriptChecksum.Version1(Script), ScriptChecksum.Version1(Script.Replace("{\n}", "{\n\n}")));

    [Fact]
    public void A_file_is_read_as_bytes_and_an_unknown_version_gives_no_checksum()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Script.Replace("\n", "\r\n"))]);
            Assert.Equal(ScriptChecksum.Version1(Script), ScriptChecksum.OfFile(path));
            Assert.Null(ScriptChecksum.OfFile(path, version: 2));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
