using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Retort.Scripting.Internal.Roslyn;

/// <summary>
/// Puts <c>RuntimeHelpers.EnsureSufficientExecutionStack()</c> at the top of every method, local function, accessor
/// and lambda body of a script that calls a method it declares itself. A revision that recurses without end then
/// throws an exception the runner reports with the revision and the line, where a stack overflow would end the
/// process with thirty lines of frames and nothing said. The call goes after the opening brace only where that brace
/// ends its line, so every line and every column of code stays where it was for compiler errors and stack traces.
/// </summary>
internal sealed class StackGuard : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax Guard =
        SyntaxFactory.ParseStatement("global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();");

    public static SyntaxTree Rewrite(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        if (!MayRecurse(root))
            return tree;
        var guarded = new StackGuard().Visit(root);
        return ReferenceEquals(guarded, root) ? tree : tree.WithRootAndOptions(guarded, tree.Options);
    }

    // Only code that calls a method or local function the same file declares can recurse within the file; most
    // revisions only call op.*, and are compiled as they are, at no cost.
    private static bool MayRecurse(SyntaxNode root)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case MethodDeclarationSyntax method:
                    declared.Add(method.Identifier.ValueText);
                    break;
                case LocalFunctionStatementSyntax local:
                    declared.Add(local.Identifier.ValueText);
                    break;
                case InvocationExpressionSyntax { Expression: var target }:
                    if (target is MemberAccessExpressionSyntax access)
                        target = access.Name;
                    if (target is SimpleNameSyntax name)
                        called.Add(name.Identifier.ValueText);
                    break;
            }
        }
        return called.Overlaps(declared);
    }

    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var visited = (BlockSyntax)base.VisitBlock(node)!;
        if (node.Parent is not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax)
            || !visited.OpenBraceToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia))
            return visited;
        var brace = visited.OpenBraceToken;
        return visited.WithOpenBraceToken(brace.WithTrailingTrivia())
            .WithStatements(visited.Statements.Insert(0, Guard.WithTrailingTrivia(brace.TrailingTrivia)));
    }
}
