using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Retort.Scripting.Internal.Roslyn;

/// <summary>
/// Puts <c>RuntimeHelpers.EnsureSufficientExecutionStack()</c> at the top of every method, local function, accessor
/// and lambda body in the scripts. A revision that recurses without end then throws an exception the runner reports
/// with the revision and the line, where a stack overflow would end the process with thirty lines of frames and
/// nothing said. The call goes after the opening brace only where that brace ends its line, so every line and every
/// column of code stays where it was for compiler errors and stack traces.
/// </summary>
internal sealed class StackGuard : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax Guard =
        SyntaxFactory.ParseStatement("global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();");

    public static SyntaxTree Rewrite(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var guarded = new StackGuard().Visit(root);
        return ReferenceEquals(guarded, root) ? tree : tree.WithRootAndOptions(guarded, tree.Options);
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
