using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SkillsMatch.Tests.Credentials;
using SkillsMatch.Tests.Credentials.Storage;

namespace SkillsMatch.Tests.Trust;

/// <summary>
/// Issue 15, credential replay: a credential's alignments are credential-verified only when its subject is bound to the
/// submitting learner (a verified e-mail, or a DID the learner proved with a Verifiable Presentation over our challenge).
/// </summary>
[Collection(StoredCredentialsGroup.Name)]
public sealed partial class HolderBindingTests
{
    private readonly CredentialApiFixture f;

    public HolderBindingTests(CredentialApiFixture fixture)
    {
        f = fixture;
        f.Clock.Now = FixedClock.Default;
    }

    private async Task<TestKey> TrustedIssuerAsync()
    {
        var key = TestKey.Ed25519();
        await f.RegisterIssuerAsync(key.DidKey, trusted: true);
        return key;
    }

    private static string Jwt(TestKey issuer, JsonObject credential) => issuer.Sign(Ob3.Payload(credential), kid: issuer.DidKeyMethod);

    private JsonObject CredentialFor(TestKey issuer, string? subject)
    {
        var credential = f.SkillsCredential(issuer.DidKey);
        if (subject is null) credential["credentialSubject"]!.AsObject().Remove("id");
        else credential["credentialSubject"]!["id"] = subject;
        return credential;
    }

