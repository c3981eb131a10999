using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sample.EfCore9;

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

/// <summary>A small model on MariaDB: keys, an alternate key, indexes (unique), a foreign key, a check, defaults.</summary>
public class ShopContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();

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
            e.HasIndex(o => o.Total);
        });
    }
}

/// <summary>Design time: the connection string from SAMPLE_CONNECTION (the model needs the server's version, given here).</summary>
public class ShopContextFactory : IDesignTimeDbContextFactory<ShopContext>
{
    public static readonly MariaDbServerVersion Server = new(new Version(10, 11));

    public ShopContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder().UseMySql(Environment.GetEnvironmentVariable("SAMPLE_CONNECTION") ?? "Server=localhost", Server).Options);
}

public static class Program
{
    public static int Main(string[] args)
    {
        if (args is not ["ensure-created", var connection])
        {
            Console.Error.WriteLine("usage: Sample.EfCore9 ensure-created \"<connection string>\"");
            return 2;
        }
        using var db = new ShopContext(new DbContextOptionsBuilder().UseMySql(connection, ShopContextFactory.Server).Options);
        Console.WriteLine(db.Database.EnsureCreated());
        return 0;
    }
}
