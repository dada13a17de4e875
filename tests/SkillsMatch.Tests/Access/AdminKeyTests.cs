using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Access;

public sealed class AdminKeyTests : IAsyncLifetime
{
    private ApiFactory api = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync(); // /extract needs the default taxonomy
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        admin = await api.CreateClientAsync(Role.Admin);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Created_key_works_its_secret_is_shown_once_and_lists_never_show_it()
    {
        var label = "ci " + Guid.NewGuid();
        var response = await admin.PostAsJsonAsync("/admin/keys", new { role = "employer", subject = "Acme Hiring", label });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        Assert.Matches("^sm_[a-z0-9]{8}_[a-z0-9]{43}$", secret);
        Assert.Equal("employer", created.GetProperty("key").GetProperty("role").GetString());
        using (var employer = api.ClientWith(secret))
            Assert.Equal(HttpStatusCode.OK, (await employer.PostAsJsonAsync("/extract", new { text = "SQL", lexicalOnly = true })).StatusCode);

        var list = await admin.GetStringAsync("/admin/keys?limit=1000");
        Assert.Contains(label, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[12..], list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_key_requests_are_validation_problems_naming_each_field_and_store_nothing()
    {
        var label = "bad " + Guid.NewGuid();
        var badRole = await admin.PostAsJsonAsync("/admin/keys", new { role = "boss", label });
        var learnerWithoutId = await admin.PostAsJsonAsync("/admin/keys", new { role = "learner", label });
        var unknownLearner = await admin.PostAsJsonAsync("/admin/keys", new { role = "learner", learnerId = Guid.NewGuid(), label });
        var issuerWithoutUri = await admin.PostAsJsonAsync("/admin/keys", new { role = "issuer", subject = "not a uri", label });
        var longLabel = await admin.PostAsJsonAsync("/admin/keys", new { role = "admin", label = new string('x', 201) });
        var wrongType = await admin.PostAsync("/admin/keys", new StringContent("""{"role": "learner", "learnerId": 42}""", System.Text.Encoding.UTF8, "application/json"));

        await AssertFieldAsync(badRole, "role");
        await AssertFieldAsync(learnerWithoutId, "learnerId");
        await AssertFieldAsync(unknownLearner, "learnerId");
        await AssertFieldAsync(issuerWithoutUri, "subject");
        await AssertFieldAsync(longLabel, "label");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(label, await admin.GetStringAsync("/admin/keys?limit=1000"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404_and_revocation_is_idempotent()
    {
        var key = await api.CreateKeyAsync(Role.Employer);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/admin/keys/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/admin/keys/{key.Key.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/admin/keys/{key.Key.Id}")).StatusCode);
        Assert.DoesNotContain(key.Key.Id.ToString(), await admin.GetStringAsync("/admin/keys?limit=1000"), StringComparison.Ordinal);
        Assert.Contains(key.Key.Id.ToString(), await admin.GetStringAsync("/admin/keys?limit=1000&includeRevoked=true"), StringComparison.Ordinal);
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)),
            $"no error for {field}: {errors}");
    }
}
