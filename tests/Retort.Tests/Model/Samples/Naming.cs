using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace Retort.Tests.Model.Samples.Naming;

[Index(nameof(CustomerId), nameof(PlacedAt))]
[Unique(nameof(OrderNumber))]
[Check("order_number > 0")]
public class PurchaseOrder
{
    [Key] public int PurchaseOrderId { get; set; }
    public int OrderNumber { get; set; }
    [ForeignKey(nameof(Customer))] public int CustomerId { get; set; }
    [Index] public DateTime PlacedAt { get; set; }
    [Column("HTTPRef")] public string? HttpReference { get; set; }
    public CustomerAccount? Customer { get; set; }
}

[Table("Customers")]
public class CustomerAccount
{
    [Key] public int ID { get; set; }
}
