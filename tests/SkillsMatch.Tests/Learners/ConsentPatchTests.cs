using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Learners;

/// <summary>PATCH /learners/{id}/consent changes the consent and nothing else; omitted fields keep their value.</summary>
public sealed class ConsentPatchTests : LearnerApiHost
{
    private static readonly string[] Targets = ["data-analyst"];
    private static readonly string[] SkillsOnly = ["skills"];
    private static readonly string[] SkillsAndContact = ["skills", "Contact"];
    private static readonly string[] UnknownPart = ["skills", "salary"];

    private async Task<Guid> FullProfileAsync() => await CreateLearnerAsync(new
    {
        displayName = "Consent " + Guid.NewGuid().ToString("N")[..8], email = "consent@example.ca", region = "Ontario", city = "Ottawa",
        remotePreference = "hybrid", targetOccupations = Targets,
        consent = new { visibleToEmployers = false, parts = SkillsOnly },
    });

    [Fact]
    public async Task Consent_change_keeps_the_rest_of_the_profile()
    {
        var id = await FullProfileAsync();
        Assert.True((await Client.PostAsJsonAsync($"/learners/{id}/experiences", new { kind = "experience", title = "Clerk", description = "Wrote SQL queries." })).IsSuccessStatusCode);
        var before = await Client.GetFromJsonAsync<JsonElement>($"/learners/{id}");

        var patched = await Client.PatchAsJsonAsync($"/learners/{id}/consent", new { visibleToEmployers = true, parts = SkillsAndContact });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var consent = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(consent.GetProperty("visibleToEmployers").GetBoolean());
        Assert.Equal(["skills", "contact"], consent.GetProperty("parts").EnumerateArray().Select(p => p.GetString()!).ToArray());
        var after = await Client.GetFromJsonAsync<JsonElement>($"/learners/{id}");
        foreach (var field in new[] { "displayName", "email", "region", "city", "remotePreference", "targetOccupations", "experiences" })
            Assert.Equal(before.GetProperty(field).GetRawText(), after.GetProperty(field).GetRawText());
        Assert.True(after.GetProperty("consent").GetProperty("visibleToEmployers").GetBoolean());

        // Only the field sent changes.
        var hidden = await Client.PatchAsJsonAsync($"/learners/{id}/consent", new { visibleToEmployers = false });
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        var kept = await Client.GetFromJsonAsync<JsonElement>($"/learners/{id}");
        Assert.False(kept.GetProperty("consent").GetProperty("visibleToEmployers").GetBoolean());
        Assert.Equal(2, kept.GetProperty("consent").GetProperty("parts").GetArrayLength());
    }

    [Fact]
    public async Task Learner_may_change_own_consent_another_learner_may_not_and_both_attempts_are_audited()
    {
        var id = await FullProfileAsync();
        using var learner = await Api.CreateClientAsync(Role.Learner, id);
        Assert.Equal(HttpStatusCode.OK, (await learner.PatchAsJsonAsync($"/learners/{id}/consent", new { visibleToEmployers = true })).StatusCode);
        using var stranger = await Api.CreateClientAsync(Role.Learner, await CreateLearnerAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PatchAsJsonAsync($"/learners/{id}/consent", new { visibleToEmployers = false })).StatusCode);

        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        for (var i = 0; i < 50 && await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE learner_id = @id AND action = 'learner.consent'", new { id }) < 2; i++)
            await Task.Delay(100);
        var statuses = (await conn.QueryAsync<short>("SELECT status FROM audit_log WHERE learner_id = @id AND action = 'learner.consent' ORDER BY id", new { id })).ToList();
        Assert.Equal([200, 403], statuses.Select(s => (int)s).Order().ToArray());
        Assert.True((await Client.GetFromJsonAsync<JsonElement>($"/learners/{id}")).GetProperty("consent").GetProperty("visibleToEmployers").GetBoolean());
    }

    [Fact]
    public async Task Unknown_part_is_named_and_unknown_learner_is_404()
    {
        var id = await FullProfileAsync();
        var bad = await Client.PatchAsJsonAsync($"/learners/{id}/consent", new { parts = UnknownPart });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("parts[1]", out _));
        Assert.Equal(1, (await Client.GetFromJsonAsync<JsonElement>($"/learners/{id}")).GetProperty("consent").GetProperty("parts").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PatchAsJsonAsync($"/learners/{Guid.NewGuid()}/consent", new { visibleToEmployers = true })).StatusCode);
    }
}
