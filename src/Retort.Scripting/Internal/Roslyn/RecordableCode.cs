using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Retort.Ops;

namespace Retort.Scripting.Internal.Roslyn;

/// <summary>
/// Tells the revisions whose code does the same thing on every run: an <c>Upgrade</c> and a <c>Downgrade</c> made of
/// nothing but <c>op.</c> calls on constant values (literals, Retort's schema values, collections and batches of these).
/// Recording such a revision once gives every operation it will ever call, on any database, online or offline; anything
/// else (a variable, a condition, <c>op.Dialect</c>, <c>op.Connection</c>, a call into the project's own code) may not.
/// Read from the syntax, which costs no binding; names that the project's own types could shadow do not count.
/// </summary>
internal sealed class RecordableCode
{
    // The Retort types a revision names for values; all of them are plain data, built the same way every time.
    private static readonly HashSet<string> ValueTypes = new(StringComparer.Ordinal)
    {
        nameof(SqlType), nameof(Column), nameof(ForeignKey), nameof(PrimaryKey), nameof(UniqueConstraint), nameof(CheckConstraint),
        nameof(TableIndex), nameof(TableName), nameof(Table), nameof(Sequence), nameof(ObjectKind), nameof(ConstraintKind),
        nameof(BatchMode), nameof(SqlTypeKind),
        nameof(CreateTableOperation), nameof(DropTableOperation), nameof(RenameTableOperation), nameof(TableCommentOperation),
        nameof(AddColumnOperation), nameof(DropColumnOperation), nameof(AlterColumnOperation), nameof(AddConstraintOperation),
        nameof(DropConstraintOperation), nameof(ExecuteSqlOperation), nameof(CreateIndexOperation), nameof(DropIndexOperation),
        nameof(CreateObjectOperation), nameof(ReplaceObjectOperation), nameof(DropObjectOperation), nameof(CreateSequenceOperation),
        nameof(DropSequenceOperation), nameof(AlterSequenceOperation),
    };

    // op's methods, less those whose operation depends on more than their arguments: InlineLiteral spells a value as the
    // database does, Restore* read another revision's definition, BulkInsert reads the properties of any object.
    private static readonly HashSet<string> OpMethods = new(
        typeof(Operations).GetMethods().Concat(typeof(BatchOperations).GetMethods())
            .Where(m => !m.IsStatic && m.DeclaringType != typeof(object))
            .Select(m => m.Name)
            .Where(n => n is not (nameof(Operations.InlineLiteral) or nameof(Operations.BulkInsert)) && !n.StartsWith("Restore", StringComparison.Ordinal)),
        StringComparer.Ordinal);

    private readonly HashSet<string> _shadowed;
    private readonly bool _extended;

    /// <param name="declaredTypes">The types the project's sources declare: their names could shadow Retort's, and an
    /// extension method among them could stand in for one of <c>op</c>'s.</param>
    /// <param name="compilation">The compilation, whose files' global aliases rename as a type would.</param>
    public RecordableCode(IReadOnlyList<INamedTypeSymbol> declaredTypes, Compilation compilation)
    {
        _shadowed = new HashSet<string>(declaredTypes.Select(t => t.Name), StringComparer.Ordinal);
        // The symbols' declaration flags say it without walking every file's syntax.
        _extended = declaredTypes.Any(t => t.MightContainExtensionMethods || t.TypeKind.ToString() == "Extension");
        // A global alias renames in every file (global using SqlType = Project.Types;), as a type of the project would.
        foreach (var tree in compilation.SyntaxTrees)
            if (tree.GetRoot() is CompilationUnitSyntax unit)
                _shadowed.UnionWith(unit.Usings.Where(u => u.GlobalKeyword != default && u.Alias is not null).Select(u => u.Alias!.Name.Identifier.ValueText));
    }

    /// <summary>
    /// Null when the revision class <paramref name="type"/> is made only of such code; else why not, as a phrase that
    /// follows the revision's file name ("line 7: `var name = …`").
    /// </summary>
    public string? Refusal(INamedTypeSymbol type, INamedTypeSymbol? migration)
    {
        if (_extended)
            return "the project declares an extension method, which could stand in for one of op's";
        if (!SymbolEqualityComparer.Default.Equals(type.BaseType, migration))
            return $"its class derives from {type.BaseType?.Name}, not Migration";
        if (type.DeclaringSyntaxReferences is not [var reference] || reference.GetSyntax() is not ClassDeclarationSyntax declaration
            || declaration.SyntaxTree.GetRoot() is not CompilationUnitSyntax unit)
            return "its class is declared in several parts";
        if (unit.Usings.Concat(declaration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().SelectMany(n => n.Usings))
                .FirstOrDefault(u => u.Alias is not null || u.StaticKeyword != default) is { } directive)
            return At(directive, "a using alias or using static");
        foreach (var member in declaration.Members)
        {
            if (member is not MethodDeclarationSyntax
                {
                    Identifier.ValueText: "Upgrade" or "Downgrade", TypeParameterList: null, ParameterList.Parameters: [var parameter],
                } method || !method.Modifiers.Any(SyntaxKind.OverrideKeyword) || method.Modifiers.Any(SyntaxKind.AsyncKeyword))
                return At(member, "a member other than the Upgrade and Downgrade overrides");
            var op = parameter.Identifier.ValueText;
            if (method.ExpressionBody is { } arrow && !Call(arrow.Expression, op))
                return At(arrow.Expression);
            if (method.Body?.Statements.FirstOrDefault(st => st is not ExpressionStatementSyntax e || !Call(e.Expression, op)) is { } statement)
                return At(statement);
        }
        return null;
    }

