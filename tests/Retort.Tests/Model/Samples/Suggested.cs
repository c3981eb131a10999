using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace Retort.Tests.Model.Samples.Suggested;

// Columns added NOT NULL without a server default: what the class itself says a new row holds.
[Table("t")]
public class T
{
    [Key, Column("id")] public int Id { get; set; }
    [Column("label"), MaxLength(20)] public string Label { get; set; } = "none";
    [Column("count"), DefaultValue(5)] public int Count { get; set; }
    [Column("plain")] public string Plain { get; set; } = null!;
}
