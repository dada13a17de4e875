using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Access;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private ApiFactory api = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync(); // /extract needs the default taxonomy
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task No_key_on_a_protected_endpoint_is_401_problem_with_a_bearer_challenge()
    {
        using var anonymous = api.CreateClient();

        var extract = await anonymous.PostAsJsonAsync("/extract", new { text = "SQL" });
        var admin = await anonymous.GetAsync("/admin/keys");

        foreach (var response in new[] { extract, admin })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal(401, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Status);
        }
    }

    [Fact]
    public async Task Health_docs_and_taxonomy_browsing_are_public()
    {
        using var anonymous = api.CreateClient();

        foreach (var path in new[] { "/health/live", "/openapi/v1.json", "/taxonomies", "/skills?q=sql", "/occupations?q=analyst" })
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Key_is_accepted_as_bearer_token_and_as_X_Api_Key_header()
    {
        var key = await api.CreateKeyAsync(Role.Admin);
        using var bearer = api.ClientWith(key.Secret);
        using var header = api.CreateClient();
        header.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);

        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/admin/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync("/admin/keys")).StatusCode);
    }

    [Fact]
    public async Task Unknown_malformed_or_wrong_secret_key_is_401_even_on_a_public_endpoint()
    {
        var real = await api.CreateKeyAsync(Role.Admin);
        var wrongSecret = real.Secret[..^4] + (real.Secret.EndsWith("aaaa", StringComparison.Ordinal) ? "bbbb" : "aaaa");

        foreach (var key in new[] { "sm_abcdefgh_" + new string('x', 43), "not-a-key", wrongSecret, "sm_' OR 1=1 --" })
        {
            using var client = api.ClientWith(key);
            var response = await client.GetAsync("/taxonomies");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Invalid API key", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        }
    }

    [Fact]
    public async Task Key_revoked_through_the_API_is_refused_on_the_next_request()
    {
        using var admin = await api.CreateClientAsync(Role.Admin);
        var employerKey = await api.CreateKeyAsync(Role.Employer);
        using var employer = api.ClientWith(employerKey.Secret);
        Assert.Equal(HttpStatusCode.OK, (await employer.PostAsJsonAsync("/extract", new { text = "SQL", lexicalOnly = true })).StatusCode);

        var revoke = await admin.DeleteAsync($"/admin/keys/{employerKey.Key.Id}");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await employer.PostAsJsonAsync("/extract", new { text = "SQL", lexicalOnly = true })).StatusCode);
    }

    [Fact]
    public async Task Key_revoked_elsewhere_is_refused_within_a_second_and_a_half()
    {
        var key = await api.CreateKeyAsync(Role.Admin);
        using var client = api.ClientWith(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/keys")).StatusCode);

        // As the CLI would: straight in the database, so this process's cache is not told.
        await new ApiKeyStore(await TestDatabase.MigratedDataSourceAsync()).RevokeAsync(key.Key.Id);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/admin/keys")).StatusCode);
    }

    [Fact]
    public async Task Wrong_role_is_403_problem()
    {
        using var learner = await api.CreateClientAsync(Role.Learner, await TestLearners.CreateAsync());
        using var employer = await api.CreateClientAsync(Role.Employer);

        var keys = await learner.GetAsync("/admin/keys");
        var crosswalk = await employer.PostAsJsonAsync("/crosswalks", new { from = "a", to = "b" });

        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crosswalk.StatusCode);
        Assert.Equal("application/problem+json", keys.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Last_use_is_recorded_and_the_stored_hash_is_not_the_secret()
    {
        var key = await api.CreateKeyAsync(Role.Admin);
        using var client = api.ClientWith(key.Secret);
        await client.GetAsync("/admin/keys");

        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        var (row, hash, used) = await Dapper.SqlMapper.QuerySingleAsync<(string, byte[], DateTime?)>(conn,
            "SELECT to_jsonb(k)::text, key_hash, last_used_at FROM api_keys k WHERE id = @id", new { id = key.Key.Id });
        Assert.Equal(ApiKeySecret.Hash(key.Secret), hash);
        Assert.DoesNotContain(key.Secret[12..], row, StringComparison.Ordinal);
        Assert.NotNull(used);
    }
}
