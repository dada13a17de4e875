using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SkillsMatch.Access;
using SkillsMatch.Credentials.Trust;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Credentials.Storage;

/// <summary>
/// The real API over the test database, with the shipped taxonomy as working taxonomy, a loopback server for DID
/// documents, JWKS and status lists, a clock the tests set, and an ESCO-style skill crosswalked to our "sql-aggregation".
/// </summary>
public sealed class CredentialApiFixture : IAsyncLifetime
{
    private ApiFactory baseFactory = null!;

    public CredentialServer Server { get; private set; } = null!;
    public FixedClock Clock { get; } = new(FixedClock.Default);
    public WebApplicationFactory<Program> Api { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public NpgsqlDataSource Db { get; private set; } = null!;

    /// <summary>An ESCO concept URI (as ESCO publishes it, http://) of a skill outside the working taxonomy, crosswalked into it.</summary>
    public string EscoSkillUri { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        Db = await TestDatabase.MigratedDataSourceAsync();
        Server = await CredentialServer.StartAsync();
        baseFactory = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        Api = baseFactory.WithWebHostBuilder(host =>
        {
            host.UseSetting("Credentials:Http:AllowLoopback", "true");
            host.UseSetting("Credentials:Http:AllowHttp", "true");
            host.UseSetting("Credentials:Recheck:Enabled", "false");
            host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        Client = Api.CreateClient();
        var admin = await Api.Services.GetRequiredService<ApiKeyStore>().CreateAsync(new NewApiKey(Role.Admin, null, null, "test"));
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Secret);
        EscoSkillUri = await CrosswalkedEscoSkillAsync("sql-aggregation");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
        await baseFactory.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>
    /// Learners are created with plain SQL, as staff would create them: the e-mail counts as verified. Unless
    /// <paramref name="provenDid"/> is null, the learner has also proved control of that DID (by default
    /// <see cref="Ob3.Learner"/>, the subject of the tests' credentials); HolderBindingTests prove DIDs through the API.
    /// </summary>
    public async Task<Guid> CreateLearnerAsync(string? email = null, string? provenDid = null)
    {
        await using var conn = await Db.OpenConnectionAsync();
        var id = await conn.QuerySingleAsync<Guid>(
            "INSERT INTO learners (display_name, email, email_verified) VALUES (@name, @email, @email IS NOT NULL) RETURNING id",
            new { name = "Test learner", email });
        if (provenDid is not null)
            await conn.ExecuteAsync("INSERT INTO learner_dids (learner_id, did, format, proven_at) VALUES (@id, @provenDid, 'vc-jwt', now())", new { id, provenDid });
        return id;
    }

    /// <summary>A learner who proved control of <see cref="Ob3.Learner"/>, the subject of the tests' credentials.</summary>
    public Task<Guid> CreateHolderAsync(string? email = null) => CreateLearnerAsync(email, Ob3.Learner);

    public async Task<(long Credentials, long Evidence)> CountsAsync(Guid learnerId)
    {
        await using var conn = await Db.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(long, long)>("""
            SELECT (SELECT count(*) FROM learner_credentials WHERE learner_id = @learnerId),
                   (SELECT count(*) FROM learner_skill_evidence WHERE learner_id = @learnerId)
            """, new { learnerId });
    }

    public Task<Issuer> RegisterIssuerAsync(string issuerUri, bool trusted) =>
        new IssuerRegistry(Db).AddAsync(new IssuerDetails(issuerUri, "Northern Polytechnic", trusted, "Ontario MCU", "Ontario Micro-credentials Framework"), CancellationToken.None);

    public Task<HttpResponseMessage> SubmitAsync(Guid learnerId, string body, string mediaType = "application/jwt") =>
        SubmitAsync(learnerId, Encoding.UTF8.GetBytes(body), mediaType);

    public Task<HttpResponseMessage> SubmitAsync(Guid learnerId, byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return Client.PostAsync($"/learners/{learnerId}/credentials", content);
    }

    /// <summary>An OB 3.0 credential whose achievement aligns to our "sql" (by code), "data visualisation" (by label) and the ESCO skill (by URI).</summary>
    public JsonObject SkillsCredential(string issuer, DateTimeOffset? validUntil = null)
    {
        var credential = Ob3.Credential(issuer, validUntil: validUntil);
        credential["credentialSubject"]!["achievement"]!["alignment"] = new JsonArray(
            new JsonObject { ["type"] = new JsonArray("Alignment"), ["targetName"] = "SQL", ["targetCode"] = "sql", ["targetFramework"] = "SkillsMatch", ["targetUrl"] = "https://skillsmatch.example/skills/sql" },
            new JsonObject { ["type"] = new JsonArray("Alignment"), ["targetName"] = "Data Visualisation", ["targetUrl"] = "https://credentialengineregistry.org/resources/ce-dataviz", ["targetFramework"] = "CTDL" },
            new JsonObject { ["type"] = new JsonArray("Alignment"), ["targetName"] = "aggregate data", ["targetUrl"] = EscoSkillUri.Replace("http://", "https://", StringComparison.Ordinal), ["targetFramework"] = "ESCO" });
        return credential;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Skills of a stored credential by their external id: (tier, source, detail).</summary>
    public static Dictionary<string, (string Tier, string Source, string? Detail)> Skills(JsonElement credential) =>
        credential.GetProperty("skills").EnumerateArray().ToDictionary(
            s => s.GetProperty("externalId").GetString()!,
            s => (s.GetProperty("tier").GetString()!, s.GetProperty("source").GetString()!, s.GetProperty("detail").GetString()));

    private async Task<string> CrosswalkedEscoSkillAsync(string workingExternalId)
    {
        var uri = $"http://data.europa.eu/esco/skill/test-{Guid.NewGuid():N}";
        var import = new TaxonomyImport(new TaxonomyInfo("esco-test-" + Guid.NewGuid().ToString("N")[..10], "1.2.0", "ESCO (test)", "tests", "CC-BY-4.0", null));
        import.Skills.Add(new SkillRecord(uri, "aggregate data in queries", [], null, SkillType.Skill, null));
        await new TaxonomyWriter(Db).WriteAsync(import);
        await using var conn = await Db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO skill_crosswalk (skill_id, target_skill_id, method, confidence)
            SELECT e.id, w.id, 'manual', 0.9
              FROM skills e, skills w JOIN taxonomies t ON t.id = w.taxonomy_id
             WHERE e.external_id = @uri AND t.key = 'skillsmatch' AND w.external_id = @workingExternalId
            """, new { uri, workingExternalId });
        return uri;
    }
}
