using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Retort.EntityFrameworkCore.Probe;

// Runs inside the application's own dependency set (dotnet exec --depsfile/--runtimeconfig of the application), the way
// dotnet ef runs ef.dll: `probe <assembly> [--context Name] [--out file]`. Exit codes tell the loader which line to show.
internal static class ProbeMain
{
    public static int Main(string[] args)
    {
        try
        {
            var arguments = Arguments.Parse(args);
            var json = JsonSerializer.Serialize(ContextProbe.Run(arguments), new JsonSerializerOptions { WriteIndented = true });
            if (arguments.Out is null)
                Console.Out.Write(json);
            else
                File.WriteAllText(arguments.Out, json);
            return 0;
        }
        catch (ProbeException e)
        {
            Console.Error.WriteLine(e.Message);
            return e.Code;
        }
        catch (Exception e)
        {
            var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
            Console.Error.WriteLine($"{inner.GetType().Name}: {inner.Message}");
            Console.Error.WriteLine(inner.StackTrace);
            return 1;
        }
    }
}

internal sealed record Arguments(string Assembly, string? Context, string? Out)
{
    public static Arguments Parse(string[] args)
    {
        string? assembly = null, context = null, output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--context": context = args[++i]; break;
                case "--out": output = args[++i]; break;
                default: assembly = args[i]; break;
            }
        }
        return new Arguments(assembly ?? throw new ProbeException(1, "usage: probe <assembly> [--context Name] [--out file]"), context, output);
    }
}

internal sealed class ProbeException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}

internal static class ContextProbe
{
    public static ProbeModel Run(Arguments arguments)
    {
        var path = Path.GetFullPath(arguments.Assembly);
        var directory = Path.GetDirectoryName(path)!;
        // Assemblies of the application's own bin folder (its project references, the application itself) are not in
        // the deps.json's probing paths when the host was started for another program: resolve them there.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            Path.Combine(directory, name.Name + ".dll") is var file && File.Exists(file) ? context.LoadFromAssemblyPath(file) : null;
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        var types = Loadable(assembly);
        var contextType = Choose(types, arguments.Context, assembly);
        using var context = Create(contextType, types, assembly, directory);
        return Describe(context);
    }

