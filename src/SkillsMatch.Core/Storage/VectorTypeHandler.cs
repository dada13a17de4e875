using System.Data;
using Dapper;
using Pgvector;

namespace SkillsMatch.Storage;

/// <summary>Lets Dapper pass and read pgvector <see cref="Vector"/> values (Pgvector.Dapper is not available here).</summary>
public sealed class VectorTypeHandler : SqlMapper.TypeHandler<Vector?>
{
    public override Vector? Parse(object value) => value switch
    {
        Vector vector => vector,
        float[] array => new Vector(array),
        _ => throw new DataException($"Cannot convert {value.GetType()} to a pgvector Vector."),
    };

    public override void SetValue(IDbDataParameter parameter, Vector? value)
    {
        parameter.Value = value is null ? DBNull.Value : value;
        if (parameter is Npgsql.NpgsqlParameter npgsql)
            npgsql.DataTypeName = "vector";
    }
}
