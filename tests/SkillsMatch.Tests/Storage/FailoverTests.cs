using System.Diagnostics;
using Dapper;
using Npgsql;
using SkillsMatch.Storage;
using SkillsMatch.Tests.Support;
using Xunit.Abstractions;

namespace SkillsMatch.Tests.Storage;

/// <summary>
/// A pg_auto_failover formation of its own (scripts/postgres.sh formation: monitor, primary, synchronous secondary):
/// the primary is killed while a writer writes through the program's own data source; the secondary is promoted,
/// writes resume within <see cref="ResumeWithin"/>, and every acknowledged write is on the new primary.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    /// <summary>The stated bound (docs/scale.md): ~3 s to call the node dead, 5 s demote timeout, promotion, reconnect.</summary>
    public static readonly TimeSpan ResumeWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Killing_the_primary_promotes_the_secondary_writes_resume_and_no_acknowledged_write_is_lost()
    {
        await using var clusters = new ReplicatedClusters();
        var formation = await clusters.StartFormationAsync();
        // The program's data source over both nodes; a short host recheck and timeouts so it finds the new primary fast.
        await using var dataSource = Database.CreateDataSource(formation + ";Host Recheck Seconds=1;Timeout=2;Command Timeout=5");
        await using (var conn = await dataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("CREATE TABLE acknowledged (id int PRIMARY KEY)");
            // pg_auto_failover keeps the secondary synchronous while it is healthy: an acknowledged commit is on both.
            Assert.StartsWith("ANY 1", await conn.ExecuteScalarAsync<string>("SHOW synchronous_standby_names"), StringComparison.Ordinal);
            Assert.Equal("on", await conn.ExecuteScalarAsync<string>("SHOW synchronous_commit"));
        }

        var acknowledged = new List<int>();
        var killedAt = TimeSpan.Zero;
        TimeSpan? resumedAt = null;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var id = 1; !stop.IsCancellationRequested; id++)
            {
                try
                {
                    await using var conn = await dataSource.OpenConnectionAsync();
                    await conn.ExecuteAsync("INSERT INTO acknowledged VALUES (@id)", new { id });
                    acknowledged.Add(id);
                    if (killedAt > TimeSpan.Zero && resumedAt is null) resumedAt = clock.Elapsed;
                    if (resumedAt is not null && clock.Elapsed - resumedAt > TimeSpan.FromSeconds(1)) return;
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    dataSource.Clear(); // the old primary's connections are dead
                    await Task.Delay(100);
                }
                await Task.Delay(20);
            }
        });
        await Task.Delay(2000);
        Assert.NotEmpty(acknowledged);
        killedAt = clock.Elapsed;
        await clusters.KillAsync(ReplicatedClusters.Name + "-n1");
        await Task.WhenAny(writer, Task.Delay(ResumeWithin + TimeSpan.FromSeconds(10)));
        stop.Cancel();
        await writer;

        Assert.NotNull(resumedAt);
        var resumeTime = resumedAt.Value - killedAt;
        output.WriteLine($"writes resumed {resumeTime.TotalSeconds:F1} s after the primary was killed; {acknowledged.Count} writes acknowledged");
        Assert.True(resumeTime < ResumeWithin, $"writes resumed only after {resumeTime.TotalSeconds:F1} s");
        await using var check = await dataSource.OpenConnectionAsync();
        Assert.False(await check.ExecuteScalarAsync<bool>("SELECT pg_is_in_recovery()"));
        var stored = (await check.QueryAsync<int>("SELECT id FROM acknowledged")).ToHashSet();
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"acknowledged but lost: {string.Join(',', lost)}");
    }
}
