using Microsoft.CodeAnalysis.CSharp;
using Retort.Scripting.Internal.Roslyn;

namespace Retort.Tests.Scripting;

/// <summary>The stack check put into scripts that may recurse: where it goes, and that no line or column of code moves.</summary>
public sealed class StackGuardTests
{
    private const string Check = "global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();";

    [Fact]
    public void A_script_that_calls_only_op_is_compiled_as_it_is()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            public sealed class R : Migration
            {
                public override void Upgrade(Operations op)
                {
                    op.CreateTable("t");
                }
            }
            """);
        Assert.Same(tree, StackGuard.Rewrite(tree, CancellationToken.None));
    }

    [Fact]
    public void A_script_that_calls_its_own_methods_checks_the_stack_where_a_brace_ends_its_line()
    {
        var text = """
            public sealed class R : Migration
            {
                public override void Upgrade(Operations op)
                { // starts here
                    Deeper(op, 1);
                    var f = (int n) =>
                    {
                        return n;
                    };
                }

                private static int Deeper(Operations op, int n) { return Deeper(op, n + 1); }
            }
            """;
        var guarded = StackGuard.Rewrite(CSharpSyntaxTree.ParseText(text), CancellationToken.None).ToString();
        var before = text.Split('\n');
        var after = guarded.Split('\n');
        Assert.Equal(before.Length, after.Length);
        // The check goes right after each brace that ends its line: the method's, the lambda's; not the one-line method's.
        Assert.Equal([3, 6], Enumerable.Range(0, after.Length).Where(i => after[i].Contains(Check, StringComparison.Ordinal)));
        Assert.Equal("    {" + Check + " // starts here", after[3]);
        // Taking the check out gives back every line as it was, so no code moved.
        Assert.Equal(before, after.Select(l => l.Replace(Check, "", StringComparison.Ordinal)));
    }
}
