using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace Retort.Tests.Model.Samples.ColumnChecks;

// A check beside its column, as SQL and SQLAlchemy write it, and one on the class; an index on an expression.
[Table("items"), Check("qty <= stock", Name = "ck_items_stock")]
[Index("(lower(name))", Name = "ix_items_name_lower")]
public class Item
{
    [Key, Column("id")] public int Id { get; set; }
    [Column("name"), MaxLength(40)] public string Name { get; set; } = "";
    [Column("qty"), Check("qty > 0")] public int Qty { get; set; }
    [Column("stock"), Check("stock >= 0", Name = "ck_items_stock_positive")] public int Stock { get; set; }
}
