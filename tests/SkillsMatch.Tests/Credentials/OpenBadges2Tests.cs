using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SkillsMatch.Credentials;

namespace SkillsMatch.Tests.Credentials;

public sealed class OpenBadges2Tests : CredentialTestHost
{
    private const string Email = "ada@example.org";
    private const string Context = "https://w3id.org/openbadges/v2";

    private string PublishIssuer(string? keyUrl = null, string? revocationList = null, JsonObject? verification = null)
    {
        var url = Server.Url("/ob2/issuer");
        var issuer = new JsonObject { ["@context"] = Context, ["type"] = "Issuer", ["id"] = url, ["name"] = "Harbour College", ["url"] = Server.BaseUrl };
        if (keyUrl is not null) issuer["publicKey"] = keyUrl;
        if (revocationList is not null) issuer["revocationList"] = revocationList;
        if (verification is not null) issuer["verification"] = verification;
        Server.Serve("/ob2/issuer", issuer.ToJsonString());
        var badge = new JsonObject
        {
            ["@context"] = Context, ["type"] = "BadgeClass", ["id"] = Server.Url("/ob2/badge"), ["name"] = "Forklift Safety",
            ["description"] = "Operates a counterbalance forklift safely.", ["issuer"] = url,
            ["criteria"] = new JsonObject { ["narrative"] = "Completed 16 hours of supervised practice." },
            ["alignment"] = new JsonArray(new JsonObject { ["targetName"] = "operate forklift", ["targetUrl"] = "http://data.europa.eu/esco/skill/forklift", ["targetFramework"] = "ESCO" }),
        };
        Server.Serve("/ob2/badge", badge.ToJsonString());
        return url;
    }

