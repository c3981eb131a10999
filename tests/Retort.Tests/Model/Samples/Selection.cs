using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Runtime.CompilerServices;

// Types of which only some are tables.
namespace Retort.Tests.Model.Samples.Selection;

public class Plain
{
    public int Id { get; set; }
}

public abstract class Entity
{
    [Key] public int Id { get; set; }
    [Column(Order = 9)] public DateTime Created { get; set; }
}

public class Derived : Entity
{
    public string Title { get; set; } = "";
}

public static class Helpers
{
    public static int Value => 1;
}

[NotMapped]
public class NotATable
{
    public int Id { get; set; }
}

[CompilerGenerated]
public class Generated
{
    public int Id { get; set; }
}

internal class Hidden
{
    public int Id { get; set; }
}

public class Generic<T>
{
    public T? Value { get; set; }
}

public sealed class SomeMigration : Migration;

public sealed class SomeEnv : MigrationEnvironment;

public sealed class SomeAttribute : Attribute
{
    public int Id { get; set; }
}

public delegate void SomeDelegate();

public interface IThing
{
    int Id { get; set; }
}

public struct Point
{
    public int X { get; set; }
}

public enum Colour { Red }

public class WithComputed
{
    public int Id { get; set; }
    public int Twice => Id * 2;
    public int ReadOnly { get; } = 3;
    [Column("kept")] public int KeptReadOnly { get; } = 4;
    public static int Shared { get; set; }
    public int this[int i] { get => i; set { } }
    protected int Protected { get; set; }
}

public class Overriding : Overridable
{
    public override string Name { get; set; } = "";
    public int Extra { get; set; }
}

public abstract class Overridable
{
    public int Id { get; set; }
    [MaxLength(10), Column("the_name")] public virtual string Name { get; set; } = "";
}
