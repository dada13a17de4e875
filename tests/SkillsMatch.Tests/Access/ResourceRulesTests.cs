using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Storage;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Access;

/// <summary>
/// The one-line rules other endpoint groups use, exercised on a tiny host that maps endpoints the way a feature
/// would, plus the real API's caseload grant endpoints (both on the same test database).
/// </summary>
public sealed class ResourceRulesTests : IAsyncLifetime
{
    private const string IssuerA = "https://a.issuer.test";
    private const string IssuerB = "https://b.issuer.test";
    private static readonly Dictionary<string, string> OfferingIssuers = new() { ["course-a"] = IssuerA, ["course-b"] = IssuerB };

    private ApiFactory api = null!;
    private WebApplication probe = null!;
    private HttpClient probeClient = null!;

    public async Task InitializeAsync()
    {
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        _ = api.Services; // starts the API, which migrates the database

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddStorage(await TestDatabase.ConnectionStringAsync());
        builder.Services.AddProblemDetails();
        builder.AddAccess();
        probe = builder.Build();
        probe.UseAccess();
        var learners = probe.MapGroup("/learners/{id}");
        learners.MapGet("/profile", (Guid id) => TypedResults.Ok(id)).AuditLearner("id", "learner.view").RequireLearnerAccess("id");
        probe.MapGroup("/catalog").MapPut("/{id}", (string id) => TypedResults.Ok(id))
            .RequireIssuerOf("id", (_, id, _) => Task.FromResult(OfferingIssuers.GetValueOrDefault(id)));
        await probe.StartAsync();
        probeClient = probe.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        probeClient.Dispose();
        await probe.DisposeAsync();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Learner_reads_their_own_profile_but_another_learner_is_403()
    {
        var mine = await TestLearners.CreateAsync();
        var theirs = await TestLearners.CreateAsync();
        var key = await api.CreateKeyAsync(Role.Learner, mine);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/learners/{mine}/profile", key.Secret)).StatusCode);
        var other = await GetAsync($"/learners/{theirs}/profile", key.Secret);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Practitioner_sees_a_learner_only_while_the_learner_grants_it()
    {
        var learner = await TestLearners.CreateAsync();
        var practitioner = await api.CreateKeyAsync(Role.Practitioner);
        using var learnerClient = await api.CreateClientAsync(Role.Learner, learner);
        var path = $"/learners/{learner}/profile";

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(path, practitioner.Secret)).StatusCode);

        var grant = await learnerClient.PostAsJsonAsync($"/learners/{learner}/practitioners", new { practitioner = practitioner.Key.Subject });
        Assert.Equal(HttpStatusCode.NoContent, grant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(path, practitioner.Secret)).StatusCode);
        var grants = await learnerClient.GetFromJsonAsync<List<CaseloadGrant>>($"/learners/{learner}/practitioners");
        Assert.Equal(practitioner.Key.Subject, Assert.Single(grants!).Practitioner);

        var withdraw = await learnerClient.DeleteAsync($"/learners/{learner}/practitioners/{Uri.EscapeDataString(practitioner.Key.Subject!)}");
        Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(path, practitioner.Secret)).StatusCode);
    }

    [Fact]
    public async Task Learner_cannot_grant_access_to_someone_elses_profile_or_to_an_unknown_practitioner()
    {
        var learner = await TestLearners.CreateAsync();
        var other = await TestLearners.CreateAsync();
        var practitioner = await api.CreateKeyAsync(Role.Practitioner);
        using var learnerClient = await api.CreateClientAsync(Role.Learner, learner);
        using var practitionerClient = api.ClientWith(practitioner.Secret);

        var forOther = await learnerClient.PostAsJsonAsync($"/learners/{other}/practitioners", new { practitioner = practitioner.Key.Subject });
        var selfGrant = await practitionerClient.PostAsJsonAsync($"/learners/{learner}/practitioners", new { practitioner = practitioner.Key.Subject });
        var unknown = await learnerClient.PostAsJsonAsync($"/learners/{learner}/practitioners", new { practitioner = "nobody-" + Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfGrant.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("practitioner", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync($"/learners/{learner}/profile", practitioner.Secret)).StatusCode);
    }

    [Fact]
    public async Task Employers_and_issuers_never_reach_a_learner_directly_but_an_admin_does()
    {
        var learner = await TestLearners.CreateAsync();
        var path = $"/learners/{learner}/profile";

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(path, (await api.CreateKeyAsync(Role.Employer)).Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(path, (await api.CreateKeyAsync(Role.Issuer)).Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(path, (await api.CreateKeyAsync(Role.Admin)).Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await probeClient.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Issuer_manages_only_its_own_catalog_entries()
    {
        var issuerA = (await api.CreateKeyAsync(Role.Issuer, subject: IssuerA)).Secret;

        Assert.Equal(HttpStatusCode.OK, (await PutAsync("/catalog/course-a", issuerA)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync("/catalog/course-b", issuerA)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync("/catalog/no-such-course", issuerA)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync("/catalog/course-b", (await api.CreateKeyAsync(Role.Admin)).Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync("/catalog/course-a", (await api.CreateKeyAsync(Role.Employer)).Secret)).StatusCode);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string key) =>
        probeClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "X-Api-Key", key } } });

    private Task<HttpResponseMessage> PutAsync(string path, string key) =>
        probeClient.SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Headers = { { "X-Api-Key", key } } });
}
