using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sample.EfCore;

/// <summary>
/// The sample's model. The provider comes from SAMPLE_PROVIDER (sqlite, the default, or postgres) and the connection
/// string from SAMPLE_CONNECTION, so one project serves both databases.
/// </summary>
public class AppDbContext : DbContext
{
    public AppDbContext() { }

    public AppDbContext(DbContextOptions options) : base(options) { }

    private static bool PostgresChosen => Environment.GetEnvironmentVariable("SAMPLE_PROVIDER") == "postgres";

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Animal> Animals => Set<Animal>();
    public DbSet<ProductStat> ProductStats => Set<ProductStat>();

    protected override void OnConfiguring(DbContextOptionsBuilder options)
    {
        if (options.IsConfigured)
            return;
        var connection = Environment.GetEnvironmentVariable("SAMPLE_CONNECTION");
        if (PostgresChosen)
            options.UseNpgsql(connection ?? "Host=localhost;Database=sample");
        else
            options.UseSqlite(connection ?? "Data Source=sample.db");
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            model.HasSequence<int>("OrderNumbers").StartsAt(1000);

        model.Entity<Customer>(e =>
        {
            e.ToTable(t => t.HasComment("People who buy"));
            e.Property(c => c.Name).HasMaxLength(100);
            e.Property(c => c.Email).HasMaxLength(200).HasComment("Where receipts go");
            e.Property(c => c.Status).HasDefaultValue(1);
            e.Property(c => c.Rating).HasPrecision(5, 2);
            e.Property(c => c.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
            e.HasIndex(c => c.Email).IsUnique().HasFilter("\"Email\" IS NOT NULL");
            e.HasIndex(c => c.Name);
            e.HasIndex(c => new { c.Status, c.CreatedAt }).IsDescending(false, true);
        });
        model.Entity<Order>(e =>
        {
            e.HasAlternateKey(o => o.Number);
            e.Property(o => o.Number).HasMaxLength(20);
            e.Property(o => o.Total).HasPrecision(18, 2);
            e.Property(o => o.TotalWithTax).HasPrecision(18, 2).HasComputedColumnSql("\"Total\" * 1.2", stored: true);
            e.OwnsOne(o => o.ShippingAddress);
            e.HasOne(o => o.Customer).WithMany(c => c.Orders).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<OrderLine>(e =>
        {
            e.HasKey(l => new { l.OrderId, l.LineNo });
            e.HasOne(l => l.Order).WithMany(o => o.Lines).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Product).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.ToTable(t => t.HasCheckConstraint("CK_OrderLines_Quantity", "\"Quantity\" > 0"));
        });
        model.Entity<Category>(e => e.Property(c => c.Name).HasMaxLength(50));
        model.Entity<Product>(e =>
        {
            e.HasIndex(p => p.Sku).IsUnique();
            e.HasIndex(p => p.Price).IsDescending();
            e.Property(p => p.Price).HasPrecision(10, 2);
            e.HasOne(p => p.Category).WithMany().OnDelete(DeleteBehavior.SetNull);
            e.HasOne(p => p.Detail).WithOne().HasForeignKey<ProductDetail>(d => d.Id);
        });
        model.Entity<ProductDetail>().ToTable("Products");
        // The index a later foreign key uses (AddForeignKeyContext), so that adding the key adds nothing else.
        model.Entity<Review>().HasIndex(r => r.ProductId);
        model.Entity<Tag>();
        model.Entity<Payment>().HasDiscriminator<string>("Kind").HasValue<CardPayment>("card").HasValue<BankPayment>("bank");
        model.Entity<CardPayment>();
        model.Entity<BankPayment>();
        model.Entity<Person>().ToTable("People");
        model.Entity<Employee>().ToTable("Employees");
        model.Entity<Animal>().UseTpcMappingStrategy().Property(a => a.Id).ValueGeneratedNever();
        model.Entity<Dog>().ToTable("Dogs");
        model.Entity<Cat>().ToTable("Cats");
        model.Entity<ProductStat>().HasNoKey().ToView("ProductStatsView");
    }
}

/// <summary>How dotnet ef (and Retort's probe) create <see cref="AppDbContext"/> at design time.</summary>
public class AppDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => new();
}
