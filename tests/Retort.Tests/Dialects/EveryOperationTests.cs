using System.Reflection;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Tests.Dialects;

/// <summary>Every operation record is rendered by every dialect, or refused with a reason.</summary>
public sealed class EveryOperationTests
{
    public static TheoryData<string> DialectNames => new() { "sqlite", "postgresql", "mysql", "mariadb", "sqlserver" };

    internal static IReadOnlyList<Type> OperationTypes() =>
        typeof(MigrationOperation).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(MigrationOperation)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Each_operation_type_renders_or_is_refused_with_a_reason(string dialectName)
    {
        var dialect = Dialect.ForName(dialectName);
        var samples = OperationSamples.All();
        foreach (var type in OperationTypes())
        {
            var ofType = samples.Where(s => s.GetType() == type).ToList();
            Assert.True(ofType.Count > 0, $"OperationSamples has no {type.Name}");
            foreach (var sample in ofType)
            {
                try
                {
                    var statements = dialect.Render(sample);
                    Assert.All(statements, s => Assert.False(string.IsNullOrWhiteSpace(s.Sql), $"{dialectName} rendered empty SQL for {sample}"));
                }
                catch (NotSupportedException e)
                {
                    Assert.StartsWith(dialectName, e.Message);
                }
            }
        }
    }
}
