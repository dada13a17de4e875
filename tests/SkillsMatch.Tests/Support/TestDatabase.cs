using Dapper;
using Npgsql;
using SkillsMatch.Storage;

namespace SkillsMatch.Tests.Support;

/// <summary>
/// The real PostgreSQL the tests run against. test.sh ensures the test cluster, creates a fresh database
/// for the run and passes it in SKILLSMATCH_TEST_CONNECTION; a bare <c>dotnet test</c> ensures the test
/// cluster itself. Never the run cluster, so tests never touch a user's data.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<string>> RunConnection = new(ResolveRunConnectionAsync);
    private static readonly Lazy<Task<NpgsqlDataSource>> Migrated = new(MigrateRunDatabaseAsync);

    /// <summary>What test.sh puts in SKILLSMATCH_TEST_CONNECTION when it runs unit tests only.</summary>
    public const string UnitOnly = "unit-only";

    /// <summary>The per-run database, migrated once; tests isolate their rows by unique ids.</summary>
    public static Task<NpgsqlDataSource> MigratedDataSourceAsync() => Migrated.Value;

    public static Task<string> ConnectionStringAsync() => RunConnection.Value;

    /// <summary>A brand-new empty database on the test server, for tests that need one to themselves.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(await RunConnection.Value);
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        }
        builder.Database = name;
        return builder.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database!;
        NpgsqlConnection.ClearAllPools();
        builder.Database = "postgres";
        await using var admin = new NpgsqlConnection(builder.ConnectionString);
        await admin.OpenAsync();
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task<string> ResolveRunConnectionAsync()
    {
        var fromScript = Environment.GetEnvironmentVariable("SKILLSMATCH_TEST_CONNECTION");
        // `./test.sh --unit` starts no database: a test that reaches for one must not carry the Unit trait.
        if (fromScript == UnitOnly)
            throw new InvalidOperationException("this test needs PostgreSQL, so it must not carry [Trait(\"Category\", \"Unit\")]");
        if (!string.IsNullOrWhiteSpace(fromScript)) return fromScript;
        return await EmbeddedCluster.EnsureAsync(new DatabaseOptions { EmbeddedCluster = "test", EmbeddedDatabase = "skillsmatch_test" });
    }

    private static async Task<NpgsqlDataSource> MigrateRunDatabaseAsync()
    {
        var connectionString = await RunConnection.Value;
        new Migrator(Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance).Migrate(connectionString);
        return Database.CreateDataSource(connectionString);
    }
}
