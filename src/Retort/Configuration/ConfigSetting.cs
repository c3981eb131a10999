using System.Text.Json;

namespace Retort.Configuration;

/// <summary>One setting of <c>retort.json</c> as <see cref="ConfigSettings"/> declares it, seen without its type.</summary>
internal abstract class ConfigSetting(string name, string shownDefault, string doc)
{
    /// <summary>The setting's JSON name.</summary>
    public string Name { get; } = name;

    /// <summary>The default as the README shows it, in Markdown; empty when there is none worth showing.</summary>
    public string ShownDefault { get; } = shownDefault;

    /// <summary>The README's one line about the setting.</summary>
    public string Doc { get; } = doc;

    /// <summary>The settings inside an object-valued setting (the model's), each a row of its own in the README.</summary>
    public virtual IReadOnlyList<ConfigSetting> Parts => [];
}

/// <summary>A setting whose value lands in a <typeparamref name="TTarget"/>: <see cref="RetortConfig"/> or <see cref="ModelSettings"/>.</summary>
internal abstract class ConfigSetting<TTarget>(string name, string shownDefault, string doc) : ConfigSetting(name, shownDefault, doc)
{
    /// <summary>False for a name that is allowed but not a value of its own (<c>sections</c>, <c>$schema</c>).</summary>
    public abstract bool IsRead { get; }

    /// <summary>The value when the file does not set it.</summary>
    public abstract object? DefaultValue { get; }

    /// <summary>The value of <paramref name="value"/>, or an error naming <paramref name="key"/> that says what it must be.</summary>
    public abstract object? Read(ConfigReader reader, string key, JsonElement value);

    /// <summary>What the final value breaks, worded to follow "'NAME' must ", or null when it is fine.</summary>
    public abstract string? Check(object? value, ConfigReader values);

    /// <summary><paramref name="target"/> with the value in place.</summary>
    public abstract TTarget Apply(TTarget target, object? value);
}

/// <summary>A setting with values of type <typeparamref name="T"/>.</summary>
internal sealed class ConfigSetting<TTarget, T>(
    string name,
    T defaultValue,
    string shownDefault,
    string doc,
    Func<ConfigReader, string, JsonElement, T>? read,
    Func<TTarget, T, TTarget> apply,
    Func<T, ConfigReader, string?>? check = null,
    IReadOnlyList<ConfigSetting>? parts = null) : ConfigSetting<TTarget>(name, shownDefault, doc)
{
    /// <summary>The value when the file does not set it.</summary>
    public T Default { get; } = defaultValue;

    /// <inheritdoc />
    public override IReadOnlyList<ConfigSetting> Parts => parts ?? [];

    /// <inheritdoc />
    public override bool IsRead => read is not null;

    /// <inheritdoc />
    public override object? DefaultValue => Default;

    /// <inheritdoc />
    public override object? Read(ConfigReader reader, string key, JsonElement value) =>
        (read ?? throw new InvalidOperationException($"'{Name}' is not read as a value"))(reader, key, value);

    /// <inheritdoc />
    public override string? Check(object? value, ConfigReader values) => check?.Invoke((T)value!, values);

    /// <inheritdoc />
    public override TTarget Apply(TTarget target, object? value) => apply(target, (T)value!);
}
