using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Access;
using SkillsMatch.Matching;

namespace SkillsMatch.Tests.Matching;

/// <summary>Remembered matches are never served once what they were computed from has changed.</summary>
public sealed class RoleMatchCacheTests(MatchingScenario s) : IClassFixture<MatchingScenario>
{
    [Fact]
    public async Task A_learner_who_adds_a_skill_sees_it_matched_in_the_very_next_request()
    {
        var learner = await NewLearnerAsync("Grower", "sql");
        using var client = await s.Api.CreateClientAsync(Role.Learner, learner);
        Assert.Equal("missing", await StatusAsync(client, learner, "data-analysis"));
        Assert.Equal("missing", await StatusAsync(client, learner, "data-analysis"));

        await PutSelfSkillsAsync(learner, "sql", "data-analysis");

        Assert.Equal("matched", await StatusAsync(client, learner, "data-analysis"));
    }

    [Fact]
    public async Task A_deleted_learner_has_no_matches_left_to_serve()
    {
        var learner = await NewLearnerAsync("Leaver", "sql", "statistics");
        using var client = await s.Api.CreateClientAsync(Role.Learner, learner);
        Assert.Equal("matched", await StatusAsync(client, learner, "sql"));

        (await client.DeleteAsync($"/learners/{learner}")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await s.Admin.GetAsync($"/learners/{learner}/matches")).StatusCode);
    }

    /// <summary>Other tests write postings and issuers at the same time: only increases caused here are asserted.</summary>
    [Fact]
    public async Task Versions_move_with_postings_and_issuer_writes_and_a_learner_version_only_with_that_learner()
    {
        var learner = await NewLearnerAsync("Watcher", "sql");
        var cache = s.Api.Services.GetRequiredService<RoleMatchCache>();
        Task<RoleMatchCache.Versions> VersionsAsync() => cache.VersionsAsync(learner, CancellationToken.None)!;
        var before = await VersionsAsync();

        using var client = await s.Api.CreateClientAsync(Role.Learner, learner);
        await StatusAsync(client, learner, "sql");
        (await s.Admin.PostAsJsonAsync("/issuers", new { issuerUri = $"https://cache-{Guid.NewGuid():N}.test", name = "Cache test issuer" }))
            .EnsureSuccessStatusCode();
        var afterIssuer = await VersionsAsync();
        Assert.True(afterIssuer.Issuers > before.Issuers);

        (await s.Admin.PostAsync($"/jobs/{s.SmallPosting}/close", null)).EnsureSuccessStatusCode();
        var afterClose = await VersionsAsync();
        Assert.True(afterClose.Postings > afterIssuer.Postings);
        Assert.Equal(before.Learner, afterClose.Learner);

        await PutSelfSkillsAsync(learner, "sql", "statistics");
        Assert.NotEqual(afterClose.Learner, (await VersionsAsync()).Learner);
    }

    private async Task<Guid> NewLearnerAsync(string who, params string[] skills)
    {
        var created = await s.Admin.PostAsJsonAsync("/learners", s.Profile(who, ["skills"], visible: true));
        var id = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await PutSelfSkillsAsync(id, skills);
        return id;
    }

    private async Task PutSelfSkillsAsync(Guid learner, params string[] skills) =>
        (await s.Admin.PutAsJsonAsync($"/learners/{learner}/skills/self",
            new { skills = skills.Select(skill => new { skillId = s.Skills[skill], level = "intermediate" }) })).EnsureSuccessStatusCode();

    /// <summary>The outcome of one requirement of the scenario's open data-analyst posting in the learner's matches.</summary>
    private async Task<string> StatusAsync(HttpClient client, Guid learner, string skill)
    {
        var response = await client.GetAsync($"/learners/{learner}/matches?region=Nunavut&limit=100");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var posting = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray()
            .Single(m => m.GetProperty("jobId").GetGuid() == s.Posting);
        return posting.GetProperty("explanation").GetProperty("requirements").EnumerateArray()
            .Single(r => r.GetProperty("skillId").GetInt64() == s.Skills[skill]).GetProperty("status").GetString()!;
    }
}
