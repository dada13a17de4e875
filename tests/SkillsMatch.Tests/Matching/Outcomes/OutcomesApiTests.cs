using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Matching.Outcomes;

/// <summary>
/// Issue 18, items 7 and 9: employers record outcomes for their own postings and consenting candidates, practitioners for
/// their caseload; outcomes are audited and deleted with the learner; equity programs see aggregated outcomes by opt-in
/// group with small cells suppressed, and the group never reaches the employer or the ranking.
/// </summary>
public sealed class OutcomesApiTests(MatchingScenario s) : IClassFixture<MatchingScenario>
{
    private static readonly string[] SkillsOnly = ["skills"];

    [Fact]
    public async Task Employers_record_outcomes_only_for_their_postings_and_consenting_candidates_practitioners_only_for_their_caseload()
    {
        var (employer, subject) = await EmployerAsync();
        using var _ = employer;
        using var other = await s.Api.CreateClientAsync(Role.Employer);
        var posting = await OwnedPostingAsync("Outcome Analyst", subject);

        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(employer, s.Full, posting, "interviewed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RecordAsync(employer, s.Hidden, posting, "interviewed")).StatusCode); // hidden from employers
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(other, s.Full, posting, "rejected")).StatusCode);

        var practitionerKey = await s.Api.CreateKeyAsync(Role.Practitioner);
        using var practitioner = s.Api.ClientWith(practitionerKey.Secret);
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(practitioner, s.Hidden, posting, "placed")).StatusCode);
        await using (var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync())
            await conn.ExecuteAsync("INSERT INTO practitioner_caseload (practitioner, learner_id) VALUES (@p, @l)", new { p = practitionerKey.Key.Subject, l = s.Hidden });
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(practitioner, s.Hidden, posting, "placed")).StatusCode);

        // The employer's list holds its consenting candidate only; the practitioner's, their caseload only; the admin's, both.
        Assert.Equal([s.Full], await LearnersListedAsync(employer, posting));
        Assert.Equal([s.Hidden], await LearnersListedAsync(practitioner, posting));
        Assert.Equivalent(new[] { s.Full, s.Hidden }, await LearnersListedAsync(s.Admin, posting));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/jobs/{posting}/outcomes")).StatusCode);

        using var learner = await s.Api.CreateClientAsync(Role.Learner, s.Full);
        var own = await learner.GetFromJsonAsync<JsonElement>($"/learners/{s.Full}/outcomes");
        var mine = own.EnumerateArray().Single(o => o.GetProperty("postingId").GetGuid() == posting);
        Assert.Equal("interviewed", mine.GetProperty("stage").GetString());
        Assert.Equal("employer", mine.GetProperty("recordedRole").GetString());

        var audited = await PollAuditAsync(s.Full, "outcome.record");
        Assert.Contains(audited, e => e.GetProperty("status").GetInt32() == 201);
        Assert.Contains(audited, e => e.GetProperty("status").GetInt32() == 403);
    }

    [Theory]
    [InlineData("""{"posting":"00000000-0000-0000-0000-000000000001","stage":"hired"}""", "learner")]
    [InlineData("""{"learner":"00000000-0000-0000-0000-000000000001","posting":"00000000-0000-0000-0000-000000000001","stage":"promoted"}""", "stage")]
    [InlineData("""{"learner":"00000000-0000-0000-0000-000000000001","posting":"00000000-0000-0000-0000-000000000001","stage":"hired","occurredOn":"2999-01-01"}""", "occurredOn")]
    public async Task Bad_outcomes_name_the_field(string body, string field)
    {
        var response = await s.Admin.PostAsync("/outcomes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Outcomes_are_deleted_with_the_learner()
    {
        var created = await s.Admin.PostAsJsonAsync("/learners", new { displayName = "Outcome leaver", consent = new { visibleToEmployers = true, parts = SkillsOnly } });
        var learner = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(s.Admin, learner, s.Posting, "hired")).StatusCode);
        (await s.Admin.PutAsJsonAsync($"/learners/{learner}/equity-groups",
            new { groups = new[] { new { program = "leavers", selfIdentified = "women+" } } })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await s.Admin.DeleteAsync($"/learners/{learner}")).StatusCode);

        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM placement_outcomes WHERE learner_id = @learner", new { learner }));
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM learner_equity_groups WHERE learner_id = @learner", new { learner }));
    }

    [Fact]
    public async Task An_equity_report_counts_opt_in_groups_suppresses_cells_under_five_and_the_group_never_reaches_the_employer()
    {
        var program = "cyber-" + Guid.NewGuid().ToString("N")[..8];
        var posting = await s.PostingAsync($"Security Analyst {program}", [("sql", "required")]);
        async Task<Guid> MemberAsync(string group, params string[] stages)
        {
            var created = await s.Admin.PostAsJsonAsync("/learners", new { displayName = $"{program} {group}", consent = new { visibleToEmployers = true, parts = SkillsOnly } });
            var id = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var self = await s.Api.CreateClientAsync(Role.Learner, id);
            (await self.PutAsJsonAsync($"/learners/{id}/equity-groups", new { groups = new[] { new { program, selfIdentified = group } } })).EnsureSuccessStatusCode();
            foreach (var stage in stages) (await RecordAsync(s.Admin, id, posting, stage)).EnsureSuccessStatusCode();
            return id;
        }
        for (var i = 0; i < 6; i++) await MemberAsync("women+", i < 3 ? ["interviewed", "hired"] : ["interviewed"]);
        for (var i = 0; i < 2; i++) await MemberAsync("men", "interviewed");

        using var practitioner = await s.Api.CreateClientAsync(Role.Practitioner);
        var report = await practitioner.GetFromJsonAsync<JsonElement>($"/equity-programs/{program}/report");
        int? Cell(string group, string stage) => report.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("group").GetString() == group && c.GetProperty("stage").GetString() == stage).GetProperty("learners") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : null;
        Assert.Equal(6, Cell("women+", "enrolled"));
        Assert.Equal(6, Cell("women+", "interviewed"));
        Assert.Null(Cell("women+", "hired")); // 3 < 5
        Assert.Null(Cell("men", "enrolled"));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("learnersInProgram").ValueKind); // 8 − 6 would give the men's 2 away
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Employer.GetAsync($"/equity-programs/{program}/report")).StatusCode);

        // The group reaches neither the employer's view nor the ranking: the candidate the employer sees is the same, byte for byte.
        string FullAsSeen(JsonElement candidates) => candidates.EnumerateArray().Single(c => c.GetProperty("learnerId").GetGuid() == s.Full).GetRawText();
        var before = FullAsSeen(await s.Employer.GetFromJsonAsync<JsonElement>($"/jobs/{s.Posting}/candidates?limit=100"));
        using var full = await s.Api.CreateClientAsync(Role.Learner, s.Full);
        (await full.PutAsJsonAsync($"/learners/{s.Full}/equity-groups", new { groups = new[] { new { program, selfIdentified = "women+" } } })).EnsureSuccessStatusCode();
        try
        {
            var after = FullAsSeen(await s.Employer.GetFromJsonAsync<JsonElement>($"/jobs/{s.Posting}/candidates?limit=100"));
            Assert.Equal(before, after);
            Assert.DoesNotContain("women+", after);
            Assert.DoesNotContain(program, after);
        }
        finally
        {
            (await full.PutAsJsonAsync($"/learners/{s.Full}/equity-groups", new { groups = Array.Empty<object>() })).EnsureSuccessStatusCode();
        }
    }

    private async Task<(HttpClient Client, string Subject)> EmployerAsync()
    {
        var key = await s.Api.CreateKeyAsync(Role.Employer);
        return (s.Api.ClientWith(key.Secret), key.Key.Subject!);
    }

    /// <summary>A scenario posting handed to <paramref name="owner"/>, as if that employer had posted it.</summary>
    private async Task<Guid> OwnedPostingAsync(string title, string owner)
    {
        var posting = await s.PostingAsync($"{title} {Guid.NewGuid():N}", [.. MatchingScenario.Essential.Select(x => (x, "required"))]);
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE job_postings SET owner = @owner WHERE id = @posting", new { owner, posting });
        return posting;
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid learner, Guid posting, string stage) =>
        client.PostAsJsonAsync("/outcomes", new { learner, posting, stage });

    private static async Task<List<Guid>> LearnersListedAsync(HttpClient client, Guid posting)
    {
        var response = await client.GetAsync($"/jobs/{posting}/outcomes");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(o => o.GetProperty("learnerId").GetGuid()).Distinct()];
    }

    private async Task<List<JsonElement>> PollAuditAsync(Guid learner, string action)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var entries = (await s.Admin.GetFromJsonAsync<List<JsonElement>>($"/admin/audit?learner={learner}&limit=500"))!
                .Where(e => e.GetProperty("action").GetString() == action).ToList();
            if (entries.Count >= 2 || DateTime.UtcNow > deadline) return entries;
            await Task.Delay(100);
        }
    }
}
