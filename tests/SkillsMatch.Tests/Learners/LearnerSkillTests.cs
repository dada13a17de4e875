using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using SkillsMatch.Learners;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Learners;

public sealed class LearnerSkillTests : LearnerApiHost
{
    private const string Retail = "Store supervisor";
    private const string RetailText = "Wrote SQL queries against the sales database and built weekly reports in Microsoft Excel.";

    [Fact]
    public async Task Experience_skills_are_inferred_as_tier_2_with_spans_into_its_text()
    {
        var id = await CreateLearnerAsync();

        var response = await Client.PostAsJsonAsync($"/learners/{id}/experiences", new
        {
            kind = "experience", title = Retail, organisation = "Maple Foods", description = RetailText, startDate = "2021-03-01", endDate = "2024-06-30",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var experience = await response.Content.ReadFromJsonAsync<JsonElement>();
        var experienceId = experience.GetProperty("id").GetGuid();
        var skills = await GetJsonAsync($"/learners/{id}/skills");
        var sql = Skill(skills, "sql");
        Assert.Equal("inferred", sql.GetProperty("bestTier").GetString());
        Assert.Equal(2, sql.GetProperty("bestTierNumber").GetInt32());
        var evidence = sql.GetProperty("evidence")[0];
        Assert.Equal("experience", evidence.GetProperty("source").GetString());
        Assert.Equal(experienceId, evidence.GetProperty("experienceId").GetGuid());
        var text = LearnerStore.ExperienceText(Retail, RetailText);
        var matched = text[evidence.GetProperty("spanStart").GetInt32()..evidence.GetProperty("spanEnd").GetInt32()];
        Assert.Equal(evidence.GetProperty("detail").GetString(), matched);
        Assert.StartsWith("SQL", matched, StringComparison.Ordinal);
        Assert.StartsWith("2024-06-30", sql.GetProperty("lastEvidenced").GetString(), StringComparison.Ordinal);
        Assert.Contains(experience.GetProperty("inferredSkills").EnumerateArray(), s => s.GetProperty("label").GetString() == "Microsoft Excel");
        await AssertSummaryMatchesEvidenceAsync(id);
    }

    [Fact]
    public async Task Editing_an_experience_re_infers_and_deleting_it_removes_its_skills()
    {
        var id = await CreateLearnerAsync();
        var created = await Client.PostAsJsonAsync($"/learners/{id}/experiences", new { kind = "experience", title = Retail, description = RetailText });
        var experienceId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var edited = await Client.PutAsJsonAsync($"/learners/{id}/experiences/{experienceId}", new
        {
            kind = "education", title = "Python for data analysis", description = "Cleaned data sets with Python and pandas.",
        });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var skills = await GetJsonAsync($"/learners/{id}/skills");
        Assert.DoesNotContain(skills.EnumerateArray(), s => s.GetProperty("externalId").GetString() == "sql");
        Assert.Equal("education", Skill(skills, "python").GetProperty("evidence")[0].GetProperty("source").GetString());
        await AssertSummaryMatchesEvidenceAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/learners/{id}/experiences/{experienceId}")).StatusCode);
        Assert.Equal(0, (await GetJsonAsync($"/learners/{id}/skills")).GetArrayLength());
        await AssertSummaryMatchesEvidenceAsync(id);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync($"/learners/{id}/experiences/{experienceId}")).StatusCode);
    }

