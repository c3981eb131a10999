using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retort.Tests.Model.Samples.Types;

public enum Status { Active }

public enum Tiny : byte { A }

public enum Wide : long { A }

public class EveryType
{
    public bool Flag { get; set; }
    public byte Byte { get; set; }
    public sbyte SByte { get; set; }
    public short Short { get; set; }
    public ushort UShort { get; set; }
    public int Int { get; set; }
    public uint UInt { get; set; }
    public long Long { get; set; }
    public ulong ULong { get; set; }
    public decimal Money { get; set; }
    public double Double { get; set; }
    public float Float { get; set; }
    public char Letter { get; set; }
    public string Text { get; set; } = "";
    [MaxLength(40)] public string Limited { get; set; } = "";
    [StringLength(30)] public string Stated { get; set; } = "";
    [MaxLength] public string Unlimited { get; set; } = "";
    [MaxLength(40), StringLength(40)] public string Both { get; set; } = "";
    public DateTime At { get; set; }
    public DateTimeOffset Instant { get; set; }
    public DateOnly Day { get; set; }
    public TimeOnly Clock { get; set; }
    public Guid Uuid { get; set; }
    public byte[] Bytes { get; set; } = [];
    [MaxLength(16)] public byte[] Hash { get; set; } = [];
    public JsonDocument? Document { get; set; }
    public JsonElement Element { get; set; }
    public JsonObject? Node { get; set; }
    public Status Status { get; set; }
    public Tiny Tiny { get; set; }
    public Wide Wide { get; set; }
    [Column(TypeName = "varchar(12)")] public Status Named { get; set; }
    [Precision(10, 3)] public decimal Exact { get; set; }
    [Precision(6)] public decimal Whole { get; set; }
    [Column(TypeName = "interval")] public TimeSpan Elapsed { get; set; }
    [Column(TypeName = "integer[]")] public int[] Numbers { get; set; } = [];
}
