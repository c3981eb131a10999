using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace Retort.Tests.Model.Samples.Constraints;

[Table("people"), Comment("who is who"), RenamedFrom("persons", "humans")]
[Index(nameof(Last), nameof(First))]
[Index(nameof(Email), Unique = true, Name = "ix_people_email_unique", Filter = "email IS NOT NULL")]
[Unique(nameof(First), nameof(Last))]
[Check("age >= 0")]
[Check("last <> ''", Name = "ck_people_last")]
[Check("first <> last")]
public class Person
{
    [Key, Column("id")] public int Id { get; set; }
    [Column("first"), MaxLength(40), Index, Index(Name = "ix_people_first_again", Unique = true)] public string First { get; set; } = "";
    [Column("last"), MaxLength(40), RenamedFrom("surname"), Comment("family name")] public string Last { get; set; } = "";
    [Column("email"), Unique, Unique(Name = "uq_people_email_again")] public string? Email { get; set; }
    [Column("age"), ServerDefault("0")] public int Age { get; set; }
    [NotMapped] public string FullName { get; set; } = "";
}

[Index(nameof(Missing))]
public class IndexOnUnknown
{
    public int Id { get; set; }
    [NotMapped] public int Missing { get; set; }
}

[Index(nameof(Parent))]
public class IndexOnNavigation
{
    [Key] public int Id { get; set; }
    public IndexOnNavigation? Parent { get; set; }
}

[Index]
public class ClassIndexWithoutNames
{
    public int Id { get; set; }
}

public class PropertyIndexWithNames
{
    [Index(nameof(Other))] public int Id { get; set; }
    public int Other { get; set; }
}

[Unique(nameof(Nope))]
public class UniqueOnUnknown
{
    public int Id { get; set; }
    public static int Nope => 0;
}

public class SameIndexName
{
    [Index(Name = "ix_same")] public int A { get; set; }
    [Index(Name = "ix_same")] public int B { get; set; }
}

public class NotMappedWithIndex
{
    public int Id { get; set; }
    [NotMapped, Index] public int Skipped { get; set; }
}

public class IndexOnNavigationProperty
{
    public int Id { get; set; }
    [Index] public IndexOnNavigationProperty? Self { get; set; }
}

public class Unsupported
{
    public int Id { get; set; }
    public TimeSpan Elapsed { get; set; }
}

public class UnsupportedCollection
{
    public int Id { get; set; }
    public List<string> Tags { get; set; } = [];
}

public class UnsupportedClass
{
    public int Id { get; set; }
    public Uri? Homepage { get; set; }
}

public class UnsupportedObject
{
    public int Id { get; set; }
    public object? Anything { get; set; }
}

public class MaxLengthOnInt
{
    [MaxLength(3)] public int Id { get; set; }
}

public class MaxLengthZero
{
    [MaxLength(0)] public string Id { get; set; } = "";
}

public class LengthsDisagree
{
    [MaxLength(3), StringLength(4)] public string Id { get; set; } = "";
}

public class PrecisionOnDouble
{
    [Precision(10, 2)] public double Id { get; set; }
}

public class PrecisionAndTypeName
{
    [Precision(10, 2), Column(TypeName = "numeric(8,2)")] public decimal Id { get; set; }
}

public class BadPrecision
{
    [Precision(4, 6)] public decimal Id { get; set; }
}

public class SameColumnTwice
{
    [Column("x")] public int A { get; set; }
    [Column("x")] public int B { get; set; }
}

public class NoColumns
{
    public int Computed => 1;
}

public class EmptyColumnName
{
    [Column("")] public int Id { get; set; }
}

[Table(" ")]
public class EmptyTableName
{
    public int Id { get; set; }
}

[Index(nameof(Stamp)), Check("stamp IS NOT NULL"), Comment("base only"), RenamedFrom("base_old")]
public abstract class Stamped
{
    [Column("stamp")] public DateTime Stamp { get; set; }
}

[Table("events", Schema = "audit")]
public class AuditEvent : Stamped
{
    [Key, Column("id")] public long Id { get; set; }
}