    [Fact]
    public async Task Bad_experience_is_refused_with_the_field_named()
    {
        var id = await CreateLearnerAsync();

        var response = await Client.PostAsJsonAsync($"/learners/{id}/experiences", new
        {
            kind = "hobby", title = "Chess", startDate = "2024-01-01", endDate = "2023-01-01",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["endDate", "kind"], (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(0, (await GetJsonAsync($"/learners/{id}")).GetProperty("experiences").GetArrayLength());
    }

    [Fact]
    public async Task Self_declared_skills_replace_the_previous_set()
    {
        var id = await CreateLearnerAsync();
        var (sql, excel, python) = (await SkillIdAsync("sql"), await SkillIdAsync("microsoft-excel"), await SkillIdAsync("python"));

        await PutSelfAsync(id, new { skillId = sql, level = "advanced" }, new { skillId = excel, level = (string?)null });
        var replaced = await PutSelfAsync(id, new { skillId = python, level = "Beginner" });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var skills = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        var only = Assert.Single(skills.EnumerateArray());
        Assert.Equal("python", only.GetProperty("externalId").GetString());
        Assert.Equal("selfDeclared", only.GetProperty("bestTier").GetString());
        Assert.Equal("beginner", only.GetProperty("level").GetString());
        await AssertSummaryMatchesEvidenceAsync(id);

        var bad = await PutSelfAsync(id, new { skillId = long.MaxValue - 1, level = "guru" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["skills[0].level", "skills[0].skillId"], (await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("python", Assert.Single((await GetJsonAsync($"/learners/{id}/skills")).EnumerateArray()).GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task Credential_evidence_outranks_self_declared_and_both_items_are_listed()
    {
        var id = await CreateLearnerAsync();
        var sql = await SkillIdAsync("sql");
        var excel = await SkillIdAsync("microsoft-excel");
        await PutSelfAsync(id, new { skillId = sql, level = "intermediate" }, new { skillId = excel, level = "expert" });

        // What the credentials feature writes for a verified alignment, followed by the summary refresh it must call.
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using (var conn = await dataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await conn.ExecuteAsync("""
                INSERT INTO learner_skill_evidence (learner_id, skill_id, tier, source, confidence, level, detail, evidenced_at)
                VALUES (@id, @sql, 4, 'credential-alignment', 0.95, 'advanced', 'https://example.ca/badges/sql-fundamentals', '2025-05-01Z')
                """, new { id, sql }, tx);
            await new LearnerSkillSummary().RefreshSkillSummaryAsync(conn, tx, id, CancellationToken.None);
            await tx.CommitAsync();
        }

        var skills = await GetJsonAsync($"/learners/{id}/skills");
        var first = skills[0];
        Assert.Equal("sql", first.GetProperty("externalId").GetString());
        Assert.Equal("credentialVerified", first.GetProperty("bestTier").GetString());
        Assert.Equal(4, first.GetProperty("bestTierNumber").GetInt32());
        Assert.Equal("advanced", first.GetProperty("level").GetString());
        Assert.Equal(["credential-alignment", "self"], first.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("source").GetString()!).ToArray());
        Assert.Equal([4, 1], first.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("tierNumber").GetInt32()).ToArray());
        Assert.Equal("selfDeclared", skills[1].GetProperty("bestTier").GetString());
        Assert.Equal("expert", skills[1].GetProperty("level").GetString());
        await AssertSummaryMatchesEvidenceAsync(id);
        var (ids, tiers) = await SummaryAsync(id);
        Assert.Equal(4, tiers[Array.IndexOf(ids, sql)]);
    }

    [Fact]
    public async Task Batch_view_gives_each_learner_their_own_skills_in_one_call()
    {
        var (a, b, empty) = (await CreateLearnerAsync(), await CreateLearnerAsync(), await CreateLearnerAsync());
        await PutSelfAsync(a, new { skillId = await SkillIdAsync("sql"), level = (string?)null });
        await PutSelfAsync(b, new { skillId = await SkillIdAsync("python"), level = (string?)null }, new { skillId = await SkillIdAsync("tableau"), level = (string?)null });

        var views = await new LearnerSkillView(await TestDatabase.MigratedDataSourceAsync()).LoadManyAsync([a, b, empty], CancellationToken.None);

        Assert.Equal(["sql"], views[a].Select(s => s.ExternalId).ToArray());
        Assert.Equal(["python", "tableau"], views[b].Select(s => s.ExternalId).Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(views[empty]);
    }

    [Fact]
    public async Task Profile_vector_follows_skills_and_targets()
    {
        var id = await CreateLearnerAsync(new { displayName = "Vector", targetOccupations = new List<string> { "data-analyst" } });
        var before = await EmbeddingHashAsync(id);
        await PutSelfAsync(id, new { skillId = await SkillIdAsync("sql"), level = (string?)null });
        var after = await EmbeddingHashAsync(id);

        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.NotEqual(Convert.ToHexString(before), Convert.ToHexString(after));
    }

    private static JsonElement Skill(JsonElement skills, string externalId) =>
        skills.EnumerateArray().Single(s => s.GetProperty("externalId").GetString() == externalId);

    private Task<HttpResponseMessage> PutSelfAsync(Guid id, params object[] skills) =>
        Client.PutAsJsonAsync($"/learners/{id}/skills/self", new { skills });

    private static async Task<(long[] Ids, short[] Tiers)> SummaryAsync(Guid id)
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        return await conn.QuerySingleAsync<(long[], short[])>("SELECT skill_ids, skill_tiers FROM learners WHERE id = @id", new { id });
    }

    private static async Task<byte[]?> EmbeddingHashAsync(Guid id)
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        return await conn.QuerySingleAsync<byte[]?>("SELECT embedded_text_hash FROM learners WHERE id = @id AND embedding IS NOT NULL", new { id });
    }

    private static async Task AssertSummaryMatchesEvidenceAsync(Guid id)
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        var expected = (await conn.QueryAsync<(long SkillId, short Tier)>(
            "SELECT skill_id, max(tier) FROM learner_skill_evidence WHERE learner_id = @id GROUP BY skill_id ORDER BY skill_id", new { id })).ToList();
        var (ids, tiers) = await SummaryAsync(id);
        Assert.Equal(expected.Select(e => e.SkillId).ToArray(), ids);
        Assert.Equal(expected.Select(e => e.Tier).ToArray(), tiers);
    }
}
