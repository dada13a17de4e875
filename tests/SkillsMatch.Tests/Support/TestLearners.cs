using Dapper;

namespace SkillsMatch.Tests.Support;

/// <summary>Learner rows written straight to the test database (the learners API is another feature's).</summary>
public static class TestLearners
{
    public static async Task<Guid> CreateAsync(string name = "Test Learner")
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<Guid>(
            "INSERT INTO learners (display_name, email, region) VALUES (@name, @email, 'CA-ON') RETURNING id",
            new { name, email = $"{Guid.NewGuid():N}@example.test" });
    }
}
