using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;

namespace SkillsMatch.Tests.Credentials.Storage;

[Collection(StoredCredentialsGroup.Name)]
public sealed class LearnerCredentialIngestTests
{
    private readonly CredentialApiFixture f;

    public LearnerCredentialIngestTests(CredentialApiFixture fixture)
    {
        f = fixture;
        f.Clock.Now = FixedClock.Default;
    }

    [Fact]
    public async Task Valid_credential_from_a_trusted_did_web_issuer_gives_credential_verified_skills_with_their_evidence()
    {
        using var key = TestKey.Ed25519();
        var did = f.Server.PublishDidWeb(key);
        if (await new SkillsMatch.Credentials.Trust.IssuerRegistry(f.Db).FindAsync(did, CancellationToken.None) is null)
            await f.RegisterIssuerAsync(did, trusted: true);
        var learner = await f.CreateHolderAsync("ada@example.org");
        var jwt = key.Sign(Ob3.Payload(f.SkillsCredential(did)), kid: $"{did}#key-0");

        var response = await f.SubmitAsync(learner, jwt);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await CredentialApiFixture.JsonAsync(response);
        Assert.Equal($"/learners/{learner}/credentials/{stored.GetProperty("id").GetString()}", response.Headers.Location!.OriginalString);
        Assert.True(stored.GetProperty("verified").GetBoolean(), stored.GetProperty("reasons").ToString());
        Assert.True(stored.GetProperty("issuerTrusted").GetBoolean());
        Assert.Equal(("vc-jwt", "active", did), (stored.GetProperty("format").GetString(), stored.GetProperty("status").GetString(), stored.GetProperty("issuerUri").GetString()));
        Assert.Equal(3, stored.GetProperty("microcredential").GetProperty("creditsAvailable").GetInt32());
        var skills = CredentialApiFixture.Skills(stored);
        Assert.Equal(("credentialVerified", "credential-alignment", "https://skillsmatch.example/skills/sql"), skills["sql"]);
        Assert.Equal(("credentialVerified", "credential-alignment", "https://credentialengineregistry.org/resources/ce-dataviz"), skills["data-visualisation"]);
        Assert.Equal("credentialVerified", skills["sql-aggregation"].Tier); // ESCO URI → crosswalk
        var inferred = stored.GetProperty("skills").EnumerateArray().Where(s => s.GetProperty("tier").GetString() == "inferred").ToList();
        Assert.NotEmpty(inferred);
        Assert.All(inferred, s => Assert.Equal("credential-text", s.GetProperty("source").GetString()));
        Assert.DoesNotContain(inferred, s => s.GetProperty("externalId").GetString() == "sql"); // already evidenced by its alignment
        var text = "SQL for Analysts\nQueries relational data with joins and window functions.\nPassed a proctored practical exam.";
        Assert.All(inferred, s => Assert.Equal(s.GetProperty("detail").GetString(),
            text[s.GetProperty("spanStart").GetInt32()..s.GetProperty("spanEnd").GetInt32()]));

        await using var conn = await f.Db.OpenConnectionAsync();
        var rows = await conn.QuerySingleAsync<long>("SELECT count(*) FROM learner_skill_evidence WHERE learner_id = @learner AND credential_id IS NOT NULL", new { learner });
        Assert.Equal(stored.GetProperty("skills").GetArrayLength(), rows);
        var listed = await CredentialApiFixture.JsonAsync(await f.Client.GetAsync($"/learners/{learner}/credentials"));
        Assert.Equal(stored.GetProperty("id").GetString(), Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Baked_png_from_an_https_issuer_with_a_jwks_is_accepted()
    {
        using var key = TestKey.Rsa2048();
        var jwk = key.PublicJwk();
        jwk["kid"] = "2026-signing";
        var issuer = f.Server.Serve($"/issuers/{Guid.NewGuid():N}", new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString());
        await f.RegisterIssuerAsync(issuer, trusted: true);
        var learner = await f.CreateHolderAsync();
        var png = BadgeImages.Png("openbadgecredential", key.Sign(Ob3.Payload(f.SkillsCredential(issuer)), kid: "2026-signing"));

        var response = await f.SubmitAsync(learner, png, "image/png");

        var stored = await CredentialApiFixture.JsonAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(("png", true), (stored.GetProperty("container").GetString(), stored.GetProperty("verified").GetBoolean()));
        Assert.Equal("credentialVerified", CredentialApiFixture.Skills(stored)["sql"].Tier);
    }

    [Fact]
    public async Task Hosted_open_badges_2_assertion_is_fetched_by_url_and_stored_with_its_skills()
    {
        var prefix = $"/ob2-{Guid.NewGuid():N}";
        const string email = "ada@example.org";
        const string context = "https://w3id.org/openbadges/v2";
        var issuer = f.Server.Serve(prefix + "/issuer", new JsonObject
        {
            ["@context"] = context, ["type"] = "Issuer", ["id"] = f.Server.Url(prefix + "/issuer"), ["name"] = "Harbour College", ["url"] = f.Server.BaseUrl,
        }.ToJsonString());
        f.Server.Serve(prefix + "/badge", new JsonObject
        {
            ["@context"] = context, ["type"] = "BadgeClass", ["id"] = f.Server.Url(prefix + "/badge"), ["name"] = "Forklift Safety",
            ["description"] = "Operates a counterbalance forklift safely.", ["issuer"] = issuer,
            ["criteria"] = new JsonObject { ["narrative"] = "Completed 16 hours of supervised practice." },
            ["alignment"] = new JsonArray(new JsonObject { ["targetName"] = "forklift operation", ["targetFramework"] = "SkillsMatch" }),
        }.ToJsonString());
        var assertionUrl = f.Server.Url(prefix + "/assertion");
        var salt = "deadsea";
        f.Server.Serve(prefix + "/assertion", new JsonObject
        {
            ["@context"] = context, ["type"] = "Assertion", ["id"] = assertionUrl, ["badge"] = f.Server.Url(prefix + "/badge"),
            ["recipient"] = new JsonObject
            {
                ["type"] = "email", ["hashed"] = true, ["salt"] = salt,
                ["identity"] = "sha256$" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email + salt))),
            },
            ["issuedOn"] = Ob3.Date(FixedClock.Default.AddDays(-10)), ["verification"] = new JsonObject { ["type"] = "hosted" },
        }.ToJsonString());
        await f.RegisterIssuerAsync(issuer, trusted: true);
        var learner = await f.CreateHolderAsync(email);

