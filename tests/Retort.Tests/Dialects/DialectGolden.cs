using System.Text;
using Retort.Dialects;

namespace Retort.Tests.Dialects;

/// <summary>
/// The script text of every operation sample for one dialect, as golden/Dialects/&lt;dialect&gt;.sql holds it:
/// a <c>-- OperationType</c> line, then each statement as a script writes it, or <c>-- refused: …</c>.
/// </summary>
internal static class DialectGolden
{
    public static string Render(Dialect dialect)
    {
        var blocks = new List<string>();
        foreach (var sample in OperationSamples.All())
        {
            var block = new StringBuilder("-- ").Append(sample.GetType().Name).Append('\n');
            try
            {
                var statements = dialect.Render(sample);
                block.Append(statements.Count == 0
                    ? "-- (no statements)"
                    : string.Join("\n\n", statements.Select(s => dialect.ScriptStatement(s.ScriptText))));
            }
            catch (NotSupportedException e)
            {
                block.Append("-- refused: ").Append(e.Message);
            }
            blocks.Add(block.ToString());
        }
        return string.Join("\n\n", blocks) + "\n";
    }

    /// <summary>Compares with the golden file; on a difference, writes the output beside it as .actual to review.</summary>
    public static void AssertMatchesFile(string dialectName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "Dialects", dialectName + ".sql");
        var actual = Render(Dialect.ForName(dialectName));
        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (expected != actual)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path + ".actual", actual);
        }
        Assert.Equal(expected, actual);
    }
}
