using Dapper;
using SkillsMatch.Cli;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Cli;

public sealed class KeyCommandTests
{
    [Fact]
    public async Task Keys_create_list_and_revoke_and_bad_input_exits_non_zero_storing_nothing()
    {
        var connection = await TestDatabase.ConnectionStringAsync();
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var learner = await TestLearners.CreateAsync();
        var label = "cli " + Guid.NewGuid();

        var created = await SkillsMatchCli.RunAsync(["keys", "create", "--role", "learner", "--learner", learner.ToString(), "--label", label, "--connection", connection]);
        var listed = await SkillsMatchCli.RunAsync(["keys", "list", "--connection", connection]);
        await using var conn = await dataSource.OpenConnectionAsync();
        var id = await conn.QuerySingleAsync<Guid>("SELECT id FROM api_keys WHERE label = @label", new { label });
        var revoked = await SkillsMatchCli.RunAsync(["keys", "revoke", id.ToString(), "--connection", connection]);

        Assert.Equal(0, created);
        Assert.Equal(0, listed);
        Assert.Equal(0, revoked);
        Assert.True(await conn.ExecuteScalarAsync<bool>("SELECT revoked_at IS NOT NULL FROM api_keys WHERE id = @id", new { id }));

        var badLabel = "bad " + Guid.NewGuid();
        Assert.Equal(1, await SkillsMatchCli.RunAsync(["keys", "create", "--role", "boss", "--label", badLabel, "--connection", connection]));
        Assert.Equal(1, await SkillsMatchCli.RunAsync(["keys", "create", "--role", "learner", "--label", badLabel, "--connection", connection]));
        Assert.Equal(1, await SkillsMatchCli.RunAsync(["keys", "create", "--role", "learner", "--learner", Guid.NewGuid().ToString(), "--label", badLabel, "--connection", connection]));
        Assert.Equal(1, await SkillsMatchCli.RunAsync(["keys", "revoke", Guid.NewGuid().ToString(), "--connection", connection]));
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM api_keys WHERE label = @badLabel", new { badLabel }));
    }
}