    private JsonObject Assertion(string id, JsonObject verification)
    {
        var salt = "deadsea";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Email + salt)));
        return new JsonObject
        {
            ["@context"] = Context, ["type"] = "Assertion", ["id"] = id,
            ["recipient"] = new JsonObject { ["type"] = "email", ["hashed"] = true, ["salt"] = salt, ["identity"] = "sha256$" + hash },
            ["badge"] = Server.Url("/ob2/badge"), ["issuedOn"] = Ob3.Date(FixedClock.Default.AddDays(-10)), ["verification"] = verification,
        };
    }

    private string PublishHostedAssertion(string path, Action<JsonObject>? edit = null)
    {
        var assertion = Assertion(Server.Url(path), new JsonObject { ["type"] = "hosted" });
        edit?.Invoke(assertion);
        return Server.Serve(path, assertion.ToJsonString());
    }

    [Fact]
    public async Task Hosted_assertion_verifies_from_the_fetched_copy()
    {
        PublishIssuer();
        var url = PublishHostedAssertion("/ob2/assertions/1");

        var verdict = await Verifier.VerifyHostedAsync(new Uri(url), new ExpectedRecipient(Email: Email));

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
        Assert.Equal(CredentialFormat.OpenBadges2Hosted, verdict.Format);
        Assert.Equal("Harbour College", verdict.IssuerName);
        Assert.Equal(RecipientMatch.Matched, verdict.Recipient);
        var badge = Assert.Single(verdict.Achievements);
        Assert.Equal(("Forklift Safety", "operate forklift"), (badge.Name, badge.Alignments.Single().TargetName));
    }

    [Fact]
    public async Task Baked_hosted_assertion_is_judged_by_the_fetched_copy_not_the_baked_one()
    {
        PublishIssuer();
        var url = PublishHostedAssertion("/ob2/assertions/2");
        var baked = Assertion(url, new JsonObject { ["type"] = "hosted" });
        baked["recipient"]!["identity"] = "mallory@example.org";
        baked["recipient"]!["hashed"] = false;

        var verdict = await Verifier.VerifyAsync(BadgeImages.Png("openbadges", baked.ToJsonString()), new ExpectedRecipient(Email: "mallory@example.org"));

        Assert.Equal(CredentialContainer.Png, verdict.Container);
        Assert.Equal(RecipientMatch.Mismatch, verdict.Recipient);
        Assert.False(verdict.IsVerified);
    }

    [Fact]
    public async Task Hosted_assertion_outside_the_issuers_allowed_origins_is_rejected()
    {
        PublishIssuer(verification: new JsonObject { ["allowedOrigins"] = "badges.harbour.example" });
        var url = PublishHostedAssertion("/ob2/assertions/3");

        var verdict = await Verifier.VerifyHostedAsync(new Uri(url));

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.OriginMismatch));
    }

    [Fact]
    public async Task Hosted_assertion_claiming_another_origin_is_rejected()
    {
        PublishIssuer();
        var url = PublishHostedAssertion("/ob2/assertions/4", a => a["id"] = "https://badges.elsewhere.example/assertions/4");

        var verdict = await Verifier.VerifyHostedAsync(new Uri(url));

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.OriginMismatch));
    }

    [Fact]
    public async Task Hosted_assertion_answering_410_gone_is_revoked()
    {
        PublishIssuer();
        var url = Server.Serve("/ob2/assertions/5", "{\"revoked\": true}", status: 410);

        var verdict = await Verifier.VerifyHostedAsync(new Uri(url));

        Assert.Equal(StatusCheck.Revoked, verdict.Status);
        Assert.True(verdict.HasReason(ReasonCodes.Revoked));
    }

    private (string Jws, string KeyUrl) SignedAssertion(TestKey key, string keyOwner, bool listKey, string? revocationList = null, string alg = "RS256")
    {
        var keyUrl = Server.Url("/ob2/key");
        Server.Serve("/ob2/key", new JsonObject
        {
            ["@context"] = Context, ["type"] = "CryptographicKey", ["id"] = keyUrl, ["owner"] = keyOwner, ["publicKeyPem"] = key.PublicPem,
        }.ToJsonString());
        PublishIssuer(listKey ? keyUrl : null, revocationList);
        var assertion = Assertion("urn:uuid:6f1c3a52-3f1e-4c43-9e0b-2d6f6f0b5a11", new JsonObject { ["type"] = "signed", ["creator"] = keyUrl });
        return (key.Sign(assertion, alg: alg), keyUrl);
    }

    [Fact]
    public async Task Signed_assertion_verifies_with_the_issuers_listed_key()
    {
        using var key = TestKey.Rsa2048();
        var (jws, keyUrl) = SignedAssertion(key, Server.Url("/ob2/issuer"), listKey: true);

        var verdict = await VerifyAsync(jws, new ExpectedRecipient(Email: Email));

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
        Assert.Equal(CredentialFormat.OpenBadges2Signed, verdict.Format);
        Assert.Equal(keyUrl, verdict.VerificationMethod);
        Assert.Equal(StatusCheck.NotApplicable, verdict.Status);
    }

    [Fact]
    public async Task Signed_assertion_with_a_key_the_issuer_does_not_list_is_not_bound()
    {
        using var key = TestKey.Rsa2048();
        var (jws, _) = SignedAssertion(key, Server.Url("/ob2/issuer"), listKey: false);

        var verdict = await VerifyAsync(jws);

        Assert.True(verdict.SignatureValid);
        Assert.False(verdict.KeyBoundToIssuer);
        Assert.True(verdict.HasReason(ReasonCodes.KeyNotBound));
    }

    [Fact]
    public async Task Signed_assertion_on_the_issuers_revocation_list_is_revoked()
    {
        using var key = TestKey.Rsa2048();
        var list = Server.Serve("/ob2/revocations", new JsonObject
        {
            ["@context"] = Context, ["type"] = "RevocationList", ["id"] = Server.Url("/ob2/revocations"),
            ["revokedAssertions"] = new JsonArray(new JsonObject { ["id"] = "urn:uuid:6f1c3a52-3f1e-4c43-9e0b-2d6f6f0b5a11", ["revocationReason"] = "fraud" }),
        }.ToJsonString());
        var (jws, _) = SignedAssertion(key, Server.Url("/ob2/issuer"), listKey: true, revocationList: list);

        var verdict = await VerifyAsync(jws);

        Assert.Equal(StatusCheck.Revoked, verdict.Status);
        Assert.False(verdict.IsVerified);
    }

    [Fact]
    public async Task Signed_assertion_with_an_algorithm_other_than_rs256_is_rejected()
    {
        using var key = TestKey.P256();
        using var rsa = TestKey.Rsa2048();
        var (_, keyUrl) = SignedAssertion(rsa, Server.Url("/ob2/issuer"), listKey: true);
        var assertion = Assertion("urn:uuid:1", new JsonObject { ["type"] = "signed", ["creator"] = keyUrl });

        var verdict = await VerifyAsync(key.Sign(assertion));

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.AlgorithmNotAllowed));
    }
    [Fact]
    public async Task Signed_assertion_cannot_vouch_for_its_own_key_with_an_embedded_issuer()
    {
        using var attacker = TestKey.Rsa2048();
        var (_, keyUrl) = SignedAssertion(attacker, Server.Url("/ob2/issuer"), listKey: false);
        var assertion = Assertion("urn:uuid:7", new JsonObject { ["type"] = "signed", ["creator"] = keyUrl });
        assertion["badge"] = new JsonObject
        {
            ["type"] = "BadgeClass", ["name"] = "Forklift Safety",
            ["issuer"] = new JsonObject { ["type"] = "Issuer", ["id"] = Server.Url("/ob2/issuer"), ["name"] = "Harbour College", ["publicKey"] = keyUrl },
        };

        var verdict = await VerifyAsync(attacker.Sign(assertion));

        Assert.False(verdict.IsVerified);
        Assert.False(verdict.KeyBoundToIssuer);
        Assert.True(verdict.HasReason(ReasonCodes.KeyNotBound));
    }
}