    private static Type[] Loadable(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null).ToArray()!;
        }
    }

    private static Type Choose(Type[] types, string? name, Assembly assembly)
    {
        var contexts = types.Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract && !t.IsGenericTypeDefinition)
            .Concat(Factories(types).Select(f => f.Context)).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        if (name is not null)
        {
            var named = contexts.Where(t => t.FullName == name).ToList();
            if (named.Count == 0)
                named = contexts.Where(t => t.Name == name).ToList();
            if (named.Count == 0)
                named = contexts.Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            return named.Count switch
            {
                1 => named[0],
                0 => throw new ProbeException(ProbeExit.ContextNotFound, $"No DbContext named '{name}' in {assembly.GetName().Name}; it has {List(contexts)}"),
                _ => throw new ProbeException(ProbeExit.TwoContexts, $"'{name}' names {named.Count} DbContexts in {assembly.GetName().Name}: {List(named)}; give the full name"),
            };
        }
        return contexts.Count switch
        {
            1 => contexts[0],
            0 => throw new ProbeException(ProbeExit.ContextNotFound, $"No DbContext found in {assembly.GetName().Name}"),
            _ => throw new ProbeException(ProbeExit.TwoContexts, $"{assembly.GetName().Name} has {contexts.Count} DbContexts ({List(contexts)}); name one in model.efCore.context"),
        };
    }

    private static string List(IEnumerable<Type> types) => types.Any() ? string.Join(", ", types.Select(t => t.FullName)) : "none";

    private static IEnumerable<(Type Factory, Type Context)> Factories(Type[] types) =>
        from t in types
        where !t.IsAbstract && !t.IsGenericTypeDefinition
        from i in t.GetInterfaces()
        where i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)
        select (t, i.GetGenericArguments()[0]);

    // As dotnet ef: a design-time factory first; then (with Microsoft.EntityFrameworkCore.Design in the application)
    // EF's own DbContextOperations, which tries the application's host and then the constructor; else the constructor.
    private static DbContext Create(Type contextType, Type[] types, Assembly assembly, string directory)
    {
        var factory = Factories(types).FirstOrDefault(f => f.Context == contextType).Factory;
        if (factory is not null)
        {
            var instance = Activator.CreateInstance(factory)!;
            var method = typeof(IDesignTimeDbContextFactory<>).MakeGenericType(contextType).GetMethod("CreateDbContext")!;
            return (DbContext)method.Invoke(instance, [Array.Empty<string>()])!;
        }
        if (DesignOperations(assembly, directory) is { } operations)
        {
            var create = operations.GetType().GetMethod("CreateContext", [typeof(string)])!;
            return (DbContext)create.Invoke(operations, [contextType.FullName])!;
        }
        if (contextType.GetConstructor(Type.EmptyTypes) is not null)
            return (DbContext)Activator.CreateInstance(contextType)!;
        throw new ProbeException(ProbeExit.CannotCreate, $"Cannot create {contextType.FullName}: add an IDesignTimeDbContextFactory<{contextType.Name}>, or reference Microsoft.EntityFrameworkCore.Design so that the application's host is used");
    }

    // Microsoft.EntityFrameworkCore.Design.Internal.DbContextOperations, built by reflection: its constructor's
    // parameters differ between EF versions, so they are filled by name.
    private static object? DesignOperations(Assembly assembly, string directory)
    {
        Assembly design;
        try
        {
            design = Assembly.Load("Microsoft.EntityFrameworkCore.Design");
        }
        catch (IOException)
        {
            return null;
        }
        var operationsType = design.GetType("Microsoft.EntityFrameworkCore.Design.Internal.DbContextOperations");
        var reporterType = design.GetType("Microsoft.EntityFrameworkCore.Design.Internal.OperationReporter");
        var constructor = operationsType?.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null || reporterType is null)
            return null;
        var reporter = Activator.CreateInstance(reporterType, [null]);
        var values = constructor.GetParameters().Select(p => p.Name switch
        {
            "reporter" => reporter,
            "assembly" or "startupAssembly" => assembly,
            "project" => Path.Combine(directory, assembly.GetName().Name + ".csproj"),
            "projectDir" => Directory.GetCurrentDirectory(),
            "rootNamespace" => assembly.GetName().Name,
            "language" => "C#",
            "args" => Array.Empty<string>(),
            _ => p.ParameterType == typeof(bool) ? (object)false : null,
        }).ToArray();
        return constructor.Invoke(values);
    }

    private static ProbeModel Describe(DbContext context)
    {
        var model = context.GetService<IDesignTimeModel>().Model;
        var relational = model.GetRelationalModel();
        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, relational);
        var mappings = context.GetService<IRelationalTypeMappingSource>();
        var result = new ProbeModel
        {
            EfVersion = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
            Provider = context.Database.ProviderName ?? "",
            Context = context.GetType().FullName!,
        };
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case EnsureSchemaOperation schema:
                    result.Schemas.Add(schema.Name);
                    break;
                case CreateSequenceOperation sequence:
                    result.Sequences.Add(new ProbeSequence
                    {
                        Name = sequence.Name, Schema = sequence.Schema, StoreType = sequence.ClrType.Name,
                        StartValue = sequence.StartValue, IncrementBy = sequence.IncrementBy,
                        MinValue = sequence.MinValue, MaxValue = sequence.MaxValue, Cyclic = sequence.IsCyclic,
                    });
                    break;
                case CreateTableOperation table:
                    result.Tables.Add(Table(table, relational, mappings));
                    break;
                case AddForeignKeyOperation key:
                    result.Tables.First(t => t.Name == key.Table && t.Schema == key.Schema).ForeignKeys.Add(ForeignKey(key));
                    break;
                case CreateIndexOperation index:
                    result.Indexes.Add(new ProbeIndex
                    {
                        Name = index.Name, Table = index.Table, Schema = index.Schema, Columns = [.. index.Columns],
                        Unique = index.IsUnique, Filter = index.Filter, Descending = Descending(index),
                    });
                    break;
                case AlterDatabaseOperation:
                    // Database-wide options (Pomelo's character set and collation): the database's, not the schema's.
                    break;
                default:
                    throw new ProbeException(1, $"EF Core proposes {operation.GetType().Name} for a new database, which the probe does not know");
            }
        }
        return result;
    }

    // IsDescending is a bool[] from EF Core 7 on (null: all ascending; empty: all descending).
    private static List<bool> Descending(CreateIndexOperation index) =>
        index.IsDescending switch
        {
            null => [],
            { Length: 0 } => [.. index.Columns.Select(_ => true)],
            var flags => [.. flags],
        };

    private static ProbeTable Table(CreateTableOperation operation, IRelationalModel relational, IRelationalTypeMappingSource mappings)
    {
        var table = relational.FindTable(operation.Name, operation.Schema);
        return new ProbeTable
        {
            Name = operation.Name,
            Schema = operation.Schema,
            Comment = operation.Comment,
            RenamedFrom = RenamedFrom(table?.EntityTypeMappings.Select(m => (IReadOnlyAnnotatable)m.TypeBase)),
            Columns = [.. operation.Columns.Select(c => Column(c, table?.FindColumn(c.Name), mappings))],
            PrimaryKey = operation.PrimaryKey is { } key ? new ProbeKey { Name = key.Name, Columns = [.. key.Columns] } : null,
            UniqueConstraints = [.. operation.UniqueConstraints.Select(u => new ProbeKey { Name = u.Name, Columns = [.. u.Columns] })],
            ForeignKeys = [.. operation.ForeignKeys.Select(ForeignKey)],
            CheckConstraints = [.. operation.CheckConstraints.Select(c => new ProbeCheck { Name = c.Name, Sql = c.Sql })],
        };
    }

    private static ProbeForeignKey ForeignKey(AddForeignKeyOperation key) => new()
    {
        Name = key.Name, Columns = [.. key.Columns], PrincipalTable = key.PrincipalTable, PrincipalSchema = key.PrincipalSchema,
        PrincipalColumns = [.. key.PrincipalColumns ?? []], OnDelete = key.OnDelete.ToString(), OnUpdate = key.OnUpdate.ToString(),
    };

    private static ProbeColumn Column(AddColumnOperation operation, IColumn? column, IRelationalTypeMappingSource mappings) => new()
    {
        Name = operation.Name,
        StoreType = operation.ColumnType ?? column?.StoreType ?? "",
        Nullable = operation.IsNullable,
        DefaultValue = operation.DefaultValue is null or DBNull ? null : Literal(operation.DefaultValue, column, mappings),
        DefaultSql = operation.DefaultValueSql,
        ComputedSql = operation.ComputedColumnSql,
        Stored = operation.ComputedColumnSql is null ? null : operation.IsStored,
        Comment = operation.Comment,
        Collation = operation.Collation,
        Identity = IsIdentity(operation),
        RenamedFrom = RenamedFrom(column?.PropertyMappings.Select(m => (IReadOnlyAnnotatable)m.Property)),
    };

    private static string Literal(object value, IColumn? column, IRelationalTypeMappingSource mappings)
    {
        var mapping = column?.StoreTypeMapping;
        if (mapping is not null && mapping.ClrType.IsInstanceOfType(value))
            return mapping.GenerateSqlLiteral(value);
        return mappings.FindMapping(value.GetType())?.GenerateSqlLiteral(value)
            ?? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static bool IsIdentity(AddColumnOperation operation) =>
        operation.GetAnnotations().Any(a => a.Name switch
        {
            "Sqlite:Autoincrement" => a.Value is true,
            "Npgsql:ValueGenerationStrategy" => a.Value?.ToString() is "IdentityByDefaultColumn" or "IdentityAlwaysColumn" or "SerialColumn",
            // Pomelo's annotation, and Oracle's MySql.EntityFrameworkCore's (upper-case prefix).
            "MySql:ValueGenerationStrategy" or "MySQL:ValueGenerationStrategy" => a.Value?.ToString() is "IdentityColumn",
            "SqlServer:Identity" => a.Value is not null,
            _ => false,
        });

    private static List<string> RenamedFrom(IEnumerable<IReadOnlyAnnotatable>? owners) =>
        owners?.Select(o => o.FindAnnotation("Retort:RenamedFrom")?.Value)
            .SelectMany(v => v switch { string s => [s], IEnumerable<string> many => many, _ => [] })
            .Distinct().ToList() ?? [];
}
