using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Access;

public sealed class PrivacyTests : IAsyncLifetime
{
    private ApiFactory api = null!;

    public async Task InitializeAsync() => api = new ApiFactory(await TestDatabase.ConnectionStringAsync());

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Export_holds_the_profile_experiences_evidence_grants_and_keys_but_no_key_hash()
    {
        var learner = await LearnerWithEverythingAsync();
        var key = await api.CreateKeyAsync(Role.Learner, learner);
        using var client = api.ClientWith(key.Secret);

        var response = await client.GetAsync($"/learners/{learner}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(learner, export.GetProperty("learner").GetProperty("id").GetGuid());
        Assert.Equal("Export Me", export.GetProperty("learner").GetProperty("display_name").GetString());
        var related = export.GetProperty("related");
        Assert.Equal("Data analyst", related.GetProperty("learner_experiences")[0].GetProperty("title").GetString());
        Assert.Equal(2, related.GetProperty("learner_skill_evidence").GetArrayLength());
        Assert.Equal(1, related.GetProperty("practitioner_caseload").GetArrayLength());
        var keys = related.GetProperty("api_keys").EnumerateArray().ToList();
        Assert.Contains(keys, k => k.GetProperty("prefix").GetString() == key.Key.Prefix);
        Assert.All(keys, k => Assert.False(k.TryGetProperty("key_hash", out _)));
    }

    [Fact]
    public async Task Delete_leaves_no_row_that_references_the_learner()
    {
        var learner = await LearnerWithEverythingAsync();
        var keep = await LearnerWithEverythingAsync();
        using var client = await api.CreateClientAsync(Role.Learner, learner);
        Assert.True(await RowsAboutAsync(learner) > 3);

        var deleted = await client.DeleteAsync($"/learners/{learner}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, await RowsAboutAsync(learner));
        Assert.True(await RowsAboutAsync(keep) > 3);
        // The learner's own key went with them.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/learners/{learner}/export")).StatusCode);
    }

    [Fact]
    public async Task Every_foreign_key_to_learners_cascades_so_deletion_is_complete()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();

        var references = await LearnerDataStore.ReferencesAsync(conn);

        Assert.Contains(references, r => r.Table == "learner_skill_evidence");
        Assert.All(references, r => Assert.True(r.OnDelete == "c", $"{r.Table}.{r.QuotedColumn} does not cascade"));
    }

    [Fact]
    public async Task Another_learner_or_a_practitioner_cannot_export_or_delete()
    {
        var learner = await TestLearners.CreateAsync();
        using var other = await api.CreateClientAsync(Role.Learner, await TestLearners.CreateAsync());
        using var practitioner = await api.CreateClientAsync(Role.Practitioner);
        using var admin = await api.CreateClientAsync(Role.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/learners/{learner}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"/learners/{learner}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync($"/learners/{learner}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/learners/{learner}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/learners/{Guid.NewGuid()}/export")).StatusCode);
        Assert.Equal(1, await RowsAboutAsync(learner));
    }

    /// <summary>Rows about the learner in every table with a learner_id column (the audit log aside), plus the learner row.</summary>
    private static async Task<long> RowsAboutAsync(Guid learner)
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        var tables = await conn.QueryAsync<string>("""
            SELECT format('%I.%I', table_schema, table_name) FROM information_schema.columns
            WHERE column_name = 'learner_id' AND table_schema = 'public' AND table_name <> 'audit_log'
            """);
        var total = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM learners WHERE id = @learner", new { learner });
        foreach (var table in tables)
            total += await conn.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} WHERE learner_id = @learner", new { learner });
        return total;
    }

    private async Task<Guid> LearnerWithEverythingAsync()
    {
        await ShippedTaxonomy.IdAsync();
        var learner = await TestLearners.CreateAsync("Export Me");
        var practitioner = await api.CreateKeyAsync(Role.Practitioner);
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        var experience = await conn.ExecuteScalarAsync<Guid>("""
            INSERT INTO learner_experiences (learner_id, kind, title, organisation, description)
            VALUES (@learner, 'experience', 'Data analyst', 'Acme', 'SQL reports and Power BI dashboards') RETURNING id
            """, new { learner });
        await conn.ExecuteAsync("""
            INSERT INTO learner_skill_evidence (learner_id, skill_id, tier, source, experience_id, detail)
            SELECT @learner, id, 2, 'experience', @experience, preferred_label FROM skills ORDER BY id LIMIT 2
            """, new { learner, experience });
        await new CaseloadStore(dataSource).GrantAsync(learner, practitioner.Key.Subject!);
        await api.CreateKeyAsync(Role.Learner, learner);
        return learner;
    }
}