    private static string Address() => $"holder-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task Credential_naming_someone_elses_email_is_only_attested_with_a_bind_link()
    {
        using var issuer = await TrustedIssuerAsync();
        var submitter = await f.CreateLearnerAsync(Address());

        var response = await f.SubmitAsync(submitter, Jwt(issuer, CredentialFor(issuer, "mailto:" + Address())));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await CredentialApiFixture.JsonAsync(response);
        Assert.False(stored.GetProperty("verified").GetBoolean());
        Assert.Equal("attested", CredentialApiFixture.Skills(stored)["sql"].Tier);
        Assert.Contains(stored.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "holder-not-bound");
        Assert.EndsWith($"/learners/{submitter}/holder", stored.GetProperty("bind").GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("did")]
    [InlineData("none")]
    public async Task Credential_with_an_unproven_did_or_no_subject_is_only_attested(string subject)
    {
        using var issuer = await TrustedIssuerAsync();
        using var holder = TestKey.Ed25519();
        var learner = await f.CreateLearnerAsync(Address());

        var response = await f.SubmitAsync(learner, Jwt(issuer, CredentialFor(issuer, subject == "did" ? holder.DidKey : null)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await CredentialApiFixture.JsonAsync(response);
        Assert.False(stored.GetProperty("verified").GetBoolean());
        Assert.All(CredentialApiFixture.Skills(stored).Values, s => Assert.NotEqual("credentialVerified", s.Tier));
    }

    [Fact]
    public async Task Staff_set_email_binds_a_mailto_subject()
    {
        using var issuer = await TrustedIssuerAsync();
        var address = Address();
        var learner = await f.CreateLearnerAsync(address);

        var stored = await CredentialApiFixture.JsonAsync(await f.SubmitAsync(learner, Jwt(issuer, CredentialFor(issuer, "mailto:" + address.ToUpperInvariant()))));

        Assert.True(stored.GetProperty("verified").GetBoolean(), stored.GetProperty("reasons").ToString());
        Assert.Equal("credentialVerified", CredentialApiFixture.Skills(stored)["sql"].Tier);
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("bind").ValueKind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Hashed_email_identity_binds_only_the_learners_own_verified_address(bool own)
    {
        using var issuer = await TrustedIssuerAsync();
        var address = Address();
        var learner = await f.CreateLearnerAsync(address);
        var credential = CredentialFor(issuer, null);
        var salt = "s4lt";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes((own ? address : Address()) + salt)));
        credential["credentialSubject"]!["identifier"] = new JsonArray(new JsonObject
        {
            ["type"] = "IdentityObject", ["identityType"] = "emailAddress", ["hashed"] = true, ["identityHash"] = "sha256$" + hash, ["salt"] = salt,
        });

        var response = await f.SubmitAsync(learner, Jwt(issuer, credential));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(own ? "credentialVerified" : "attested", CredentialApiFixture.Skills(await CredentialApiFixture.JsonAsync(response))["sql"].Tier);
    }

    [Fact]
    public async Task Proving_the_did_with_a_presentation_upgrades_the_stored_credential_without_resubmission()
    {
        using var issuer = await TrustedIssuerAsync();
        using var holder = TestKey.Ed25519();
        var learner = await f.CreateLearnerAsync();
        var stored = await CredentialApiFixture.JsonAsync(await f.SubmitAsync(learner, Jwt(issuer, CredentialFor(issuer, holder.DidKey))));
        Assert.Equal("attested", CredentialApiFixture.Skills(stored)["sql"].Tier);

        var challenge = await CredentialApiFixture.JsonAsync(await f.Client.PostAsync($"/learners/{learner}/holder/challenges", null));
        var nonce = challenge.GetProperty("challenge").GetString()!;
        var domain = challenge.GetProperty("domain").GetString()!;

        // A presentation signed by another key, or for another domain, proves nothing and burns nothing of the learner's.
        using var stranger = TestKey.Ed25519();
        var forged = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/dids",
            new { presentation = Presentation(stranger, holder.DidKey, nonce, domain) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);

        var fresh = (await CredentialApiFixture.JsonAsync(await f.Client.PostAsync($"/learners/{learner}/holder/challenges", null))).GetProperty("challenge").GetString()!;
        var wrongDomain = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/dids", new { presentation = Presentation(holder, holder.DidKey, fresh, "evil.example") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongDomain.StatusCode);

        var last = (await CredentialApiFixture.JsonAsync(await f.Client.PostAsync($"/learners/{learner}/holder/challenges", null))).GetProperty("challenge").GetString()!;
        var vp = Presentation(holder, holder.DidKey, last, domain);
        var proven = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/dids", new { presentation = vp });
        Assert.Equal(HttpStatusCode.OK, proven.StatusCode);
        Assert.Equal(holder.DidKey, (await CredentialApiFixture.JsonAsync(proven)).GetProperty("did").GetString());

        // The challenge is single use.
        var replayed = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/dids", new { presentation = vp });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replayed.StatusCode);

        var after = await CredentialApiFixture.JsonAsync(await f.Client.GetAsync($"/learners/{learner}/credentials/{stored.GetProperty("id").GetString()}"));
        Assert.True(after.GetProperty("verified").GetBoolean(), after.GetProperty("reasons").ToString());
        Assert.Equal("credentialVerified", CredentialApiFixture.Skills(after)["sql"].Tier);
    }

    [Fact]
    public async Task Expired_challenge_proves_nothing()
    {
        using var holder = TestKey.Ed25519();
        var learner = await f.CreateLearnerAsync();
        var challenge = await CredentialApiFixture.JsonAsync(await f.Client.PostAsync($"/learners/{learner}/holder/challenges", null));
        f.Clock.Now = FixedClock.Default.AddMinutes(6);

        var response = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/dids", new
        {
            presentation = Presentation(holder, holder.DidKey, challenge.GetProperty("challenge").GetString()!, challenge.GetProperty("domain").GetString()!),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Email_verified_with_a_one_time_code_upgrades_the_stored_credential()
    {
        using var issuer = await TrustedIssuerAsync();
        var learner = await f.CreateLearnerAsync();
        var address = Address();
        var stored = await CredentialApiFixture.JsonAsync(await f.SubmitAsync(learner, Jwt(issuer, CredentialFor(issuer, "mailto:" + address))));
        Assert.Equal("attested", CredentialApiFixture.Skills(stored)["sql"].Tier);

        var added = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/emails", new { address });
        Assert.Equal(HttpStatusCode.Accepted, added.StatusCode);
        var outbox = await CredentialApiFixture.JsonAsync(await f.Client.GetAsync($"/learners/{learner}/holder/outbox"));
        var message = Assert.Single(outbox.EnumerateArray());
        Assert.Equal(address, message.GetProperty("address").GetString());
        var code = SixDigits().Match(message.GetProperty("body").GetString()!).Value;

        var wrong = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/emails/verify", new { address, code = code == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var right = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/emails/verify", new { address, code });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);

        var after = await CredentialApiFixture.JsonAsync(await f.Client.GetAsync($"/learners/{learner}/credentials/{stored.GetProperty("id").GetString()}"));
        Assert.Equal("credentialVerified", CredentialApiFixture.Skills(after)["sql"].Tier);
    }

    [Fact]
    public async Task Codes_expire_and_run_out_of_attempts_with_the_same_answer_as_an_unknown_address()
    {
        var learner = await f.CreateLearnerAsync();
        var address = Address();
        await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/emails", new { address });
        var code = SixDigits().Match((await CredentialApiFixture.JsonAsync(await f.Client.GetAsync($"/learners/{learner}/holder/outbox")))[0].GetProperty("body").GetString()!).Value;
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
            await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/emails/verify", new { address, code = wrong });

        var exhausted = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/emails/verify", new { address, code });
        var unknown = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/emails/verify", new { address = Address(), code });

        Assert.Equal(HttpStatusCode.BadRequest, exhausted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal((await CredentialApiFixture.JsonAsync(exhausted)).GetProperty("detail").GetString(),
            (await CredentialApiFixture.JsonAsync(unknown)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bound_credential_cannot_be_claimed_by_another_learner()
    {
        using var issuer = await TrustedIssuerAsync();
        var address = Address();
        var owner = await f.CreateLearnerAsync(address);
        var thief = await f.CreateLearnerAsync(Address());
        var jwt = Jwt(issuer, CredentialFor(issuer, "mailto:" + address));
        Assert.Equal(HttpStatusCode.Created, (await f.SubmitAsync(owner, jwt)).StatusCode);

        var replay = await f.SubmitAsync(thief, jwt);

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Contains("another learner", (await CredentialApiFixture.JsonAsync(replay)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((0, 0), await f.CountsAsync(thief));
    }

    [Fact]
    public async Task A_failed_result_is_not_verified_and_evidences_no_skill()
    {
        using var issuer = await TrustedIssuerAsync();
        var address = Address();
        var learner = await f.CreateLearnerAsync(address);
        var credential = CredentialFor(issuer, "mailto:" + address);
        credential["credentialSubject"]!["result"] = new JsonArray(
            new JsonObject { ["type"] = new JsonArray("Result"), ["resultDescription"] = "urn:rd:exam", ["status"] = "Failed" });

        var response = await f.SubmitAsync(learner, Jwt(issuer, credential));

        var stored = await CredentialApiFixture.JsonAsync(response);
        Assert.False(stored.GetProperty("verified").GetBoolean());
        Assert.False(stored.GetProperty("verdict").GetProperty("isVerified").GetBoolean());
        Assert.Empty(stored.GetProperty("skills").EnumerateArray());
        Assert.Equal(0, (await f.CountsAsync(learner)).Evidence);
    }

    [Fact]
    public async Task A_data_integrity_presentation_over_our_challenge_binds_the_did_and_a_replay_does_not()
    {
        using var issuer = await TrustedIssuerAsync();
        using var holder = TestKey.Ed25519();
        var learner = await f.CreateLearnerAsync();
        var stored = await CredentialApiFixture.JsonAsync(await f.SubmitAsync(learner, Jwt(issuer, CredentialFor(issuer, holder.DidKey))));
        Assert.Equal("attested", CredentialApiFixture.Skills(stored)["sql"].Tier);

        var challenge = await CredentialApiFixture.JsonAsync(await f.Client.PostAsync($"/learners/{learner}/holder/challenges", null));
        Assert.Contains("data-integrity", challenge.GetProperty("formats").EnumerateArray().Select(e => e.GetString()));
        var nonce = challenge.GetProperty("challenge").GetString()!;
        var domain = challenge.GetProperty("domain").GetString()!;

        // Signed by a stranger's key while naming the holder: the proof is not the holder's.
        using var stranger = TestKey.Ed25519();
        var forged = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/dids",
            new { presentation = DataIntegrityPresentation(stranger, holder.DidKey, nonce, domain, stranger.DidKeyMethod) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);

        var fresh = (await CredentialApiFixture.JsonAsync(await f.Client.PostAsync($"/learners/{learner}/holder/challenges", null))).GetProperty("challenge").GetString()!;
        var elsewhere = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/dids",
            new { presentation = DataIntegrityPresentation(holder, holder.DidKey, fresh, "https://evil.example") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);

        var last = (await CredentialApiFixture.JsonAsync(await f.Client.PostAsync($"/learners/{learner}/holder/challenges", null))).GetProperty("challenge").GetString()!;
        var vp = DataIntegrityPresentation(holder, holder.DidKey, last, domain);
        var proven = await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/dids", new { presentation = vp });
        Assert.Equal(HttpStatusCode.OK, proven.StatusCode);
        Assert.Equal(holder.DidKey, (await CredentialApiFixture.JsonAsync(proven)).GetProperty("did").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await f.Client.PostAsJsonAsync($"/learners/{learner}/holder/dids", new { presentation = vp })).StatusCode);

        var after = await CredentialApiFixture.JsonAsync(await f.Client.GetAsync($"/learners/{learner}/credentials/{stored.GetProperty("id").GetString()}"));
        Assert.Equal("credentialVerified", CredentialApiFixture.Skills(after)["sql"].Tier);
    }

    /// <summary>A presentation with a Data Integrity proof (eddsa-rdfc-2022, purpose authentication) over our challenge and a domain.</summary>
    private static string DataIntegrityPresentation(TestKey signer, string holderDid, string challenge, string domain, string? verificationMethod = null) =>
        DataIntegritySigner.Sign(new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["holder"] = holderDid,
        }, signer, purpose: "authentication", verificationMethod: verificationMethod, editProof: p =>
        {
            p["challenge"] = challenge;
            p["domain"] = domain;
        }).ToJsonString();

    /// <summary>A VC-JWT presentation (VCDM 1.1 §6.3.1): iss the holder, aud our domain, nonce our challenge.</summary>
    private static string Presentation(TestKey signer, string holderDid, string nonce, string domain) => signer.Sign(new JsonObject
    {
        ["iss"] = holderDid,
        ["aud"] = domain,
        ["nonce"] = nonce,
        ["vp"] = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["holder"] = holderDid,
        },
    }, kid: signer.DidKeyMethod.Replace(signer.DidKey, holderDid, StringComparison.Ordinal));

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
