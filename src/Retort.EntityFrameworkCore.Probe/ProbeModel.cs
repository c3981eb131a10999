// Shared, as a linked source file, by the probe (which writes it) and Retort.EntityFrameworkCore (which reads it): the
// probe references no Retort assembly, so the JSON contract is this file.
namespace Retort.EntityFrameworkCore.Probe;

/// <summary>What the probe writes: the operations EF Core's EnsureCreated would run for the context's design-time model.</summary>
internal sealed class ProbeModel
{
    /// <summary>Changes when the JSON's meaning changes; part of the cache key.</summary>
    public const int Version = 2;

    public int ProbeVersion { get; set; } = Version;
    public string EfVersion { get; set; } = "";
    public string Provider { get; set; } = "";
    public string Context { get; set; } = "";
    public List<string> Schemas { get; set; } = [];
    public List<ProbeSequence> Sequences { get; set; } = [];
    public List<ProbeTable> Tables { get; set; } = [];
    public List<ProbeIndex> Indexes { get; set; } = [];
}

internal sealed class ProbeTable
{
    public string Name { get; set; } = "";
    public string? Schema { get; set; }
    public string? Comment { get; set; }
    public List<string> RenamedFrom { get; set; } = [];
    public List<ProbeColumn> Columns { get; set; } = [];
    public ProbeKey? PrimaryKey { get; set; }
    public List<ProbeKey> UniqueConstraints { get; set; } = [];
    public List<ProbeForeignKey> ForeignKeys { get; set; } = [];
    public List<ProbeCheck> CheckConstraints { get; set; } = [];
}

internal sealed class ProbeColumn
{
    public string Name { get; set; } = "";
    public string StoreType { get; set; } = "";
    public bool Nullable { get; set; }
    /// <summary>The default value as the provider writes it as an SQL literal.</summary>
    public string? DefaultValue { get; set; }
    public string? DefaultSql { get; set; }
    public string? ComputedSql { get; set; }
    public bool? Stored { get; set; }
    public string? Comment { get; set; }
    public string? Collation { get; set; }
    public bool Identity { get; set; }
    public List<string> RenamedFrom { get; set; } = [];
}

internal sealed class ProbeKey
{
    public string Name { get; set; } = "";
    public List<string> Columns { get; set; } = [];
}

internal sealed class ProbeForeignKey
{
    public string Name { get; set; } = "";
    public List<string> Columns { get; set; } = [];
    public string PrincipalTable { get; set; } = "";
    public string? PrincipalSchema { get; set; }
    public List<string> PrincipalColumns { get; set; } = [];
    public string OnDelete { get; set; } = "";
    public string OnUpdate { get; set; } = "";
}

internal sealed class ProbeCheck
{
    public string Name { get; set; } = "";
    public string Sql { get; set; } = "";
}

internal sealed class ProbeIndex
{
    public string Name { get; set; } = "";
    public string Table { get; set; } = "";
    public string? Schema { get; set; }
    public List<string> Columns { get; set; } = [];
    public bool Unique { get; set; }
    public string? Filter { get; set; }
    public List<bool> Descending { get; set; } = [];
}

internal sealed class ProbeSequence
{
    public string Name { get; set; } = "";
    public string? Schema { get; set; }
    public string StoreType { get; set; } = "";
    public long StartValue { get; set; }
    public int IncrementBy { get; set; }
}

/// <summary>The probe's exit codes beyond 0 (done) and 1 (failed): each is one line for the user, on stderr.</summary>
internal static class ProbeExit
{
    public const int ContextNotFound = 2, TwoContexts = 3, CannotCreate = 4;
}
