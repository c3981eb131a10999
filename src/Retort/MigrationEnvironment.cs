namespace Retort;

/// <summary>
/// The base of a project's <c>Env.cs</c>: the place where a project shapes how Retort runs its migrations
/// (arguments from <c>-x KEY=VALUE</c> now; model and comparison hooks as they arrive).
/// </summary>
/// <example>
/// <code>
/// public sealed class Env : MigrationEnvironment
/// {
///     public string Tenant => XArguments.GetValueOrDefault("tenant", "public");
/// }
/// </code>
/// </example>
public abstract class MigrationEnvironment
{
    /// <summary>The <c>-x KEY=VALUE</c> arguments of this run.</summary>
    public IReadOnlyDictionary<string, string> XArguments { get; internal set; } = new Dictionary<string, string>();
}
