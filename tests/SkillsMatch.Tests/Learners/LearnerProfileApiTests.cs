using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Learners;

public sealed class LearnerProfileApiTests : LearnerApiHost
{
    [Fact]
    public async Task Profile_is_created_read_updated_listed_and_deleted()
    {
        var name = "Amira " + Guid.NewGuid().ToString("N")[..8];
        var created = await Client.PostAsJsonAsync("/learners", new
        {
            displayName = name, email = "amira@example.ca", region = "Québec", city = "Montréal", remotePreference = "Hybrid",
            targetOccupations = new List<object> { "data-analyst", "junior-data-analyst" },
            consent = new { visibleToEmployers = true, parts = new List<string> { "skills", "Credentials" } },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var profile = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = profile.GetProperty("id").GetGuid();
        Assert.Equal($"/learners/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("CA-QC", profile.GetProperty("region").GetString());
        Assert.Equal("hybrid", profile.GetProperty("remotePreference").GetString());
        Assert.Equal(["data-analyst", "junior-data-analyst"],
            profile.GetProperty("targetOccupations").EnumerateArray().Select(o => o.GetProperty("externalId").GetString()!).ToArray());
        Assert.Equal(["skills", "credentials"], profile.GetProperty("consent").GetProperty("parts").EnumerateArray().Select(p => p.GetString()!).ToArray());

        var occupationId = profile.GetProperty("targetOccupations")[0].GetProperty("id").GetInt64();
        var updated = await Client.PutAsJsonAsync($"/learners/{id}", new
        {
            displayName = name, region = "on", targetOccupations = new List<object> { occupationId },
            consent = new { visibleToEmployers = false, parts = Array.Empty<string>() },
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var read = await GetJsonAsync($"/learners/{id}");
        Assert.Equal("CA-ON", read.GetProperty("region").GetString());
        Assert.False(read.GetProperty("consent").GetProperty("visibleToEmployers").GetBoolean());
        Assert.Equal(0, read.GetProperty("consent").GetProperty("parts").GetArrayLength());
        Assert.Equal("data-analyst", read.GetProperty("targetOccupations")[0].GetProperty("externalId").GetString());
        Assert.Equal("any", read.GetProperty("remotePreference").GetString());

        var page = await GetJsonAsync("/learners?limit=200&offset=0");
        Assert.True(page.GetProperty("total").GetInt64() >= 1);
        Assert.Equal(200, page.GetProperty("limit").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/learners/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/learners/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync($"/learners/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_region_unknown_target_and_bad_consent_part_are_named_and_nothing_is_stored()
    {
        var name = "Rejected " + Guid.NewGuid().ToString("N")[..8];

        var response = await Client.PostAsJsonAsync("/learners", new
        {
            displayName = name, region = "Ontrio", remotePreference = "sometimes",
            targetOccupations = new List<object> { "data-analyst", "astronaut-first-class" },
            consent = new { visibleToEmployers = true, parts = new List<string> { "skills", "salary" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(["consent.parts[1]", "region", "remotePreference", "targetOccupations[1]"], problem.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("Ontrio", problem.Errors["region"][0], StringComparison.Ordinal);
        Assert.Contains("astronaut-first-class", problem.Errors["targetOccupations[1]"][0], StringComparison.Ordinal);
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM learners WHERE display_name = @name", new { name }));
    }

    [Fact]
    public async Task A_rejected_update_leaves_the_stored_profile_as_it_was()
    {
        var id = await CreateLearnerAsync(new { displayName = "Keeps region", region = "BC" });

        var response = await Client.PutAsJsonAsync($"/learners/{id}", new { displayName = "Changed", region = "Atlantis" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var stored = await GetJsonAsync($"/learners/{id}");
        Assert.Equal("Keeps region", stored.GetProperty("displayName").GetString());
        Assert.Equal("CA-BC", stored.GetProperty("region").GetString());
    }

    [Fact]
    public async Task Unknown_learner_is_404_and_missing_name_is_400()
    {
        var missing = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/learners/{missing}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PutAsJsonAsync($"/learners/{missing}", new { displayName = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/learners/{missing}/skills")).StatusCode);
        var noName = await Client.PostAsJsonAsync("/learners", new { region = "ON" });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains((await noName.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys, k => k.Equals("displayName", StringComparison.OrdinalIgnoreCase));
    }
}
