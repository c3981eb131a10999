using Retort.Autogenerate;
using Retort.Model;

namespace Retort;

/// <summary>
/// The base of a project's <c>Env.cs</c>: the place where a project shapes how Retort runs its migrations and
/// what autogenerate compares.
/// </summary>
/// <example>
/// <code>
/// public sealed class Env : MigrationEnvironment
/// {
///     // Leave tables another tool owns out of autogenerate.
///     public override bool Include(SchemaObject item) => !item.Table.Name.StartsWith("legacy_");
/// }
/// </code>
/// </example>
[NotAModelClass]
public abstract class MigrationEnvironment
{
    /// <summary>The <c>-x KEY=VALUE</c> arguments of this run.</summary>
    public IReadOnlyDictionary<string, string> XArguments { get; internal set; } = new Dictionary<string, string>();

    /// <summary>
    /// The schema the code wants. By default the one read from the model classes (<paramref name="fromModel"/>);
    /// override to build it yourself (e.g. with <c>SchemaBuilder</c>) or to adjust it.
    /// </summary>
    public virtual DatabaseSchema TargetSchema(DatabaseSchema fromModel) => fromModel;

    /// <summary>Whether autogenerate considers an object, wanted or live; all by default.</summary>
    public virtual bool Include(SchemaObject item) => true;

    /// <summary>Adjusts the comparison options taken from retort.json (compareType, compareServerDefault).</summary>
    public virtual CompareOptions Comparison(CompareOptions fromConfig) => fromConfig;
}
