using System.Net;
using System.Net.Http.Json;
using Dapper;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Access;

public sealed class AuditTests : IAsyncLifetime
{
    private ApiFactory api = null!;

    public async Task InitializeAsync() => api = new ApiFactory(await TestDatabase.ConnectionStringAsync());

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Views_and_refusals_are_audited_and_admins_can_filter_them()
    {
        var learner = await TestLearners.CreateAsync();
        var own = await api.CreateKeyAsync(Role.Learner, learner);
        var intruder = await api.CreateKeyAsync(Role.Learner, await TestLearners.CreateAsync());
        using var ownClient = api.ClientWith(own.Secret);
        using var intruderClient = api.ClientWith(intruder.Secret);
        using var admin = await api.CreateClientAsync(Role.Admin);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await ownClient.GetAsync($"/learners/{learner}/export");
        await intruderClient.GetAsync($"/learners/{learner}/export");

        var entries = await PollAsync(admin, $"/admin/audit?learner={learner}&from={Uri.EscapeDataString(before.ToString("O"))}", 2);
        Assert.Contains(entries, e => e.PrincipalId == own.Key.Id && e.Action == "learner.export" && e.Status == 200 && e.PrincipalRole == "learner");
        Assert.Contains(entries, e => e.PrincipalId == intruder.Key.Id && e.Status == 403 && e.Path == $"/learners/{learner}/export");

        var byIntruder = await admin.GetFromJsonAsync<List<AuditEntry>>($"/admin/audit?principal={intruder.Key.Id}");
        Assert.All(byIntruder!, e => Assert.Equal(intruder.Key.Id, e.PrincipalId));
        var none = await admin.GetFromJsonAsync<List<AuditEntry>>($"/admin/audit?learner={learner}&to={Uri.EscapeDataString(before.ToString("O"))}");
        Assert.Empty(none!);
    }

    [Fact]
    public async Task Every_entry_is_written_even_when_the_host_stops_right_after_the_requests()
    {
        var learner = await TestLearners.CreateAsync();
        await using (var host = new ApiFactory(await TestDatabase.ConnectionStringAsync()))
        {
            using var client = await host.CreateClientAsync(Role.Learner, learner);
            for (var i = 0; i < 20; i++) await client.GetAsync($"/learners/{learner}/practitioners");
        }

        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        Assert.Equal(20, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE learner_id = @learner", new { learner }));
    }

    [Fact]
    public async Task Audit_query_is_admin_only_and_its_limit_is_capped()
    {
        using var practitioner = await api.CreateClientAsync(Role.Practitioner);
        using var admin = await api.CreateClientAsync(Role.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/admin/audit")).StatusCode);
        var tooMany = await admin.GetAsync("/admin/audit?limit=100000");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("Limit", await tooMany.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<List<AuditEntry>> PollAsync(HttpClient admin, string url, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var entries = (await admin.GetFromJsonAsync<List<AuditEntry>>(url))!;
            if (entries.Count >= atLeast || DateTime.UtcNow > deadline) return entries;
            await Task.Delay(100);
        }
    }
}
