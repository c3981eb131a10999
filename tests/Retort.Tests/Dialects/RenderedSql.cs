using Retort.Dialects;
using Retort.Ops;

namespace Retort.Tests.Dialects;

/// <summary>Records what one <c>op</c> call builds and renders it, for two-line exact-SQL tests.</summary>
internal sealed class RenderedSql(string dialectName)
{
    public Dialect Dialect { get; } = Dialect.ForName(dialectName);

    public static MigrationOperation Operation(Action<Operations> call)
    {
        var recorded = new List<MigrationOperation>();
        call(new Operations(recorded.Add));
        return Assert.Single(recorded);
    }

    /// <summary>The statements' SQL (with parameter placeholders) of the operation the call builds.</summary>
    public string[] Of(Action<Operations> call) => Of(Operation(call));

    /// <summary>The statements' SQL of an operation.</summary>
    public string[] Of(MigrationOperation operation) => Dialect.Render(operation).Select(s => s.Sql).ToArray();

    /// <summary>The message of the NotSupportedException the dialect refuses the operation with.</summary>
    public string Refusal(Action<Operations> call) => Refusal(Operation(call));

    /// <summary>The message of the NotSupportedException the dialect refuses the operation with.</summary>
    public string Refusal(MigrationOperation operation) => Assert.Throws<NotSupportedException>(() => Dialect.Render(operation)).Message;
}
