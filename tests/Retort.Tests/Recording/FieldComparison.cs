using System.Collections;
using System.Reflection;

namespace Retort.Tests.Recording;

/// <summary>
/// Compares two object graphs by every instance field, public or not, of each type and its bases (lists element by
/// element): unlike a record's Equals, it also sees internal and derived fields, which a recording must keep too.
/// </summary>
internal static class FieldComparison
{
    public static void AssertSame(object? expected, object? actual, string path = "value")
    {
        if (Difference(expected, actual, path) is { } difference)
            Assert.Fail(difference);
    }

    public static string? Difference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
            return expected is null && actual is null ? null : $"{path}: {Show(expected)} != {Show(actual)}";
        if (expected is string or bool or int or long or double or decimal or Enum)
            return expected.Equals(actual) && expected.GetType() == actual.GetType() ? null : $"{path}: {Show(expected)} != {Show(actual)}";
        if (expected is Delegate)
            return ReferenceEquals(expected, actual) ? null : $"{path}: another delegate";
        if (expected is IEnumerable items)
        {
            if (actual is not IEnumerable others)
                return $"{path}: a list became {actual.GetType()}";
            var (left, right) = (items.Cast<object?>().ToList(), others.Cast<object?>().ToList());
            if (left.Count != right.Count)
                return $"{path}: {left.Count} item(s) became {right.Count}";
            return left.Select((item, i) => Difference(item, right[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        }
        if (expected.GetType() != actual.GetType())
            return $"{path}: {expected.GetType()} became {actual.GetType()}";
        foreach (var field in Fields(expected.GetType()))
        {
            if (Difference(field.GetValue(expected), field.GetValue(actual), $"{path}.{field.Name}") is { } difference)
                return difference;
        }
        return null;
    }

    /// <summary>The instance fields of <paramref name="type"/> and of its bases.</summary>
    public static IEnumerable<FieldInfo> Fields(Type type)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                yield return field;
        }
    }

    private static string Show(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";
}
