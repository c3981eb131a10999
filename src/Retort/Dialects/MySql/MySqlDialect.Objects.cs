using Retort.Ops;

namespace Retort.Dialects.MySql;

public sealed partial class MySqlDialect
{
    /// <summary>
    /// Replaces a view with CREATE OR REPLACE VIEW. MariaDB replaces routines the same way; MySQL has no
    /// CREATE OR REPLACE for them, so it drops the old one first
    /// (https://dev.mysql.com/doc/refman/8.0/en/create-procedure.html, https://mariadb.com/kb/en/create-function/).
    /// </summary>
    protected override IReadOnlyList<SqlStatement> ReplaceObject(ReplaceObjectOperation operation)
    {
        if (operation.Kind == ObjectKind.View || MariaDb)
            return base.ReplaceObject(operation);
        return
        [
            new($"DROP {ObjectWord(operation.Kind)} IF EXISTS {Quote(operation.Name)}"),
            new(ObjectDefinition("CREATE", operation.Kind, operation.Name, operation.Definition)),
        ];
    }

    /// <summary>
    /// Ends a statement for a script. A statement with a semicolon of its own (a routine's BEGIN … END body)
    /// is set between DELIMITER lines, so that the mysql client sends it whole rather than cutting it at the
    /// first semicolon (https://dev.mysql.com/doc/refman/8.0/en/stored-programs-defining.html). Online
    /// nothing is needed: each statement goes to the server on its own.
    /// </summary>
    public override string ScriptStatement(string sql)
    {
        // A semicolon inside a string, a quoted name or a comment does not end the statement for the mysql client.
        if (!SqlTokenizer.Tokens(sql, MySqlLexicon.Rules).Any(t => t.Is(";")))
            return base.ScriptStatement(sql);
        var delimiter = DelimiterFor(sql);
        return $"DELIMITER {delimiter}\n{sql}{delimiter}\nDELIMITER {StatementTerminator}";
    }

    // A DELIMITER that does not occur in the statement.
    private static string DelimiterFor(string sql)
    {
        string[] candidates = ["//", "$$", ";;"];
        var found = candidates.FirstOrDefault(d => !sql.Contains(d, StringComparison.Ordinal));
        for (var n = 2; found is null; n++)
            found = sql.Contains("//" + n, StringComparison.Ordinal) ? null : "//" + n;
        return found;
    }

    /// <summary>
    /// MariaDB 10.3+ has sequences (https://mariadb.com/kb/en/create-sequence/), spells NO CYCLE as NOCYCLE and, before
    /// 11.5, takes no type: a sequence is bigint there whatever it is declared as. MySQL has none.
    /// </summary>
    private protected override SequenceSql Sequences => MariaDb ? new(this, types: false, noCycle: "NOCYCLE")
        : throw new NotSupportedException("mysql: MySQL has no sequences (MariaDB 10.3+ has); number rows with an AUTO_INCREMENT column");
}
