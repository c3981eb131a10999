using System.ComponentModel.DataAnnotations.Schema;

namespace Retort.Tests.Model.Samples.Duplicates
{
    public class Thing
    {
        public int Id { get; set; }
    }

    [Table("Thing")]
    public class OtherThing
    {
        public int Id { get; set; }
    }

    [Table("a")]
    public class A
    {
        [Index(Name = "ix_shared")] public int Id { get; set; }
    }

    [Table("b")]
    public class B
    {
        [Index(Name = "ix_shared")] public int Id { get; set; }
    }
}
