using System.IO.Compression;
using System.Reflection.Metadata;
using System.Xml.Linq;

namespace Retort.Tests.Packaging;

/// <summary>
/// The packages as a user meets them on a clean machine: packed by <c>scripts/pack.sh</c>, the tool installed with
/// <c>dotnet tool install --tool-path</c> and the quickstart run through it, and a new console project taking the
/// library from the feed and migrating at start-up.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageInstallTests(PackagedFeed feed) : IClassFixture<PackagedFeed>
{
    private static XElement Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XElement.Load(stream);
    }

    private string Package(string id, string extension = "nupkg") => Path.Combine(feed.Feed, $"{id}.{feed.Version}.{extension}");

    [Theory]
    [InlineData("Retort")]
    [InlineData("Retort.Cli")]
    [InlineData("Retort.EntityFrameworkCore")]
    [InlineData("Retort.Hosting")]
    public void Each_package_has_its_metadata_readme_and_symbols(string id)
    {
        var nuspec = Nuspec(Package(id));
        XNamespace ns = nuspec.Name.Namespace;
        var metadata = nuspec.Element(ns + "metadata")!;
        Assert.Equal(id, metadata.Element(ns + "id")!.Value);
        Assert.Equal(feed.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("PACKAGE.md", metadata.Element(ns + "readme")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")!.Value));
        // SourceLink's record of what was built: the commit (a URL too, where the checkout has a hosted remote).
        var repository = metadata.Element(ns + "repository")!;
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")!.Value);
        using (var zip = ZipFile.OpenRead(Package(id)))
            Assert.Contains(zip.Entries, e => e.FullName == "PACKAGE.md");

        // Symbols: a portable PDB per assembly, with the build's paths mapped away (a deterministic, CI-style build)
        // and the files the build generated embedded.
        using var symbols = ZipFile.OpenRead(Package(id, "snupkg"));
        var pdbEntry = symbols.Entries.First(e => e.Name == $"{(id == "Retort.Cli" ? "Retort.Cli" : id)}.pdb");
        using var pdbStream = new MemoryStream();
        using (var s = pdbEntry.Open())
            s.CopyTo(pdbStream);
        pdbStream.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        var pdb = provider.GetMetadataReader();
        var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
        Assert.NotEmpty(documents);
        Assert.All(documents, d => Assert.StartsWith("/_/", d));
        Assert.DoesNotContain(documents, d => d.Contains(PackagedFeed.Repository, StringComparison.Ordinal));
    }

    [Fact]
    public void The_ef_core_package_carries_its_probe_and_the_tool_too()
    {
        // The probe runs inside the application's own dependencies (net8.0, so an application on any supported .NET).
        using (var zip = ZipFile.OpenRead(Package("Retort.EntityFrameworkCore")))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/Retort.EntityFrameworkCore.dll", names);
            Assert.Contains("lib/net10.0/probe/Retort.EntityFrameworkCore.Probe.dll", names);
            Assert.Contains("lib/net10.0/probe/Retort.EntityFrameworkCore.Probe.runtimeconfig.json", names);
        }
        using var tool = ZipFile.OpenRead(Package("Retort.Cli"));
        Assert.Contains(tool.Entries, e => e.FullName == "tools/net10.0/any/probe/Retort.EntityFrameworkCore.Probe.dll");
    }

    [Fact]
    public void The_cli_package_is_a_dotnet_tool_named_retort()
    {
        var nuspec = Nuspec(Package("Retort.Cli"));
        XNamespace ns = nuspec.Name.Namespace;
        Assert.Contains(nuspec.Descendants(ns + "packageType"), t => t.Attribute("name")?.Value == "DotnetTool");
        using var zip = ZipFile.OpenRead(Package("Retort.Cli"));
        var settings = zip.Entries.Single(e => e.Name == "DotnetToolSettings.xml");
        using var stream = settings.Open();
        Assert.Equal("retort", XElement.Load(stream).Descendants("Command").Single().Attribute("Name")!.Value);
    }

    [Fact]
    public async Task The_tool_installs_from_the_feed_and_runs_the_quickstart()
    {
        var tools = Path.Combine(feed.Root, "tools");
        var install = await PackagedFeed.RunAsync(feed.Root, "dotnet", "tool", "install", "Retort.Cli", "--tool-path", tools,
            "--add-source", feed.Feed, "--version", feed.Version);
        Assert.True(install.ExitCode == 0, install.Output);

        var project = Path.Combine(feed.Root, "quickstart");
        CopyFolder(Path.Combine(PackagedFeed.Repository, "samples", "quickstart"), project);
        var retort = Path.Combine(tools, "retort");
        var heads = await PackagedFeed.RunAsync(project, retort, "heads");
        Assert.True(heads.ExitCode == 0, heads.Output);
        var head = heads.Output.Split(' ')[0];

        var upgrade = await PackagedFeed.RunAsync(project, retort, "upgrade", "head");
        Assert.True(upgrade.ExitCode == 0, upgrade.Output);
        Assert.Contains($"Running upgrade", upgrade.Output);
        var current = await PackagedFeed.RunAsync(project, retort, "current");
        Assert.Equal(0, current.ExitCode);
        Assert.Contains($"\n{head} (head)", current.Output);
        Assert.True(File.Exists(Path.Combine(project, "quickstart.db")));

        var version = await PackagedFeed.RunAsync(project, retort, "--version");
        Assert.Contains(feed.Version, version.Output);
    }

    [Fact]
    public async Task A_new_console_project_takes_Retort_and_Retort_Hosting_from_the_feed_and_migrates_at_start_up()
    {
        var app = Path.Combine(feed.Root, "app");
        Directory.CreateDirectory(Path.Combine(app, "Migrations"));
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="retort" value="{feed.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Retort" Version="{feed.Version}" />
                <PackageReference Include="Retort.Hosting" Version="{feed.Version}" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.15" />
                <PackageReference Include="Microsoft.Data.Sqlite" Version="10.0.15" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Migrations", "A1CreateNote.cs"), """
            using Retort;

            namespace App.Migrations;

            /// <summary>create note table</summary>
            [Revision("a1c0ffee0001")]
            public sealed class CreateNote : Migration
            {
                public override void Upgrade(Operations op) =>
                    op.CreateTable("note", new Column("id", SqlType.Integer, primaryKey: true), new Column("text", SqlType.Text, nullable: false));

                public override void Downgrade(Operations op) => op.DropTable("note");
            }
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Microsoft.Data.Sqlite;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Retort.Hosting;

            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddRetort(o =>
            {
                o.Url = "sqlite:///" + args[0];
                o.Connect = cs => new SqliteConnection(cs);
            }).MigrateAtStartup();
            using var host = builder.Build();
            await host.StartAsync();
            Console.WriteLine("started");
            await host.StopAsync();
            """);

        var build = await PackagedFeed.RunAsync(app, "dotnet", "build", "-c", "Release", "--nologo", "-v", "quiet");
        Assert.True(build.ExitCode == 0, build.Output);
        var db = Path.Combine(app, "app.db");
        var run = await PackagedFeed.RunAsync(app, "dotnet", "run", "-c", "Release", "--no-build", "--", db);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("started", run.Output);
        // The host's log: Retort's structured line for the revision it applied.
        Assert.Contains("Applied revision a1c0ffee0001 (upgrade)", run.Output);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version_num FROM retort_version";
        Assert.Equal("a1c0ffee0001", await command.ExecuteScalarAsync());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith(".retort", StringComparison.Ordinal) || relative.EndsWith(".db", StringComparison.Ordinal))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }
}

/// <summary>Every packed library tracks its public API, so that a breaking change shows as a diff of those files.</summary>
public sealed class PublicApiTrackingTests
{
    [Fact]
    public void Each_packed_library_has_its_public_api_files()
    {
        var libraries = Directory.GetFiles(Path.Combine(PackagedFeed.Repository, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p) is var text && text.Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal)
                && !text.Contains("<OutputType>Exe</OutputType>", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(libraries, p => Path.GetFileName(p) == "Retort.csproj");
        foreach (var project in libraries)
        {
            var shipped = Path.Combine(Path.GetDirectoryName(project)!, "PublicAPI.Shipped.txt");
            Assert.True(File.Exists(shipped), $"{project} has no PublicAPI.Shipped.txt");
            Assert.True(File.Exists(Path.ChangeExtension(shipped, null).Replace("Shipped", "Unshipped") + ".txt"), $"{project} has no PublicAPI.Unshipped.txt");
            Assert.Equal("#nullable enable", File.ReadLines(shipped).First());
        }
        Assert.Contains(File.ReadLines(Path.Combine(PackagedFeed.Repository, "src", "Retort", "PublicAPI.Shipped.txt")),
            l => l.StartsWith("Retort.Migrator.UpgradeAsync(", StringComparison.Ordinal));
    }
}
