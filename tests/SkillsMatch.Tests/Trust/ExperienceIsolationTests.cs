using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using SkillsMatch.Access;
using SkillsMatch.Tests.Learners;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Trust;

/// <summary>
/// Issue 15, IDOR: a learner's key addressing another learner's experience through its own learner id must find
/// nothing and change nothing — the other learner's experience, its evidence and her skill summary stay as they were.
/// </summary>
public sealed class ExperienceIsolationTests : LearnerApiHost
{
    [Fact]
    public async Task Updating_or_deleting_another_learners_experience_through_ones_own_id_is_404_and_changes_nothing()
    {
        var victim = await CreateLearnerAsync();
        var attacker = await CreateLearnerAsync();
        var added = await Client.PostAsJsonAsync($"/learners/{victim}/experiences",
            new { kind = "experience", title = "Data analyst", description = "Wrote SQL queries and built dashboards in Power BI. Used Python for data analysis." });
        var experienceId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var before = await ChecksumAsync(victim);
        Assert.NotEqual("0", before.Split('|')[1]);
        using var attackerKey = await Api.CreateClientAsync(Role.Learner, attacker);

        var put = await attackerKey.PutAsJsonAsync($"/learners/{attacker}/experiences/{experienceId}", new { kind = "experience", title = "Nothing", description = "" });
        var delete = await attackerKey.DeleteAsync($"/learners/{attacker}/experiences/{experienceId}");

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(before, await ChecksumAsync(victim));
    }

    /// <summary>The learner's experiences, evidence and retrieval summary as one string.</summary>
    private static async Task<string> ChecksumAsync(Guid learner)
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<string>("""
            SELECT (SELECT count(*) FROM learner_experiences WHERE learner_id = @learner) || '|'
                || (SELECT count(*) FROM learner_skill_evidence WHERE learner_id = @learner) || '|'
                || coalesce((SELECT md5(string_agg(e::text, ',' ORDER BY e.id)) FROM learner_skill_evidence e WHERE learner_id = @learner), '') || '|'
                || coalesce((SELECT md5(l::text) FROM learners l WHERE id = @learner), '')
            """, new { learner }) ?? "";
    }
}