    // line 7: `var name = "t_" + id;` (what), the code cut at its first line and 60 characters.
    private static string At(SyntaxNode node, string? what = null)
    {
        var text = node.ToString().Split('\n')[0].Trim();
        if (text.Length > 60)
            text = text[..57] + "...";
        return $"line {node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: `{text}`{(what is null ? "" : $" ({what})")}";
    }

    // op.Method(args), optionally followed by .Lint(code, reason).
    private bool Call(ExpressionSyntax expression, string op) => expression switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Lint", Expression: InvocationExpressionSyntax inner } } lint =>
            Call(inner, op) && Arguments(lint.ArgumentList),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name: IdentifierNameSyntax name } } call =>
            receiver.Identifier.ValueText == op && OpMethods.Contains(name.Identifier.ValueText) && Arguments(call.ArgumentList)
            && !ReadsAnotherRevision(name.Identifier.ValueText, call.ArgumentList),
        _ => false,
    };

    // op.ReplaceView(name, definition, replaces: "rev"): a run reads the definition that revision gave (for the reverse),
    // which a recording made outside a run cannot; the replacement itself does not need it.
    private static bool ReadsAnotherRevision(string method, ArgumentListSyntax arguments) =>
        method.StartsWith("Replace", StringComparison.Ordinal)
        && arguments.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "replaces" || a.NameColon is null && arguments.Arguments.IndexOf(a) == 2);

    private bool Arguments(BaseArgumentListSyntax? arguments) =>
        arguments is null || arguments.Arguments.All(a => a.RefKindKeyword == default && Value(a.Expression));

    private bool Value(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax => true,
        InterpolatedStringExpressionSyntax s => s.Contents.All(c => c is InterpolatedStringTextSyntax),
        ParenthesizedExpressionSyntax p => Value(p.Expression),
        PrefixUnaryExpressionSyntax u => Value(u.Operand),
        BinaryExpressionSyntax b => Value(b.Left) && Value(b.Right),
        CastExpressionSyntax c => Plain(c.Type) && Value(c.Expression),
        ObjectCreationExpressionSyntax o => Named(o.Type) && Arguments(o.ArgumentList) && Initializer(o.Initializer),
        ImplicitObjectCreationExpressionSyntax o => Arguments(o.ArgumentList) && Initializer(o.Initializer),
        ArrayCreationExpressionSyntax a => Plain(a.Type.ElementType) && Initializer(a.Initializer),
        ImplicitArrayCreationExpressionSyntax a => Initializer(a.Initializer),
        CollectionExpressionSyntax c => c.Elements.All(e => e is ExpressionElementSyntax x && Value(x.Expression)),
        // SqlType.Integer, ObjectKind.View, Retort.SqlType.Integer
        MemberAccessExpressionSyntax m => Named(m.Expression) && m.Name is IdentifierNameSyntax,
        // SqlType.String(50)
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax m } i => Named(m.Expression) && Arguments(i.ArgumentList),
        // batch => { batch.AddColumn(...); }, for op.BatchAlterTable
        SimpleLambdaExpressionSyntax l => l.Modifiers.Count == 0 && Lambda(l.Block, l.ExpressionBody, l.Parameter.Identifier.ValueText),
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: [var p] } l => p.Type is null && l.Modifiers.Count == 0
            && Lambda(l.Block, l.ExpressionBody, p.Identifier.ValueText),
        _ => false,
    };

    private bool Lambda(BlockSyntax? block, ExpressionSyntax? body, string parameter) =>
        body is not null ? Call(body, parameter)
        : block is not null && block.Statements.All(s => s is ExpressionStatementSyntax e && Call(e.Expression, parameter));

    private bool Initializer(InitializerExpressionSyntax? initializer) =>
        initializer is null || initializer.Expressions.All(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax } a ? Value(a.Right) : Value(e));

    // A Retort value type, by its name or as Retort.Name / Retort.Ops.Name, that no type of the project shadows.
    private bool Named(SyntaxNode type) => type switch
    {
        IdentifierNameSyntax name => ValueTypes.Contains(name.Identifier.ValueText) && !_shadowed.Contains(name.Identifier.ValueText),
        QualifiedNameSyntax q => Namespace(q.Left) && Named(q.Right),
        MemberAccessExpressionSyntax m => Namespace(m.Expression) && Named(m.Name),
        _ => false,
    };

    private static bool Namespace(SyntaxNode node) => node.ToString() is "Retort" or "Retort.Ops" or "global::Retort" or "global::Retort.Ops";

    // string, int?, bool[]: the language's own types, or a Retort value type.
    private bool Plain(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax => true,
        NullableTypeSyntax n => Plain(n.ElementType),
        ArrayTypeSyntax a => Plain(a.ElementType),
        _ => Named(type),
    };
}
