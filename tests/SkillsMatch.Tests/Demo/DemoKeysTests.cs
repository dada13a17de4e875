using Dapper;
using SkillsMatch.Access;
using SkillsMatch.Demo;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Demo;

public sealed class DemoKeysTests
{
    [Fact]
    public async Task Bootstrap_creates_an_admin_and_one_key_per_role_then_only_what_is_missing()
    {
        var connection = await TestDatabase.CreateEmptyDatabaseAsync();
        try
        {
            new SkillsMatch.Storage.Migrator(Microsoft.Extensions.Logging.Abstractions.NullLogger<SkillsMatch.Storage.Migrator>.Instance).Migrate(connection);
            await using var dataSource = SkillsMatch.Storage.Database.CreateDataSource(connection);
            var bootstrap = new DemoKeys(dataSource, new ApiKeyStore(dataSource), new FirstAdminKey(dataSource, new ApiKeyStore(dataSource)));

            var first = await bootstrap.EnsureAsync();
            var again = await bootstrap.EnsureAsync();
            await using (var conn = await dataSource.OpenConnectionAsync())
                await conn.ExecuteAsync("INSERT INTO learners (display_name, is_demo) VALUES ('Demo Dana', true), ('Real Rita', false)");
            var afterDemoData = await bootstrap.EnsureAsync();

            Assert.Equal([Role.Admin, Role.Practitioner, Role.Employer, Role.Issuer], first.Select(k => k.Key.Role));
            Assert.Empty(again);
            var learnerKey = Assert.Single(afterDemoData);
            Assert.Equal(Role.Learner, learnerKey.Key.Role);
            Assert.Equal("demo learner Demo Dana", learnerKey.Key.Label);
            Assert.NotNull(await new ApiKeyStore(dataSource).FindActiveAsync(learnerKey.Secret));
        }
        finally
        {
            await TestDatabase.DropDatabaseAsync(connection);
        }
    }
}
