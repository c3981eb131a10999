namespace Retort.Model;

/// <summary>
/// Marks Retort's own base classes (a revision's <c>Migration</c>, the project's <c>MigrationEnvironment</c>): they and
/// every class derived from them are project code that sits beside the model classes, never tables.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
internal sealed class NotAModelClassAttribute : Attribute;
