using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Storage;

/// <summary>
/// The API over a primary and two hot standbys of its own (scripts/postgres.sh replicas): matching reads spread over
/// the standbys, a writer reads its own write even while the standbys lag, and a standby killed under load costs the
/// clients nothing (its reads are retried once).
/// </summary>
public sealed class ReadReplicaTests
{
    [Fact]
    public async Task Matching_reads_go_to_the_standbys_a_writer_reads_its_write_and_a_killed_standby_costs_no_client_error()
    {
        await using var clusters = new ReplicatedClusters();
        var (writers, readers) = await clusters.StartReplicasAsync(standbys: 2);
        await using var api = new ApiFactory(writers, new Dictionary<string, string>
        {
            ["ConnectionStrings:SkillsMatchReads"] = readers,
            ["Taxonomy:SeedOnStart"] = "true",
        });
        using var admin = await api.CreateClientAsync(Role.Admin);
        var standbyPorts = new NpgsqlConnectionStringBuilder(readers).Host!.Split(',').Select(h => int.Parse(h.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        // Read-your-writes: with replay paused on both standbys a new learner exists only on the primary, yet the
        // writer's next match request finds it.
        foreach (var port in standbyPorts) await OnAsync(port, "SELECT pg_wal_replay_pause()");
        var created = await admin.PostAsJsonAsync("/learners", new { displayName = "Replica reader" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var learnerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/learners/{learnerId}/matches")).StatusCode);
        // Another admin, who wrote nothing, reads a standby and does not see it yet: the routing is real.
        using var otherAdmin = await api.CreateClientAsync(Role.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/learners/{learnerId}/matches")).StatusCode);
        foreach (var port in standbyPorts) await OnAsync(port, "SELECT pg_wal_replay_resume()");

        // Spread: many reads by a caller with no writes land on both standbys.
        var before = await Task.WhenAll(standbyPorts.Select(CommitsAsync));
        await PollAsync(async () => (await otherAdmin.GetAsync($"/learners/{learnerId}/matches")).StatusCode == HttpStatusCode.OK);
        for (var i = 0; i < 30; i++) Assert.Equal(HttpStatusCode.OK, (await otherAdmin.GetAsync($"/learners/{learnerId}/matches?limit={5 + i % 10}")).StatusCode);
        await PollAsync(async () => (await Task.WhenAll(standbyPorts.Select(CommitsAsync))).Zip(before).All(p => p.First > p.Second + 5));

        // A standby killed under load: 6 clients reading for 6 s, standby 1 killed at 2 s. No client sees an error.
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var until = DateTime.UtcNow.AddSeconds(6);
        var load = Enumerable.Range(0, 6).Select(async c =>
        {
            while (DateTime.UtcNow < until)
                statuses.Add((await otherAdmin.GetAsync($"/learners/{learnerId}/matches?limit={10 + c}")).StatusCode);
        }).ToList();
        await Task.Delay(2000);
        await clusters.KillAsync(ReplicatedClusters.Name + "-s1");
        await Task.WhenAll(load);

        Assert.True(statuses.Count > 20, $"only {statuses.Count} requests ran");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => CommitsAsync(standbyPorts[0]));
    }

    private static async Task OnAsync(int port, string sql)
    {
        await using var conn = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=skillsmatch;Pooling=false");
        await conn.ExecuteAsync(sql);
    }

    private static async Task<long> CommitsAsync(int port)
    {
        await using var conn = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=3");
        return await conn.ExecuteScalarAsync<long>("SELECT xact_commit FROM pg_stat_database WHERE datname = 'skillsmatch'");
    }

    private static async Task PollAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(500);
        }
    }
}
