using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Retort.Scripting.Internal.Roslyn;

/// <summary>
/// Turns script sources into an assembly image with Roslyn. The only type that touches
/// Microsoft.CodeAnalysis from the cache-miss path, so that a cache hit never loads it.
/// </summary>
internal sealed class RoslynScriptEmitter
{
    private static readonly CSharpParseOptions ParseOptions =
        new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None)
            // Nullable warnings are never shown (only errors are), so skip the flow analysis that finds them.
            .WithFeatures([new("run-nullable-analysis", "never")]);

    private static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            deterministic: true,
            concurrentBuild: true);

    private static readonly EmitOptions EmitOptions = new(debugInformationFormat: DebugInformationFormat.Embedded);

    private readonly IReadOnlyList<MetadataReference> _frameworkReferences = FrameworkReferences.Load();

    /// <summary>Compiles <paramref name="inputs"/> into an assembly image with its script index embedded.</summary>
    /// <exception cref="ScriptCompilationException">The sources do not compile.</exception>
    public byte[] Emit(string assemblyName, ScriptInputs inputs, CancellationToken cancellationToken)
    {
        var trees = Parse(inputs.Sources, cancellationToken);
        var references = _frameworkReferences
            .Concat(inputs.References.Select(r => MetadataReference.CreateFromImage(r.Content, filePath: r.FullPath)));
        var compilation = CSharpCompilation.Create(assemblyName, trees, references, CompilationOptions);

        var errors = new ScriptErrors(inputs.Sources);
        var index = ScriptIndexBuilder.Build(compilation, errors, inputs.Sources);
        var indexBytes = new MemoryStream();
        index.WriteTo(indexBytes);
        var resource = new ResourceDescription(
            ScriptSettings.IndexResourceName, () => new MemoryStream(indexBytes.ToArray()), isPublic: false);

        using var image = new MemoryStream();
        var result = compilation.Emit(
            image, options: EmitOptions, manifestResources: [resource], cancellationToken: cancellationToken);
        errors.AddErrors(result.Diagnostics);
        if (errors.Any)
        {
            throw errors.ToException();
        }
        return image.ToArray();
    }

    private static SyntaxTree[] Parse(IReadOnlyList<ScriptSource> sources, CancellationToken cancellationToken)
    {
        var trees = new SyntaxTree[sources.Count + 1];
        Parallel.For(0, sources.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var source = sources[i];
            var text = SourceText.From(source.Content, source.Content.Length, Encoding.UTF8,
                SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false, canBeEmbedded: false);
            trees[i] = StackGuard.Rewrite(CSharpSyntaxTree.ParseText(text, ParseOptions, source.FullPath, cancellationToken), cancellationToken);
        });
        trees[^1] = CSharpSyntaxTree.ParseText(ImplicitUsings(), ParseOptions, "RetortImplicitUsings.g.cs", cancellationToken);
        return trees;
    }

    private static SourceText ImplicitUsings()
    {
        var text = new StringBuilder();
        foreach (string ns in ScriptSettings.ImplicitUsings)
        {
            text.Append("global using global::").Append(ns).Append(";\n");
        }
        return SourceText.From(text.ToString(), Encoding.UTF8);
    }
}
