using System.Data;
using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace SkillsMatch.Storage;

/// <summary>jsonb columns read as <see cref="JsonElement"/> (Npgsql returns their text) and written as jsonb.</summary>
public sealed class JsonElementTypeHandler : SqlMapper.TypeHandler<JsonElement>
{
    public override JsonElement Parse(object value)
    {
        using var document = JsonDocument.Parse((string)value);
        return document.RootElement.Clone();
    }

    public override void SetValue(IDbDataParameter parameter, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.Value = value.GetRawText();
        if (parameter is NpgsqlParameter npgsql) npgsql.NpgsqlDbType = NpgsqlDbType.Jsonb;
    }
}
