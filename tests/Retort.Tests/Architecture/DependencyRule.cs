using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Retort.Tests.Architecture;

/// <summary>
/// The layers of the source tree and what each may use, checked on the code itself: every type a file names (found by
/// Roslyn's binding, so a fully qualified name counts as much as a <c>using</c>) must be declared in its own layer or in
/// one it may depend on, and every <c>using Retort.X;</c> must name such a layer.
/// </summary>
/// <remarks>
/// A layer is a folder, not a namespace: the front door (<c>namespace Retort</c>) gathers the public types of several
/// layers so that a revision author needs one <c>using</c>, and each of those types still belongs to its folder's layer.
/// </remarks>
internal sealed class DependencyRule
{
    /// <summary>What each layer may use besides itself, bottom up. <c>(root)</c> is RetortException, which every layer may use.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["(root)"] = [],
        ["Schema"] = [],
        ["Configuration"] = ["Dialects"],
        ["Operations"] = ["Schema"],
        ["Dialects"] = ["Schema", "Operations"],
        ["Model"] = ["Schema"],
        ["Autogenerate"] = ["Schema", "Operations", "Dialects", "Model", "Configuration"],
        ["Revisions"] = ["Schema", "Operations", "Configuration", "Model", "Autogenerate"],
        ["Execution"] = ["Schema", "Operations", "Dialects", "Revisions", "Configuration"],
        ["Lint"] = ["Schema", "Operations", "Dialects"],
        ["Commands"] = ["Schema", "Operations", "Dialects", "Model", "Autogenerate", "Revisions", "Execution", "Configuration", "Lint"],
        ["Scripting"] = ["Schema", "Operations", "Revisions", "Configuration", "Model", "Autogenerate", "Execution", "Commands"],
        // The CLI is a thin face: it parses, calls Commands and prints what they return. Scripting is the separate
        // compile-host project (Roslyn), which the CLI must wire in as the Commands' source of the revisions' code.
        ["Cli"] = ["Commands", "Configuration", "Scripting", "EntityFrameworkCore"],
        // The probe runs inside the user's application with EF Core and nothing of Retort; its JSON contract
        // (ProbeModel.cs) is compiled into the library too.
        ["EntityFrameworkCore.Probe"] = [],
        // The EF Core model source: a MigrationSource whose schema comes from the probe, types read as the dialects read them.
        ["EntityFrameworkCore"] = ["Schema", "Configuration", "Dialects", "Model", "Revisions", "Autogenerate", "EntityFrameworkCore.Probe"],
        // Retort.Hosting is a face too: it builds a Migrator from options and hears its runs (MigrationObserver lives in
        // Execution, Revision in Revisions), and reaches nothing below them.
        ["Hosting"] = ["Commands", "Configuration", "Execution", "Revisions"],
    };

    /// <summary>The namespace each layer's machinery lives in (the front door aside).</summary>
    public static readonly IReadOnlyDictionary<string, string> Namespaces = new Dictionary<string, string>
    {
        ["Schema"] = "Retort.Schema",
        ["Configuration"] = "Retort.Configuration",
        ["Operations"] = "Retort.Ops",
        ["Dialects"] = "Retort.Dialects",
        ["Model"] = "Retort.Model",
        ["Autogenerate"] = "Retort.Autogenerate",
        ["Revisions"] = "Retort.Revisions",
        ["Execution"] = "Retort.Execution",
        ["Lint"] = "Retort.Lint",
        ["Commands"] = "Retort.Commands",
        ["Scripting"] = "Retort.Scripting",
        ["Cli"] = "Retort.Cli",
        ["EntityFrameworkCore.Probe"] = "Retort.EntityFrameworkCore.Probe",
        ["EntityFrameworkCore"] = "Retort.EntityFrameworkCore",
        ["Hosting"] = "Retort.Hosting",
    };

    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Retort.slnx")))
                root = root.Parent;
            return root?.FullName ?? throw new InvalidOperationException("Retort.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The layer of a source file, from its path below <c>src/</c>.</summary>
    public static string LayerOf(string path)
    {
        var parts = Path.GetRelativePath(Path.Combine(RepositoryRoot, "src"), path).Split('/', '\\');
        return parts[0] switch
        {
            "Retort.Cli" => "Cli",
            "Retort.Scripting" => "Scripting",
            "Retort.EntityFrameworkCore" => "EntityFrameworkCore",
            "Retort.EntityFrameworkCore.Probe" => "EntityFrameworkCore.Probe",
            "Retort.Hosting" => "Hosting",
            "Retort" when parts.Length == 2 => "(root)",
            "Retort" => parts[1],
            _ => throw new InvalidOperationException($"{path} is in no project folder"),
        };
    }

    /// <summary>The layer a namespace of the project names, or null for the front door and namespaces outside the project.</summary>
    public static string? LayerOfNamespace(string name)
    {
        foreach (var (layer, ns) in Namespaces)
            if (name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal))
                return layer;
        return null;
    }

    /// <summary>Every source file of the three projects, parsed.</summary>
    public static List<SyntaxTree> Sources()
    {
        var src = Path.Combine(RepositoryRoot, "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Templates{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Parse(File.ReadAllText(f), f))
            .ToList();
    }

    /// <summary>Parses C# as the project compiles it (latest language), so planted trees mix with the real ones.</summary>
    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), path);

    /// <summary>One line per use of a layer that the using file's layer may not use: <c>FILE(LINE): A uses B (WHAT)</c>.</summary>
    public static List<string> Violations(IReadOnlyList<SyntaxTree> trees)
    {
        var references = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Concat(((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator))
            .Where(p => !Path.GetFileName(p).StartsWith("Retort", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName)
            .Select(p => MetadataReference.CreateFromFile(p));
        var usings = new[] { "System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks", "System.Net.Http" }
            .Select(u => $"global using global::{u};");
        var implicitUsings = Parse(string.Join('\n', usings), "ImplicitUsings.g.cs");
        var compilation = CSharpCompilation.Create("LayerCheck", [.. trees, implicitUsings], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var violations = new List<string>();
        foreach (var tree in trees)
        {
            var from = LayerOf(tree.FilePath);
            var allowed = Allowed[from];
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            foreach (var directive in root.DescendantNodes().OfType<UsingDirectiveSyntax>())
            {
                if (directive.Name?.ToString() is { } name && LayerOfNamespace(name) is { } to && to != from && !allowed.Contains(to))
                    violations.Add(Line(tree, directive, from, to, $"using {name}"));
            }
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                var type = symbol switch
                {
                    INamedTypeSymbol t => t.OriginalDefinition,
                    IMethodSymbol { MethodKind: MethodKind.Constructor } c => c.ContainingType,
                    { ContainingType: { } t } => t.OriginalDefinition,
                    _ => null,
                };
                while (type?.ContainingType is { } outer)
                    type = outer;
                if (type?.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath is not { Length: > 0 } declaredIn
                    || declaredIn == "ImplicitUsings.g.cs")
                    continue;
                var to = LayerOf(declaredIn);
                if (to != from && to != "(root)" && !allowed.Contains(to))
                    violations.Add(Line(tree, name, from, to, type.ToDisplayString()));
            }
        }
        return violations.Distinct().ToList();
    }

    private static string Line(SyntaxTree tree, SyntaxNode node, string from, string to, string what) =>
        $"{Path.GetRelativePath(RepositoryRoot, tree.FilePath)}({node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {from} uses {to} ({what})";

    /// <summary>
    /// One line per file whose namespace is neither its folder's nor the front door <c>Retort</c>, or that declares a
    /// non-public type in the front door (the front door is for what revision authors and API users name).
    /// </summary>
    public static List<string> NamespaceMisfits(IReadOnlyList<SyntaxTree> trees)
    {
        var misfits = new List<string>();
        foreach (var tree in trees)
        {
            var layer = LayerOf(tree.FilePath);
            var relative = Path.GetRelativePath(RepositoryRoot, tree.FilePath);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
            {
                var name = declaration.Name.ToString();
                if (name == "Retort")
                {
                    foreach (var type in declaration.Members.OfType<BaseTypeDeclarationSyntax>().Where(t => !t.Modifiers.Any(SyntaxKind.PublicKeyword)))
                        misfits.Add($"{relative}: {type.Identifier} is not public, so it belongs in {Expected(layer)}, not in the front door Retort");
                    foreach (var type in declaration.Members.OfType<DelegateDeclarationSyntax>().Where(t => !t.Modifiers.Any(SyntaxKind.PublicKeyword)))
                        misfits.Add($"{relative}: {type.Identifier} is not public, so it belongs in {Expected(layer)}, not in the front door Retort");
                }
                else if (LayerOfNamespace(name) != layer)
                    misfits.Add($"{relative}: namespace {name}, expected {Expected(layer)} (or the front door Retort for public API)");
            }
        }
        return misfits;
    }

    private static string Expected(string layer) => Namespaces.GetValueOrDefault(layer, "Retort");

    /// <summary>
    /// One line per place outside <c>Dialects/</c> that tests a dialect by its name (a comparison, a pattern or a switch
    /// case on a string such as <c>"sqlite"</c>): such code belongs in the dialect, or compares <c>DialectId</c>s.
    /// </summary>
    public static List<string> DialectNameTests(IReadOnlyList<SyntaxTree> trees, IReadOnlySet<string> names)
    {
        var found = new List<string>();
        foreach (var tree in trees.Where(t => LayerOf(t.FilePath) != "Dialects"))
        {
            foreach (var literal in tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
                .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression) && names.Contains(l.Token.ValueText)))
            {
                var test = literal.Parent switch
                {
                    BinaryExpressionSyntax b when b.IsKind(SyntaxKind.EqualsExpression) || b.IsKind(SyntaxKind.NotEqualsExpression) => true,
                    ConstantPatternSyntax or CaseSwitchLabelSyntax => true,
                    _ => false,
                };
                if (test)
                    found.Add($"{Path.GetRelativePath(RepositoryRoot, tree.FilePath)}({literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): tests the dialect name {literal}");
            }
        }
        return found;
    }
}

/// <summary>The sizes the redesign holds classes to: lines across all partial files, and constructor parameters.</summary>
internal static class ClassSizes
{
    /// <summary>Lines of each class (or record) across its partial declarations, by full name.</summary>
    public static Dictionary<string, int> Lines(IReadOnlyList<SyntaxTree> trees)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t.Parent is BaseNamespaceDeclarationSyntax))
            {
                var span = type.GetLocation().GetLineSpan();
                var name = $"{((BaseNamespaceDeclarationSyntax)type.Parent!).Name}.{type.Identifier.Text}";
                lines[name] = lines.GetValueOrDefault(name) + span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
            }
        }
        return lines;
    }

    /// <summary>The most parameters of any constructor (a primary one included) of each class, by full name.</summary>
    public static Dictionary<string, int> ConstructorParameters(IReadOnlyList<SyntaxTree> trees)
    {
        var most = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                var counts = type.Members.OfType<ConstructorDeclarationSyntax>().Select(c => c.ParameterList.Parameters.Count)
                    .Append(type.ParameterList?.Parameters.Count ?? 0);
                var name = type.Identifier.Text;
                most[name] = Math.Max(most.GetValueOrDefault(name), counts.Max());
            }
        }
        return most;
    }
}
