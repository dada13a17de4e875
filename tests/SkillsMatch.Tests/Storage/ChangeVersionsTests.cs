using Dapper;
using Npgsql;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Storage;

/// <summary>The <c>change_versions</c> counters (migration 0013) that remembered matches are checked against.</summary>
public sealed class ChangeVersionsTests
{
    [Fact]
    public async Task Writers_touching_a_posting_in_opposite_orders_do_not_deadlock_and_each_bumps_the_counter()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var setup = await dataSource.OpenConnectionAsync();
        var posting = await setup.ExecuteScalarAsync<Guid>(
            "INSERT INTO job_postings (external_id, title, description, source) VALUES (@key, 'Versions', 'Counts.', '{}') RETURNING id",
            new { key = $"versions:{Guid.NewGuid():N}" });
        const string Version = "SELECT version FROM change_versions WHERE name = 'postings'";
        var before = await setup.ExecuteScalarAsync<long>(Version);

        // An employer's skill edit (skills, then the posting row) against a re-import (the posting row, then skills).
        await using var edit = await dataSource.OpenConnectionAsync();
        await using var reimport = await dataSource.OpenConnectionAsync();
        await using var editTx = await edit.BeginTransactionAsync();
        await using var reimportTx = await reimport.BeginTransactionAsync();
        await edit.ExecuteAsync("UPDATE job_posting_skills SET confidence = confidence WHERE posting_id = @posting", new { posting }, editTx);
        var reimporting = Task.Run(async () =>
        {
            await reimport.ExecuteAsync("UPDATE job_postings SET title = 'Versions again' WHERE id = @posting", new { posting }, reimportTx);
            await reimport.ExecuteAsync("UPDATE job_posting_skills SET confidence = confidence WHERE posting_id = @posting", new { posting }, reimportTx);
            await reimportTx.CommitAsync();
        });
        await Task.Delay(300);
        await edit.ExecuteAsync("UPDATE job_postings SET title = 'Versions edited' WHERE id = @posting", new { posting }, editTx);
        await editTx.CommitAsync();
        await reimporting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(await setup.ExecuteScalarAsync<long>(Version) >= before + 4);
        Assert.Equal("Versions again", await setup.ExecuteScalarAsync<string>("SELECT title FROM job_postings WHERE id = @posting", new { posting }));
    }
}
