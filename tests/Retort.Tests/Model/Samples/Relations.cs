using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace Retort.Tests.Model.Samples.Relations;

[Table("customers", Schema = "sales")]
public class Customer
{
    [Key] public int Id { get; set; }
    public List<Invoice> Invoices { get; set; } = [];
}

[Table("invoices", Schema = "sales")]
public class Invoice
{
    [Key] public int Id { get; set; }
    public int CustomerId { get; set; }
    [ForeignKey(nameof(CustomerId)), OnDelete("set  null"), OnUpdate("cascade")] public Customer? Customer { get; set; }
}

public class Line
{
    [Key, Column(Order = 0)] public int InvoiceNo { get; set; }
    [Key, Column(Order = 1)] public int LineNo { get; set; }
}

public class LineNote
{
    [Key] public int Id { get; set; }
    public int NoteLine { get; set; }
    public int NoteInvoice { get; set; }
    [ForeignKey("NoteInvoice, NoteLine")] public Line? Line { get; set; }
}

public class BothSides
{
    [Key] public int Id { get; set; }
    [ForeignKey(nameof(Customer)), OnDelete("CASCADE")] public int CustomerId { get; set; }
    [ForeignKey(nameof(CustomerId)), Required] public Customer? Customer { get; set; }
}

public class RequiredNavigation
{
    [Key] public int Id { get; set; }
    public int? CustomerId { get; set; }
    [ForeignKey(nameof(CustomerId)), Required] public Customer? Customer { get; set; }
}

public class Unrelated
{
    [Key] public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
}

public class Keyless
{
    public int Value { get; set; }
}

public class ToKeyless
{
    [Key] public int Id { get; set; }
    [ForeignKey(nameof(Target))] public int TargetValue { get; set; }
    public Keyless? Target { get; set; }
}

public class UnknownNavigation
{
    [Key] public int Id { get; set; }
    [ForeignKey("Nowhere")] public int CustomerId { get; set; }
}

public class NamesColumn
{
    [Key] public int Id { get; set; }
    [ForeignKey(nameof(Other))] public int CustomerId { get; set; }
    public int Other { get; set; }
}

public class NamesUnknownKey
{
    [Key] public int Id { get; set; }
    [ForeignKey("CustomerNo")] public Customer? Customer { get; set; }
}

public abstract class AbstractTarget
{
    [Key] public int Id { get; set; }
}

public class ToAbstract
{
    [Key] public int Id { get; set; }
    public int TargetId { get; set; }
    [ForeignKey(nameof(TargetId))] public AbstractTarget? Target { get; set; }
}

public class TooFewColumns
{
    [Key] public int Id { get; set; }
    [ForeignKey(nameof(Line))] public int LineNo { get; set; }
    public Line? Line { get; set; }
}

public class OnDeleteAlone
{
    [Key] public int Id { get; set; }
    [OnDelete("CASCADE")] public int CustomerId { get; set; }
}

public class BadAction
{
    [Key] public int Id { get; set; }
    [ForeignKey(nameof(Customer)), OnDelete("DESTROY")] public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
}

public class TwoKeyProperties
{
    [Key] public int Id { get; set; }
    [ForeignKey(nameof(Line))] public int InvoiceNo { get; set; }
    [ForeignKey(nameof(Line))] public int LineNo { get; set; }
    public Line? Line { get; set; }
}

public class OnCollection
{
    [Key] public int Id { get; set; }
    public int InvoiceId { get; set; }
    [ForeignKey(nameof(InvoiceId))] public List<Invoice> Invoices { get; set; } = [];
}

public class ConflictingActions
{
    [Key] public int Id { get; set; }
    [ForeignKey(nameof(Customer)), OnDelete("CASCADE")] public int CustomerId { get; set; }
    [ForeignKey(nameof(CustomerId)), OnDelete("RESTRICT")] public Customer? Customer { get; set; }
}
