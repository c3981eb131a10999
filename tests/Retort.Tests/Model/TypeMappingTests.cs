using Retort.Model;
using Retort.Tests.Model.Samples.Types;

namespace Retort.Tests.Model;

/// <summary>CLR types to column types, <c>[MaxLength]</c>, <c>[Precision]</c> and <c>[Column(TypeName)]</c>.</summary>
public sealed class TypeMappingTests
{
    [Fact]
    public void Every_supported_CLR_type_maps_to_its_column_type()
    {
        var columns = SchemaModel.FromTypes([typeof(EveryType)]).Tables[0].Columns.ToDictionary(c => c.Name, c => c.Type);

        Assert.Equal(new Dictionary<string, SqlType>
        {
            ["Flag"] = SqlType.Boolean,
            ["Byte"] = SqlType.SmallInteger,
            ["SByte"] = SqlType.SmallInteger,
            ["Short"] = SqlType.SmallInteger,
            ["UShort"] = SqlType.Integer,
            ["Int"] = SqlType.Integer,
            ["UInt"] = SqlType.BigInteger,
            ["Long"] = SqlType.BigInteger,
            ["ULong"] = SqlType.Numeric(20, 0),
            ["Money"] = SqlType.Numeric(18, 2),
            ["Double"] = SqlType.Double,
            ["Float"] = SqlType.Float,
            ["Letter"] = SqlType.Char(1),
            ["Text"] = SqlType.Text,
            ["Limited"] = SqlType.String(40),
            ["Stated"] = SqlType.String(30),
            ["Unlimited"] = SqlType.Text,
            ["Both"] = SqlType.String(40),
            ["At"] = SqlType.DateTime,
            ["Instant"] = SqlType.DateTimeOffset,
            ["Day"] = SqlType.Date,
            ["Clock"] = SqlType.Time,
            ["Uuid"] = SqlType.Guid,
            ["Bytes"] = SqlType.Binary(),
            ["Hash"] = SqlType.Binary(16),
            ["Document"] = SqlType.Json,
            ["Element"] = SqlType.Json,
            ["Node"] = SqlType.Json,
            ["Status"] = SqlType.Integer,
            ["Tiny"] = SqlType.SmallInteger,
            ["Wide"] = SqlType.BigInteger,
            ["Named"] = SqlType.String(12),
            ["Exact"] = SqlType.Numeric(10, 3),
            ["Whole"] = SqlType.Numeric(6, 0),
            ["Elapsed"] = SqlType.Raw("interval"),
            ["Numbers"] = SqlType.Raw("integer[]"),
        }, columns);
    }

    [Theory]
    [InlineData("varchar(20)", "SqlType.String(20)")]
    [InlineData("VARCHAR (20)", "SqlType.String(20)")]
    [InlineData("character varying(20)", "SqlType.String(20)")]
    [InlineData("nvarchar(20)", "SqlType.String(20)")]
    [InlineData("char(3)", "SqlType.Char(3)")]
    [InlineData("character(3)", "SqlType.Char(3)")]
    [InlineData("numeric(10,2)", "SqlType.Numeric(10, 2)")]
    [InlineData("decimal(10, 2)", "SqlType.Numeric(10, 2)")]
    [InlineData("numeric(8)", "SqlType.Numeric(8)")]
    [InlineData("numeric", "SqlType.Numeric()")]
    [InlineData("varbinary(16)", "SqlType.Binary(16)")]
    [InlineData("bytea", "SqlType.Binary()")]
    [InlineData("smallint", "SqlType.SmallInteger")]
    [InlineData("int", "SqlType.Integer")]
    [InlineData("integer", "SqlType.Integer")]
    [InlineData("int8", "SqlType.BigInteger")]
    [InlineData("bigint", "SqlType.BigInteger")]
    [InlineData("text", "SqlType.Text")]
    [InlineData("bool", "SqlType.Boolean")]
    [InlineData("boolean", "SqlType.Boolean")]
    [InlineData("date", "SqlType.Date")]
    [InlineData("time", "SqlType.Time")]
    [InlineData("timestamp", "SqlType.DateTime")]
    [InlineData("timestamp without time zone", "SqlType.DateTime")]
    [InlineData("timestamptz", "SqlType.DateTimeOffset")]
    [InlineData("Timestamp  With Time Zone", "SqlType.DateTimeOffset")]
    [InlineData("real", "SqlType.Float")]
    [InlineData("double precision", "SqlType.Double")]
    [InlineData("uuid", "SqlType.Guid")]
    [InlineData("json", "SqlType.Json")]
    [InlineData("jsonb", "SqlType.Json")]
    [InlineData("datetime", "SqlType.Raw(\"datetime\")")]
    [InlineData("float", "SqlType.Raw(\"float\")")]
    [InlineData("timestamp(3)", "SqlType.Raw(\"timestamp(3)\")")]
    [InlineData("varchar(0)", "SqlType.Raw(\"varchar(0)\")")]
    [InlineData("citext", "SqlType.Raw(\"citext\")")]
    [InlineData(" MEDIUMTEXT ", "SqlType.Raw(\"MEDIUMTEXT\")")]
    [InlineData("text[]", "SqlType.Raw(\"text[]\")")]
    public void A_type_name_is_the_generic_type_it_names_or_raw_as_written(string typeName, string expected)
    {
        Assert.Equal(expected, TypeNameParser.Parse(typeName).ToString());
    }
}
