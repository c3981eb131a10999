using System.Reflection;
using System.Runtime.CompilerServices;
using Retort.Revisions;

namespace Retort.Execution;

/// <summary>
/// Loads the classes of a run's revisions and compiles the method each step calls (<c>Upgrade</c> or <c>Downgrade</c>)
/// on a thread of its own, from the last step backwards, while the run works forwards from the first. A run of a
/// thousand revisions otherwise spends a tenth of its time compiling one small method after another. It runs none of
/// the migrations' code: loading a class and compiling a method trigger no constructor.
/// </summary>
internal sealed class MigrationWarmer
{
    // Below this, the thread costs more than it saves.
    private const int MinimumSteps = 16;

    private readonly IReadOnlyList<RevisionStep> _steps;
    private readonly Func<Revision, Type?> _typeOf;
    private volatile bool _stopped;
    private int _reached;

    private MigrationWarmer(IReadOnlyList<RevisionStep> steps, Func<Revision, Type?> typeOf)
    {
        _steps = steps;
        _typeOf = typeOf;
    }

    /// <summary>Starts warming <paramref name="steps"/>; null when there are too few to be worth a thread.</summary>
    public static MigrationWarmer? Start(IReadOnlyList<MigrationStep> steps, MigrationSource source)
    {
        var revisions = steps.OfType<RevisionStep>().ToList();
        if (revisions.Count < MinimumSteps)
            return null;
        var warmer = new MigrationWarmer(revisions, source.TypeOf);
        new Thread(warmer.Warm) { IsBackground = true, Name = "retort warm-up" }.Start();
        return warmer;
    }

    /// <summary>Tells the warmer the run has created the migration of one more step, so it stops where the run has got to.</summary>
    public void Reached() => Interlocked.Increment(ref _reached);

    /// <summary>Stops the warmer after the method it is compiling.</summary>
    public void Stop() => _stopped = true;

    private void Warm()
    {
        try
        {
            for (var i = _steps.Count - 1; i >= Volatile.Read(ref _reached) && !_stopped; i--)
            {
                if (_typeOf(_steps[i].Revision) is { } type)
                    Prepare(type, _steps[i].IsUpgrade);
            }
        }
        catch (Exception)
        {
            // Whatever fails here fails again on the run's own thread, which reports it.
        }
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "Classes of compiled revisions (MigrationSource.TypeOf), loaded at run time whole; a source that has none warms nothing")]
    private static void Prepare(Type type, bool upgrade)
    {
        var (name, asyncName) = upgrade ? (nameof(Migration.Upgrade), nameof(Migration.UpgradeAsync)) : (nameof(Migration.Downgrade), nameof(Migration.DowngradeAsync));
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if ((method.Name == name || method.Name == asyncName) && !method.IsAbstract && !method.ContainsGenericParameters)
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
    }
}
