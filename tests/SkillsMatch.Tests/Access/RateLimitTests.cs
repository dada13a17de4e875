using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Access;

public sealed class RateLimitTests : IAsyncLifetime
{
    private ApiFactory api = null!;

    public async Task InitializeAsync() => api = new ApiFactory(await TestDatabase.ConnectionStringAsync(), new Dictionary<string, string>
    {
        ["Access:KeyPermits"] = "3",
        ["Access:AnonymousPermits"] = "2",
        ["Access:WindowSeconds"] = "60",
    });

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Each_key_has_its_own_budget_and_the_excess_is_429_problem_with_retry_after()
    {
        using var first = await api.CreateClientAsync(Role.Admin);
        using var second = await api.CreateClientAsync(Role.Admin);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin/keys?limit=1")).StatusCode);
        var refused = await first.GetAsync("/admin/keys?limit=1");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Status);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/admin/keys?limit=1")).StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_key_share_the_address_budget()
    {
        using var anonymous = api.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await anonymous.GetAsync("/health/live")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
