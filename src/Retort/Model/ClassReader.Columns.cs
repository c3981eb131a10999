using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;

namespace Retort.Model;

internal sealed partial class ClassReader
{
    /// <summary>The property's column, or null for a navigation property; fails on a property that is neither.</summary>
    private ModelColumn? ReadColumn(Type type, PropertyInfo property, MemberAttributes attributes)
    {
        var column = attributes.Get<ColumnAttribute>();
        SqlType? sqlType = column?.TypeName is { } typeName ? TypeNameParser.Parse(typeName) : ClrTypes.For(property.PropertyType);
        if (sqlType is null)
        {
            if (!IsNavigation(property.PropertyType))
                throw Error(type, property, $"{ClrTypes.Display(property.PropertyType)} is neither a column type nor one of the model's " +
                    "classes; mark the property [NotMapped] or give it [Column(TypeName = \"...\")]");
            var stray = ColumnOnlyAttributes.FirstOrDefault(attributes.Has);
            return stray is null ? null
                : throw Error(type, property, $"[{ShortName(stray)}] is for columns, and this is a navigation property");
        }
        if (column?.TypeName is null)
            sqlType = Refined(type, property, attributes, sqlType);
        else if (attributes.Has<PrecisionAttribute>())
            throw Error(type, property, "has both [Precision] and [Column(TypeName)]; give the precision in the type name");

        var generated = attributes.Get<DatabaseGeneratedAttribute>()?.DatabaseGeneratedOption;
        var computed = attributes.Get<ComputedAttribute>();
        if (generated == DatabaseGeneratedOption.Computed && computed is null)
            throw Error(type, property, "[DatabaseGenerated(Computed)] does not say how the column is computed; " +
                "give the expression with [Computed(\"...\")], or use [ServerDefault(\"...\")] for a default");
        if (computed is not null && (generated == DatabaseGeneratedOption.Identity || attributes.Has<ServerDefaultAttribute>()))
            throw Error(type, property, $"[Computed] cannot go with {(attributes.Has<ServerDefaultAttribute>() ? "[ServerDefault]" : "[DatabaseGenerated(Identity)]")}: a computed column has neither; keep one");
        bool identity = generated == DatabaseGeneratedOption.Identity;
        if (identity && sqlType.Kind is not (SqlTypeKind.SmallInteger or SqlTypeKind.Integer or SqlTypeKind.BigInteger))
            throw Error(type, property, $"[DatabaseGenerated(Identity)] needs an integer column, not {sqlType.Kind}");

        bool key = attributes.Has<KeyAttribute>();
        bool nullable = !key && !attributes.Has<RequiredAttribute>() && IsNullable(property);
        var result = new Column(column?.Name ?? SnakeCase.Apply(property.Name, options.Naming), sqlType, nullable, key, identity,
            attributes.Get<ServerDefaultAttribute>()?.Sql,
            attributes.Get<CommentAttribute>()?.Text, computed: computed?.Sql, stored: computed?.Stored ?? false)
        {
            RenamedFrom = attributes.Get<RenamedFromAttribute>()?.Names ?? [],
        };
        return new ModelColumn(property, attributes, result, column?.Order ?? -1, generated);
    }

    /// <summary>The CLR type's column type with <c>[MaxLength]</c>, <c>[StringLength]</c> and <c>[Precision]</c> applied.</summary>
    private static SqlType Refined(Type type, PropertyInfo property, MemberAttributes attributes, SqlType sqlType)
    {
        int? maxLength = attributes.Get<MaxLengthAttribute>()?.Length;
        int? stringLength = attributes.Get<StringLengthAttribute>()?.MaximumLength;
        if (maxLength is not null && stringLength is not null && maxLength != stringLength)
            throw Error(type, property, $"[MaxLength({maxLength})] and [StringLength({stringLength})] disagree; keep one");
        if ((maxLength ?? stringLength) is { } given)
        {
            // MaxLength without an argument is -1: as long as the database allows.
            int? length = given switch
            {
                -1 => null,
                > 0 => given,
                _ => throw Error(type, property, $"a maximum length of {given} holds nothing; give a positive one"),
            };
            sqlType = sqlType.Kind switch
            {
                SqlTypeKind.Text => length is null ? SqlType.Text : SqlType.String(length.Value),
                SqlTypeKind.Binary => SqlType.Binary(length),
                _ => throw Error(type, property, $"[MaxLength] and [StringLength] apply to string and byte[] properties, not {ClrTypes.Display(property.PropertyType)}"),
            };
        }
        if (attributes.Get<PrecisionAttribute>() is { } precision)
        {
            if ((Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) != typeof(decimal))
                throw Error(type, property, $"[Precision] applies to decimal properties, not {ClrTypes.Display(property.PropertyType)}");
            if (precision.Precision < 1 || precision.Scale < 0 || precision.Scale > precision.Precision)
                throw Error(type, property, $"[Precision({precision.Precision}, {precision.Scale})] needs precision ≥ 1 and 0 ≤ scale ≤ precision");
            sqlType = SqlType.Numeric(precision.Precision, precision.Scale);
        }
        return sqlType;
    }

    /// <summary>Nullable value types, and reference types unless nullable annotations say not null (oblivious code is nullable).</summary>
    private bool IsNullable(PropertyInfo property) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : _nullability.Create(property).ReadState != NullabilityState.NotNull;

    /// <summary>A reference to a model class, or a collection of them.</summary>
    private bool IsNavigation(Type type)
    {
        if (type.IsValueType || type == typeof(object))
            return false;
        if (isModelClass(type))
            return true;
        var element = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return element is not null && isModelClass(element.GetGenericArguments()[0]) && typeof(IEnumerable).IsAssignableFrom(type);
    }
}
