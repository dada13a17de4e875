using System.Net;
using System.Net.Http.Headers;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Trust;

/// <summary>
/// Issue 15: 400 bad-key requests in a row were never slowed down. Failed key attempts are now limited per client
/// address; past the limit every key from that address — a right one too, or it would still be an oracle — is a 429
/// with Retry-After until the window ends.
/// </summary>
public sealed class FailedKeyAttemptTests : IAsyncLifetime
{
    private ApiFactory api = null!;

    public async Task InitializeAsync() => api = new ApiFactory(await TestDatabase.ConnectionStringAsync(), new Dictionary<string, string>
    {
        ["Access:FailedKeyPermits"] = "3",
        ["Access:FailedKeyWindowSeconds"] = "60",
    });

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Guessing_keys_is_slowed_to_a_429_with_retry_after_even_for_a_right_key()
    {
        var valid = await api.CreateKeyAsync(Role.Admin);
        using var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/keys?limit=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"sm_guess{i}_{Guid.NewGuid():N}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        }
        using var right = new HttpRequestMessage(HttpMethod.Get, "/admin/keys?limit=1");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", valid.Secret);
        using var rightResponse = await client.SendAsync(right);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightResponse.StatusCode);
        Assert.Equal("application/problem+json", rightResponse.Content.Headers.ContentType?.MediaType);
    }
}
