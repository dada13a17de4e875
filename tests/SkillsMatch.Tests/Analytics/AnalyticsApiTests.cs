using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkillsMatch.Access;

namespace SkillsMatch.Tests.Analytics;

/// <summary>
/// The analytics views on the real API and PostgreSQL, over <see cref="AnalyticsWorld"/>: counts of 5 or more are given,
/// smaller ones are suppressed (not shown as 0), and no total gives a suppressed count away by subtraction.
/// </summary>
public sealed class AnalyticsApiTests(AnalyticsWorld w) : IClassFixture<AnalyticsWorld>
{
    [Fact]
    public async Task Heatmap_counts_a_caseload_group_of_five_and_suppresses_a_group_of_two_as_suppressed_not_zero()
    {
        var heatmap = await GetAsync(w.Practitioner, "/analytics/skill-gaps?skills=30");
        var rows = heatmap.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("occupation").GetString()!);

        var analyst = rows["data analyst"];
        Assert.Equal(5, analyst.GetProperty("learners").GetProperty("learners").GetInt32());
        var sqlColumn = heatmap.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("skillId").GetInt64()).ToList().IndexOf(w.Sql);
        Assert.True(sqlColumn >= 0, heatmap.ToString());
        var sqlCell = analyst.GetProperty("cells")[sqlColumn];
        Assert.Equal(3, sqlCell.GetProperty("lacking").GetInt32());
        Assert.Equal(0.6, sqlCell.GetProperty("share").GetDouble(), 3);

        var accountant = rows["accountant"];
        Assert.True(accountant.GetProperty("learners").GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, accountant.GetProperty("learners").GetProperty("learners").ValueKind);
        Assert.All(accountant.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("needed").GetBoolean()),
            c => Assert.True(c.GetProperty("suppressed").GetBoolean() && c.GetProperty("lacking").ValueKind == JsonValueKind.Null && c.GetProperty("share").ValueKind == JsonValueKind.Null));
        NoFigureUnderFive(heatmap);
    }

    [Fact]
    public async Task Heatmap_of_a_practitioner_covers_only_their_own_caseload()
    {
        var other = await GetAsync(w.OtherPractitioner, "/analytics/skill-gaps");
        Assert.Empty(other.GetProperty("rows").EnumerateArray());
        var all = await GetAsync(w.Admin, "/analytics/skill-gaps?skills=30");
        Assert.Contains(all.GetProperty("rows").EnumerateArray(), r => r.GetProperty("occupation").GetString() == "data analyst");
        NoFigureUnderFive(all);
    }

    [Fact]
    public async Task Demand_supply_counts_consenting_holders_by_tier_and_withholds_a_total_that_would_reveal_a_small_tier()
    {
        var view = await GetAsync(w.Practitioner, "/analytics/demand-supply?region=Northwest%20Territories&limit=50");
        Assert.Equal(AnalyticsWorld.Region, view.GetProperty("region").GetString());
        var row = view.GetProperty("skills").EnumerateArray().Single(s => s.GetProperty("skillId").GetInt64() == w.Sql);
        Assert.True(row.GetProperty("postings").GetInt32() >= 1);
        var tiers = row.GetProperty("byTier").EnumerateArray().ToDictionary(t => t.GetProperty("tier").GetString()!, t => t.GetProperty("learners"));
        // The learner who does not consent is not counted: 6 verified, not 7.
        Assert.Equal(6, tiers["credential-verified"].GetProperty("learners").GetInt32());
        Assert.True(tiers["self-declared"].GetProperty("suppressed").GetBoolean());
        Assert.True(tiers["attested"].GetProperty("suppressed").GetBoolean()); // 0 is under 5 too: shown as suppressed
        // 8 holders in all, but 8 − 6 would give the 2 self-declared away: the total is withheld as well.
        Assert.True(row.GetProperty("holders").GetProperty("suppressed").GetBoolean());
        NoFigureUnderFive(view);
    }

    [Fact]
    public async Task Demand_supply_needs_one_region_so_no_total_can_be_differenced()
    {
        var missing = await w.Practitioner.GetAsync("/analytics/demand-supply");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("region", out _));
        var wrong = await w.Practitioner.GetAsync("/analytics/demand-supply?region=Atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [Fact]
    public async Task Employers_learners_and_issuers_get_no_analytics()
    {
        using var employer = await w.Api.CreateClientAsync(Role.Employer, subject: "analytics-employer-" + w.Tag);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync("/analytics/skill-gaps")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync($"/analytics/demand-supply?region={AnalyticsWorld.Region}")).StatusCode);
    }

    /// <summary>Every learner figure anywhere in the answer is either suppressed or at least 5.</summary>
    private static void NoFigureUnderFive(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("suppressed", out var suppressed) && element.TryGetProperty("learners", out var learners))
                    Assert.True(suppressed.GetBoolean() ? learners.ValueKind == JsonValueKind.Null : learners.GetInt32() >= 5, element.ToString());
                foreach (var property in element.EnumerateObject()) NoFigureUnderFive(property.Value);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) NoFigureUnderFive(item);
                break;
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
