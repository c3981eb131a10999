using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sample.EfCoreHost;

var builder = Host.CreateApplicationBuilder(args);
// The options need the host's configuration: only the host can make this context (it has no parameterless constructor).
builder.Services.AddDbContext<NotesContext>(o => o.UseSqlite(builder.Configuration.GetConnectionString("App") ?? "Data Source=notes.db"));
using var host = builder.Build();
if (args is ["ensure-created", ..])
{
    using var scope = host.Services.CreateScope();
    scope.ServiceProvider.GetRequiredService<NotesContext>().Database.EnsureCreated();
    return;
}
await host.RunAsync();

namespace Sample.EfCoreHost
{
    public class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
    {
        public DbSet<Notebook> Notebooks => Set<Notebook>();
        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder model)
        {
            model.Entity<Notebook>().HasIndex(b => b.Title).IsUnique();
            model.Entity<Note>().Property(n => n.Text).HasMaxLength(500);
            model.Entity<Note>().Property(n => n.Pinned).HasDefaultValue(false);
        }
    }

    public class Notebook
    {
        public int Id { get; set; }
        public required string Title { get; set; }
        public List<Note> Notes { get; set; } = [];
    }

    public class Note
    {
        public int Id { get; set; }
        public int NotebookId { get; set; }
        public Notebook? Notebook { get; set; }
        public required string Text { get; set; }
        public bool Pinned { get; set; }
    }
}
