using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkillsMatch.Tests.Learners;

namespace SkillsMatch.Tests.Matching;

/// <summary>GET /learners/{id}/gaps without a target aims at the learner's own first target occupation.</summary>
public sealed class GapsDefaultTargetTests : LearnerApiHost
{
    private static readonly string[] Targets = ["health-data-analyst", "data-analyst"];

    [Fact]
    public async Task Gaps_without_a_target_use_the_learners_first_target_occupation()
    {
        var id = await CreateLearnerAsync(new { displayName = "Gaps " + Guid.NewGuid().ToString("N")[..8], targetOccupations = Targets });

        var byDefault = await Client.GetAsync($"/learners/{id}/gaps");
        var explicitly = await Client.GetFromJsonAsync<JsonElement>($"/learners/{id}/gaps?occupation=health-data-analyst");

        Assert.Equal(HttpStatusCode.OK, byDefault.StatusCode);
        var view = await byDefault.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("health data analyst", view.GetProperty("target").GetString());
        Assert.Equal(explicitly.GetProperty("gaps").GetRawText(), view.GetProperty("gaps").GetRawText());
        Assert.Contains(view.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("requirement").GetProperty("label").GetString() == "SQL");
    }

    [Fact]
    public async Task Gaps_without_a_target_for_a_learner_without_targets_name_the_missing_target()
    {
        var id = await CreateLearnerAsync();
        var response = await Client.GetAsync($"/learners/{id}/gaps");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no target occupations", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("occupation")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync($"/learners/{id}/gaps?occupation=data-analyst&job={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/learners/{Guid.NewGuid()}/gaps")).StatusCode);
    }
}
