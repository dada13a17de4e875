using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SkillsMatch.Storage;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Storage;

public sealed class MigrationTests : IAsyncLifetime
{
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await TestDatabase.CreateEmptyDatabaseAsync();

    public Task DisposeAsync() => TestDatabase.DropDatabaseAsync(connectionString);

    [Fact]
    public async Task Migrations_apply_in_order_to_an_empty_database_and_record_each_script()
    {
        var result = new Migrator(NullLogger<Migrator>.Instance).Migrate(connectionString);

        Assert.NotEmpty(result.Applied);
        Assert.Equal("0001_vector_extension.sql", result.Applied[0]);
        Assert.Equal(result.Applied.Order(StringComparer.Ordinal), result.Applied);

        await using var conn = new NpgsqlConnection(connectionString);
        var vector = await conn.QuerySingleOrDefaultAsync<string>("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
        Assert.NotNull(vector);
        var journal = (await conn.QueryAsync<string>("SELECT scriptname FROM schema_versions ORDER BY schemaversionsid")).ToList();
        Assert.Equal(result.Applied.Count, journal.Count);
    }

    [Fact]
    public async Task Second_start_applies_nothing_and_leaves_the_journal_unchanged()
    {
        var migrator = new Migrator(NullLogger<Migrator>.Instance);
        migrator.Migrate(connectionString);
        await using var conn = new NpgsqlConnection(connectionString);
        var before = await conn.QuerySingleAsync<long>("SELECT count(*) FROM schema_versions");

        var second = migrator.Migrate(connectionString);

        Assert.Empty(second.Applied);
        Assert.Equal(before, await conn.QuerySingleAsync<long>("SELECT count(*) FROM schema_versions"));
    }
}
