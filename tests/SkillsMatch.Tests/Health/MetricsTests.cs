using System.Net;
using SkillsMatch.Access;
using SkillsMatch.Tests.Learners;

namespace SkillsMatch.Tests.Health;

/// <summary>The Prometheus scrape endpoint: admin only, and after a match request it shows the request, database and matching-stage metrics.</summary>
public sealed class MetricsTests : LearnerApiHost
{
    [Fact]
    public async Task After_a_match_request_metrics_show_http_database_and_matching_stages_to_an_admin_only()
    {
        var learnerId = await CreateLearnerAsync();
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/learners/{learnerId}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/learners/{learnerId}/matches")).StatusCode); // remembered: a cache hit

        using var employer = await Api.CreateClientAsync(Role.Employer);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().GetAsync("/metrics")).StatusCode);

        // The exporter serves a snapshot refreshed at most every few seconds: ask until the match shows.
        string text = "";
        for (var attempt = 0; attempt < 20 && !text.Contains("skillsmatch_matching_stage_duration_seconds_count", StringComparison.Ordinal); attempt++)
        {
            if (attempt > 0) await Task.Delay(500);
            text = await Client.GetStringAsync("/metrics");
        }
        Assert.Contains("http_server_request_duration_seconds_count", text, StringComparison.Ordinal);
        Assert.Contains("stage=\"retrieval\"", text, StringComparison.Ordinal);
        Assert.Contains("view=\"roles\"", text, StringComparison.Ordinal);
        Assert.Contains("skillsmatch_matching_cache_lookups_total{", text, StringComparison.Ordinal);
        Assert.Contains("result=\"hit\"", text, StringComparison.Ordinal);
        Assert.Matches("db_client_[a-z_]+", text);
    }
}
