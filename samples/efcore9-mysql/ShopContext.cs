using Microsoft.EntityFrameworkCore;

// Shared by samples/efcore9-mysql (Pomelo, EF Core 9) and samples/efcore10-mysql (Oracle's MySql.EntityFrameworkCore,
// EF Core 10), each of which says in ShopProvider.cs how it reaches MariaDB.
namespace Sample.Shop;

public class Customer
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public int Status { get; set; }
    public decimal Rating { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool Active { get; set; }
    public List<Order> Orders { get; set; } = [];
}

public class Order
{
    public long Id { get; set; }
    public string Number { get; set; } = "";
    public int CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public decimal Total { get; set; }
    public Guid Token { get; set; }
    public string? Notes { get; set; }
}

public class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int Weight { get; set; }
    public int? CustomerId { get; set; }
}

public class Coupon
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
}

/// <summary>
/// A small model on MariaDB: keys, an alternate key, indexes (unique), a foreign key, a check, defaults. Made with
/// its options, or (design time) from SAMPLE_CONNECTION.
/// </summary>
public class ShopContext : DbContext
{
    public ShopContext() { }

    public ShopContext(DbContextOptions options) : base(options) { }

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnConfiguring(DbContextOptionsBuilder options)
    {
        if (!options.IsConfigured)
            ShopProvider.Use(options, Environment.GetEnvironmentVariable("SAMPLE_CONNECTION") ?? "Server=localhost");
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Customer>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(100);
            e.Property(c => c.Email).HasMaxLength(200);
            e.Property(c => c.Status).HasDefaultValue(1);
            e.Property(c => c.Rating).HasPrecision(5, 2);
            e.HasIndex(c => c.Email).IsUnique();
            e.ToTable(t => t.HasCheckConstraint("CK_Customers_Status", "`Status` >= 0"));
        });
        model.Entity<Order>(e =>
        {
            e.HasAlternateKey(o => o.Number);
            e.Property(o => o.Number).HasMaxLength(20);
            e.Property(o => o.Total).HasPrecision(18, 2);
            e.Property(o => o.Notes).HasMaxLength(500);
            e.HasIndex(o => o.Total);
        });
        model.Entity<Tag>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(50);
            // The index a later foreign key uses (AddForeignKeyContext): MariaDB would otherwise add one with the key.
            // Named, so that renaming the table (RenameTableContext) renames nothing else.
            e.HasIndex(t => t.CustomerId).HasDatabaseName("IX_Tag_Customer");
        });
    }

    /// <summary><c>ensure-created "&lt;connection string&gt;" [context]</c>: EF's own EnsureCreated for the tests.</summary>
    public static int Main(string[] args)
    {
        if (args is not ["ensure-created", var connection, .. var rest] || rest.Length > 1)
        {
            Console.Error.WriteLine("usage: ensure-created \"<connection string>\" [context]");
            return 2;
        }
        var type = typeof(ShopContext).Assembly.GetType($"Sample.Shop.{(rest is [var name] ? name : nameof(ShopContext))}")
            ?? throw new ArgumentException($"no context {rest[0]}");
        var builder = new DbContextOptionsBuilder();
        ShopProvider.Use(builder, connection);
        using var db = (DbContext)Activator.CreateInstance(type, builder.Options)!;
        Console.WriteLine(db.Database.EnsureCreated());
        return 0;
    }
}
