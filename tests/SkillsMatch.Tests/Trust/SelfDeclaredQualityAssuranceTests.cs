using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Access;
using SkillsMatch.Matching.Plans;
using SkillsMatch.Tests.Learners;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Trust;

/// <summary>
/// Issue 15, squatting on quality: a catalog offering's quality-assurance claim counts only when the trust registry backs
/// it (a trusted issuer with an accrediting body for "accredited", a framework or accrediting body for "framework-aligned");
/// any other claim is shown as self-declared and counts as none, in API answers and in the offerings gap plans are built from.
/// </summary>
public sealed class SelfDeclaredQualityAssuranceTests : IAsyncLifetime
{
    private readonly string tag = Guid.NewGuid().ToString("N")[..8];
    private ApiFactory api = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        admin = await api.CreateClientAsync(Role.Admin);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await api.DisposeAsync();
    }

    private object Offering(string issuerUri, string claim, string suffix) => new
    {
        externalId = $"{tag}-{suffix}", title = $"Secure cloud {tag} {suffix}", provider = "Cloud School", issuerUri, format = "online",
        language = "en", hours = 12, cost = 300, qualityAssurance = claim, skills = new[] { "sql" },
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (string Counted, string Claimed, string Basis) Qa(JsonElement offering) => (
        offering.GetProperty("qualityAssurance").GetString()!, offering.GetProperty("claimedQualityAssurance").GetString()!,
        offering.GetProperty("qualityAssuranceBasis").GetString()!);

    private async Task<string> PlanQaAsync(Guid offeringId)
    {
        var offerings = await api.Services.GetRequiredService<GapStore>().OfferingsTeachingAsync([await LearnerApiHost.SkillIdAsync("sql")], CancellationToken.None);
        return offerings.Single(o => o.Id == offeringId.ToString()).QaStatus;
    }

    [Fact]
    public async Task An_unregistered_issuer_claiming_accredited_is_shown_self_declared_and_never_counts()
    {
        var issuerUri = $"https://unregistered-{tag}.example/issuer";
        using var issuer = await api.CreateClientAsync(Role.Issuer, subject: issuerUri);

        var created = await JsonAsync(await issuer.PostAsJsonAsync("/catalog", Offering(issuerUri, "accredited", "a")));

        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(("none", "accredited", "self-declared"), Qa(created));
        Assert.Equal(("none", "accredited", "self-declared"), Qa(await JsonAsync(await admin.GetAsync($"/catalog/{id}"))));
        var searched = (await JsonAsync(await admin.GetAsync($"/catalog?q={tag}"))).GetProperty("items");
        Assert.Equal(("none", "accredited", "self-declared"), Qa(Assert.Single(searched.EnumerateArray())));
        Assert.Equal("none", await PlanQaAsync(id));
    }

    [Fact]
    public async Task A_claim_counts_only_while_the_trust_registry_backs_it()
    {
        async Task<(string Uri, Guid Id)> Register(string name, bool trusted, string? accreditingBody, string? framework)
        {
            var uri = $"https://{name}-{tag}.example/issuer";
            var issuer = await JsonAsync(await admin.PostAsJsonAsync("/issuers", new { issuerUri = uri, name, trusted, accreditingBody, framework }));
            return (uri, issuer.GetProperty("id").GetGuid());
        }
        async Task<(JsonElement Offering, Guid Id)> Add(string issuerUri, string claim, string suffix)
        {
            var offering = await JsonAsync(await admin.PostAsJsonAsync("/catalog", Offering(issuerUri, claim, suffix)));
            return (offering, offering.GetProperty("id").GetGuid());
        }
        var accredited = await Register("accredited", trusted: true, "Ontario MCU", "Ontario Micro-credentials Framework");
        var frameworkOnly = await Register("framework", trusted: true, null, "Ontario Micro-credentials Framework");
        var untrusted = await Register("untrusted", trusted: false, "Ontario MCU", null);

        var backed = await Add(accredited.Uri, "accredited", "backed");
        var overclaimed = await Add(frameworkOnly.Uri, "accredited", "overclaimed");
        var aligned = await Add(frameworkOnly.Uri, "framework-aligned", "aligned");
        var distrusted = await Add(untrusted.Uri, "accredited", "distrusted");
        var unclaimed = await Add(accredited.Uri, "none", "unclaimed");

        Assert.Equal(("accredited", "accredited", "trust-registry"), Qa(backed.Offering));
        Assert.Equal("accredited", await PlanQaAsync(backed.Id));
        Assert.Equal(("none", "accredited", "self-declared"), Qa(overclaimed.Offering));
        Assert.Equal("none", await PlanQaAsync(overclaimed.Id));
        Assert.Equal(("framework-aligned", "framework-aligned", "trust-registry"), Qa(aligned.Offering));
        Assert.Equal(("none", "accredited", "self-declared"), Qa(distrusted.Offering));
        Assert.Equal(("none", "none", "none"), Qa(unclaimed.Offering));

        // The registry is read with every answer: an issuer losing trust loses its claim at once.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/issuers/{accredited.Id}",
            new { issuerUri = accredited.Uri, name = "accredited", trusted = false, accreditingBody = "Ontario MCU" })).StatusCode);
        Assert.Equal(("none", "accredited", "self-declared"), Qa(await JsonAsync(await admin.GetAsync($"/catalog/{backed.Id}"))));
        Assert.Equal("none", await PlanQaAsync(backed.Id));
    }
}
