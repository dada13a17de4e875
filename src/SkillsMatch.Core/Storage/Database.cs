using Dapper;
using Npgsql;
using Pgvector.Npgsql;

namespace SkillsMatch.Storage;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> the program uses, with pgvector and Dapper set up.</summary>
public static class Database
{
    private static int dapperConfigured;

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        ConfigureDapper();
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        return builder.Build();
    }

    public static void ConfigureDapper()
    {
        if (Interlocked.Exchange(ref dapperConfigured, 1) == 1) return;
        SqlMapper.AddTypeHandler(new VectorTypeHandler());
        SqlMapper.AddTypeHandler(new JsonElementTypeHandler());
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <summary>The configured connection string, or the embedded cluster's when none is configured.</summary>
    public static async Task<string> ResolveConnectionStringAsync(DatabaseOptions options, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? await EmbeddedCluster.EnsureAsync(options, ct)
            : options.ConnectionString;
}
