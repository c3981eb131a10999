namespace Retort.Tests;

/// <summary>Generated text against its golden file in <c>Golden/</c>; a mismatch leaves the text beside it as <c>.actual</c> for review.</summary>
internal static class GoldenFile
{
    /// <summary>Asserts that <paramref name="actual"/> is the golden file's text (<paramref name="path"/> below <c>Golden/</c>).</summary>
    public static void Matches(string path, string actual)
    {
        var golden = Path.Combine(AppContext.BaseDirectory, "Golden", path);
        var expected = File.Exists(golden) ? File.ReadAllText(golden).ReplaceLineEndings("\n") : "";
        if (expected != actual)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden + ".actual", actual);
        }
        Assert.Equal(expected, actual);
    }
}
