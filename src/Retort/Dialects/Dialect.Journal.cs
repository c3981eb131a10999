namespace Retort.Dialects;

public abstract partial class Dialect
{
    /// <summary>
    /// Whether <paramref name="statement"/> commits by itself, so cannot share a transaction with the record that it
    /// ran (MySQL's DDL). Where DDL is transactional nothing does.
    /// </summary>
    internal virtual bool CommitsItself(SqlStatement statement) => false;

    /// <summary>
    /// A query whose first column is 1 when <paramref name="effect"/>'s object exists, 0 when not; null where the
    /// dialect cannot ask. Settles a statement that was in flight when a run stopped.
    /// </summary>
    internal virtual SqlStatement? PresenceQuery(StatementEffect effect) => null;

    /// <summary>
    /// A query listing the server sessions, other than this one, still running <paramref name="sql"/>: a statement a
    /// stopped client sent goes on on the server, and must end before its effect can be looked at. Null where the
    /// database cannot tell.
    /// </summary>
    internal virtual SqlStatement? RunningElsewhereQuery(string sql) => null;
}