        var response = await f.Client.PostAsJsonAsync($"/learners/{learner}/credentials", new { url = assertionUrl });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await CredentialApiFixture.JsonAsync(response);
        Assert.Equal(("ob2-hosted", "url", true), (stored.GetProperty("format").GetString(), stored.GetProperty("container").GetString(), stored.GetProperty("verified").GetBoolean()));
        Assert.Equal(("credentialVerified", "forklift operation"), (CredentialApiFixture.Skills(stored)["forklift-operation"].Tier, CredentialApiFixture.Skills(stored)["forklift-operation"].Detail));
    }

    [Theory]
    [InlineData(false, "issuer-unknown")]
    [InlineData(true, "issuer-not-trusted")]
    public async Task Authentic_credential_from_an_issuer_we_do_not_trust_is_stored_with_attested_skills(bool registered, string reason)
    {
        using var key = TestKey.Ed25519();
        if (registered) await f.RegisterIssuerAsync(key.DidKey, trusted: false);
        var learner = await f.CreateHolderAsync();

        var response = await f.SubmitAsync(learner, key.Sign(Ob3.Payload(f.SkillsCredential(key.DidKey)), kid: key.DidKeyMethod));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await CredentialApiFixture.JsonAsync(response);
        Assert.False(stored.GetProperty("verified").GetBoolean());
        Assert.True(stored.GetProperty("signatureValid").GetBoolean());
        Assert.True(stored.GetProperty("keyBound").GetBoolean());
        Assert.False(stored.GetProperty("issuerTrusted").GetBoolean());
        Assert.Contains(stored.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == reason);
        var skills = CredentialApiFixture.Skills(stored);
        Assert.Equal(("attested", "credential-alignment"), (skills["sql"].Tier, skills["sql"].Source));
        Assert.Equal("attested", skills["sql-aggregation"].Tier);
        Assert.DoesNotContain(skills.Values, s => s.Tier == "credentialVerified");
        Assert.Contains(skills.Values, s => s.Tier == "inferred");
    }

    [Fact]
    public async Task Unknown_status_and_expiry_keep_a_trusted_issuers_credential_but_only_attest_its_skills()
    {
        using var key = TestKey.Ed25519();
        await f.RegisterIssuerAsync(key.DidKey, trusted: true);
        var learner = await f.CreateHolderAsync();
        var unreachable = f.SkillsCredential(key.DidKey);
        unreachable["credentialStatus"] = StatusLists.Entry(f.Server.Url($"/status/missing-{Guid.NewGuid():N}"), "revocation", 3, bitstring: true);
        var expired = f.SkillsCredential(key.DidKey, validUntil: FixedClock.Default.AddDays(-1));

        var unknown = await CredentialApiFixture.JsonAsync(await f.SubmitAsync(learner, key.Sign(Ob3.Payload(unreachable), kid: key.DidKeyMethod)));
        var old = await CredentialApiFixture.JsonAsync(await f.SubmitAsync(learner, key.Sign(Ob3.Payload(expired), kid: key.DidKeyMethod)));

        Assert.Equal(("unknown", false), (unknown.GetProperty("status").GetString(), unknown.GetProperty("verified").GetBoolean()));
        Assert.Equal("attested", CredentialApiFixture.Skills(unknown)["sql"].Tier);
        Assert.Equal(("active", false), (old.GetProperty("status").GetString(), old.GetProperty("verified").GetBoolean()));
        Assert.Contains(old.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "expired");
        Assert.Equal("attested", CredentialApiFixture.Skills(old)["sql"].Tier);
    }

    [Fact]
    public async Task Submitting_the_same_credential_again_returns_the_stored_record_and_changes_nothing()
    {
        using var key = TestKey.Ed25519();
        var learner = await f.CreateHolderAsync();
        var jwt = key.Sign(Ob3.Payload(f.SkillsCredential(key.DidKey)), kid: key.DidKeyMethod);

        var first = await f.SubmitAsync(learner, jwt);
        var counts = await f.CountsAsync(learner);
        var same = await f.SubmitAsync(learner, jwt, "text/plain");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal((await CredentialApiFixture.JsonAsync(first)).GetProperty("id").GetString(), (await CredentialApiFixture.JsonAsync(same)).GetProperty("id").GetString());
        Assert.Equal((1L, counts.Evidence), await f.CountsAsync(learner));
        Assert.True(counts.Evidence > 0);
    }

    [Fact]
    public async Task Deleting_a_credential_removes_the_evidence_it_gave()
    {
        using var key = TestKey.Ed25519();
        var learner = await f.CreateHolderAsync();
        var stored = await CredentialApiFixture.JsonAsync(await f.SubmitAsync(learner, key.Sign(Ob3.Payload(f.SkillsCredential(key.DidKey)), kid: key.DidKeyMethod)));
        var url = $"/learners/{learner}/credentials/{stored.GetProperty("id").GetString()}";

        var deleted = await f.Client.DeleteAsync(url);
        var gone = await f.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal((0L, 0L), await f.CountsAsync(learner));
    }

    [Fact]
    public async Task Unknown_learner_is_a_404_problem()
    {
        var nobody = Guid.NewGuid();

        var submit = await f.SubmitAsync(nobody, "eyJ.eyJ.sig");
        var list = await f.Client.GetAsync($"/learners/{nobody}/credentials");
        var one = await f.Client.GetAsync($"/learners/{nobody}/credentials/{Guid.NewGuid()}");

        Assert.All([submit, list, one], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var problem = await CredentialApiFixture.JsonAsync(submit);
        Assert.Equal("Learner not found", problem.GetProperty("title").GetString());
        Assert.Contains(nobody.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", submit.Content.Headers.ContentType!.MediaType);
    }
}
