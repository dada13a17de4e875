using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Learners;

/// <summary>The real API over the run's test database with the shipped taxonomy as working taxonomy.</summary>
public abstract class LearnerApiHost : IAsyncLifetime
{
    /// <summary>The host, for clients of other roles.</summary>
    protected ApiFactory Api { get; private set; } = null!;

    /// <summary>An admin client.</summary>
    protected HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        Api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        Client = await Api.CreateClientAsync(SkillsMatch.Access.Role.Admin);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
    }

    protected async Task<Guid> CreateLearnerAsync(object? profile = null)
    {
        var response = await Client.PostAsJsonAsync("/learners", profile ?? new { displayName = "Learner " + Guid.NewGuid().ToString("N")[..8] });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A skill's database id in the shipped taxonomy.</summary>
    public static async Task<long> SkillIdAsync(string externalId)
    {
        var taxonomyId = await ShippedTaxonomy.IdAsync();
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("SELECT id FROM skills WHERE taxonomy_id = @taxonomyId AND external_id = @externalId", new { taxonomyId, externalId });
    }

    protected async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
