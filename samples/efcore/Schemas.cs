using Microsoft.EntityFrameworkCore;

namespace Sample.EfCore;

public class Account
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<Invoice> Invoices { get; set; } = [];
}

public class Invoice
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account Account { get; set; } = null!;
    public decimal Amount { get; set; }
    public string? Reference { get; set; }
}

/// <summary>
/// Tables outside the database's default schema (PostgreSQL): every table in "app" (<c>HasDefaultSchema</c>), invoices
/// in "billing" (<c>ToTable(name, schema)</c>), with a foreign key from one schema to the other.
/// </summary>
public class SchemasContext : DbContext
{
    public SchemasContext() { }

    public SchemasContext(DbContextOptions options) : base(options) { }

    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Invoice> Invoices => Set<Invoice>();

    protected override void OnConfiguring(DbContextOptionsBuilder options)
    {
        if (!options.IsConfigured)
            options.UseNpgsql(Environment.GetEnvironmentVariable("SAMPLE_CONNECTION") ?? "Host=localhost;Database=sample");
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema("app");
        model.Entity<Account>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(100);
            e.HasIndex(a => a.Name).IsUnique();
        });
        model.Entity<Invoice>(e =>
        {
            e.ToTable("Invoices", schema: "billing");
            e.Property(i => i.Amount).HasPrecision(12, 2);
            e.HasIndex(i => i.Reference);
        });
    }
}

/// <summary><see cref="SchemasContext"/> with one more column on billing's table.</summary>
public class SchemasAddColumnContext : SchemasContext
{
    public SchemasAddColumnContext() { }

    public SchemasAddColumnContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Invoice>().Property<string>("Currency").HasMaxLength(3);
    }
}

/// <summary><see cref="SchemasContext"/> with one more index on billing's table.</summary>
public class SchemasAddIndexContext : SchemasContext
{
    public SchemasAddIndexContext() { }

    public SchemasAddIndexContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Invoice>().HasIndex(i => i.Amount);
    }
}
