using Retort.Ops;

namespace Retort.EntityFrameworkCore.Tests;

/// <summary>
/// What makes a cached EF model stale: an edit in a project the application references (its entity classes in a class
/// library) rebuilds the application; a change of an environment variable the model depends on (the host's environment,
/// or one <c>efCore.environment</c> names) runs the probe again without a build.
/// </summary>
[Collection("efcore")]
public sealed class CacheKeyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("retort-ef-refs-").FullName;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", null);
        Environment.SetEnvironmentVariable("RETORT_TEST_MODEL_FLAG", null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    // Lib holds the entity; Data (a library) holds nothing of the model but references Lib; App references Data only,
    // so Lib reaches App through a reference of a reference.
    private void WriteProjects()
    {
        Write("Lib/Lib.csproj", Project("Library", ""));
        Write("Lib/Item.cs", "namespace Lib;\npublic class Item\n{\n    public int Id { get; set; }\n    public string Name { get; set; } = \"\";\n}\n");
        Write("Data/Data.csproj", Project("Library", """<ProjectReference Include="..\Lib\Lib.csproj" />"""));
        Write("Data/Marker.cs", "namespace Data;\npublic static class Marker;\n");
        Write("App/App.csproj", Project("Exe", """
            <ProjectReference Include="..\Data\Data.csproj" />
            <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />
            """));
        Write("App/AppContext.cs", """
            using Microsoft.EntityFrameworkCore;
            namespace App;
            public class AppContext : DbContext
            {
                public DbSet<Lib.Item> Items => Set<Lib.Item>();
                protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=app.db");
                protected override void OnModelCreating(ModelBuilder model)
                {
                    if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") == "Staging")
                        model.Entity<Lib.Item>().Property<string>("StagingNote");
                    if (Environment.GetEnvironmentVariable("RETORT_TEST_MODEL_FLAG") == "1")
                        model.Entity<Lib.Item>().Property<bool>("Flagged");
                }
            }
            public static class Program
            {
                public static void Main() { }
            }
            """);
    }

    private static string Project(string output, string items) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>{output}</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            {items}
          </ItemGroup>
        </Project>
        """;

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public async Task An_edit_in_a_referenced_project_rebuilds_and_an_environment_change_probes_again()
    {
        WriteProjects();
        var url = $"sqlite:///{Path.Combine(_root, "empty.db")}";
        var folder = EfSample.NewFolder(url, $$"""{ "project": "{{Path.Combine(_root, "App")}}", "environment": ["RETORT_TEST_MODEL_*"] }""", sharedCache: false);
        var cache = Path.Combine(folder, ".retort", "cache", "efcore");

        Assert.Equal(["Id", "Name"], await ColumnsAsync(folder));
        var stamp = Directory.GetFiles(cache, "build-*.json").Single();
        var built = File.GetLastWriteTimeUtc(stamp);
        Assert.Equal(["Id", "Name"], await ColumnsAsync(folder));
        Assert.Equal(built, File.GetLastWriteTimeUtc(stamp));

        // Lib is two references away from App, outside App's folder.
        Write("Lib/Item.cs", "namespace Lib;\npublic class Item\n{\n    public int Id { get; set; }\n    public string Name { get; set; } = \"\";\n    public int Size { get; set; }\n}\n");
        Assert.Equal(["Id", "Name", "Size"], await ColumnsAsync(folder));
        Assert.NotEqual(built, File.GetLastWriteTimeUtc(stamp));
        built = File.GetLastWriteTimeUtc(stamp);
        var models = Directory.GetFiles(cache, "model-*.json").Length;

        Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Staging");
        Assert.Equal(["Id", "Name", "Size", "StagingNote"], await ColumnsAsync(folder));
        Environment.SetEnvironmentVariable("RETORT_TEST_MODEL_FLAG", "1");
        Assert.Equal(["Flagged", "Id", "Name", "Size", "StagingNote"], await ColumnsAsync(folder));
        Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", null);
        Environment.SetEnvironmentVariable("RETORT_TEST_MODEL_FLAG", null);
        Assert.Equal(["Id", "Name", "Size"], await ColumnsAsync(folder));
        // Three more probes (one model file each), and no build.
        Assert.Equal(models + 2, Directory.GetFiles(cache, "model-*.json").Length);
        Assert.Equal(built, File.GetLastWriteTimeUtc(stamp));
    }

    // The columns (by name) of the one table the model wants on the empty database.
    private static async Task<IReadOnlyList<string>> ColumnsAsync(string folder)
    {
        var diff = await EfSample.Commands(folder).CompareAsync();
        var create = Assert.IsType<CreateTableOperation>(Assert.Single(diff.Upgrade));
        return [.. create.Table.Columns.Select(c => c.Name).Order(StringComparer.Ordinal)];
    }
}
