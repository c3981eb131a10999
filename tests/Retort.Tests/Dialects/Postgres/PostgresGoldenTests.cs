using System.Text;
using Retort.Dialects;

namespace Retort.Tests.Dialects.Postgres;

/// <summary>The offline SQL of every operation sample on PostgreSQL, against Golden/Dialects/postgresql.sql.</summary>
public sealed class PostgresGoldenTests
{
    [Fact]
    public void The_script_of_every_operation_sample_matches_the_golden_file()
    {
        var actual = Script(Dialect.ForName("postgresql"));
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "Dialects", "postgresql.sql");
        var expected = File.Exists(path) ? File.ReadAllText(path) : "";
        if (actual != expected)
        {
            // Left next to the expected file, for a reviewer to read and diff.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path + ".actual", actual);
        }
        Assert.Equal(expected, actual);
    }

    /// <summary>Each sample's statements as a script writes them, after a comment naming the operation; refusals as comments.</summary>
    internal static string Script(Dialect dialect)
    {
        var text = new StringBuilder();
        foreach (var sample in OperationSamples.All())
        {
            text.Append("-- ").Append(sample.GetType().Name).Append('\n');
            try
            {
                foreach (var statement in dialect.Render(sample))
                    text.Append(dialect.ScriptStatement(statement.ScriptText)).Append("\n\n");
            }
            catch (NotSupportedException e)
            {
                text.Append("-- refused: ").Append(e.Message).Append("\n\n");
            }
        }
        return text.ToString();
    }
}
