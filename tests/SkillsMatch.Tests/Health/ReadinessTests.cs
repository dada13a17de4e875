using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Health;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_answers_503_problem_while_the_database_is_stopped_and_200_after_it_restarts()
    {
        await using var cluster = await ThrowawayCluster.StartAsync();
        await using var api = new ApiFactory(cluster.ConnectionString);
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await cluster.StopAsync();
        var down = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        var problem = await down.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(503, problem?.Status);
        Assert.Contains("database", problem?.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        await cluster.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, await PollReadyAsync(client, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Ready_reports_200_with_pgvector_version_on_a_migrated_database()
    {
        await using var api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        using var client = api.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pgvector 0.8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_route_answers_with_a_problem_document_not_an_empty_body()
    {
        await using var api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        using var client = api.CreateClient();

        var response = await client.GetAsync("/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_document_and_reference_page_are_served()
    {
        await using var api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        using var client = api.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");
        var page = await client.GetAsync("/docs");

        Assert.Contains("\"/health/ready\"", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static async Task<HttpStatusCode> PollReadyAsync(HttpClient client, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        HttpStatusCode last;
        do
        {
            last = (await client.GetAsync("/health/ready")).StatusCode;
            if (last == HttpStatusCode.OK) return last;
            await Task.Delay(250);
        } while (DateTime.UtcNow < deadline);
        return last;
    }
}
