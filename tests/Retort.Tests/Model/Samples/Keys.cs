using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace Retort.Tests.Model.Samples.Keys;

public class Nullability
{
    public string NotNull { get; set; } = "";
    public string? MaybeNull { get; set; }
    public int Number { get; set; }
    public int? MaybeNumber { get; set; }
    [Required] public string? RequiredText { get; set; }
    [Required] public int? RequiredNumber { get; set; }
    public byte[]? MaybeBytes { get; set; }
}

#nullable disable
public class Oblivious
{
    public string Text { get; set; }
    public int Number { get; set; }
}
#nullable restore

public class StringKey
{
    [Key] public string? Code { get; set; }
}

public class Composite
{
    [Key, Column(Order = 2)] public int LineNo { get; set; }
    [Key, Column(Order = 1)] public int OrderId { get; set; }
    public string Text { get; set; } = "";
}

public class CompositeUnordered
{
    [Key, Column(Order = 1)] public int A { get; set; }
    [Key] public int B { get; set; }
}

public class CompositeSameOrder
{
    [Key, Column(Order = 1)] public int A { get; set; }
    [Key, Column(Order = 1)] public int B { get; set; }
}

public class ShortKey
{
    [Key] public short Id { get; set; }
}

public class ManualKey
{
    [Key, DatabaseGenerated(DatabaseGeneratedOption.None)] public int Id { get; set; }
}

public class GuidKey
{
    [Key] public Guid Id { get; set; }
}

public enum Kind { A }

public class EnumKey
{
    [Key] public Kind Id { get; set; }
}

public class DefaultedKey
{
    [Key, ServerDefault("42")] public int Id { get; set; }
}

public class Profile
{
    [Key, ForeignKey(nameof(Owner))] public int UserId { get; set; }
    public ShortKey? Owner { get; set; }
}

public class IdentityNotKey
{
    [Key] public Guid Id { get; set; }
    [DatabaseGenerated(DatabaseGeneratedOption.Identity)] public long Serial { get; set; }
}

public class IdentityOnText
{
    [DatabaseGenerated(DatabaseGeneratedOption.Identity)] public string Code { get; set; } = "";
}

public class Computed
{
    [DatabaseGenerated(DatabaseGeneratedOption.Computed)] public int Total { get; set; }
}

public class ComputedLine
{
    [Key] public int Id { get; set; }
    public int Qty { get; set; }
    [Computed("qty * 2", Stored = true)] public int Doubled { get; set; }
    [DatabaseGenerated(DatabaseGeneratedOption.Computed), Computed("qty + 1")] public int? Next { get; set; }
}

public class ComputedWithDefault
{
    public int Id { get; set; }
    [Computed("1 + 1"), ServerDefault("2")] public int Two { get; set; }
}
