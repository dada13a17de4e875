using System.Text.Json.Nodes;
using SkillsMatch.Credentials;

namespace SkillsMatch.Tests.Credentials;

public sealed class VcJwtVerificationTests : CredentialTestHost
{
    [Theory]
    [InlineData("EdDSA")]
    [InlineData("ES256")]
    public async Task Credential_from_a_did_key_issuer_verifies(string alg)
    {
        using var key = TestKey.For(alg);
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(key.DidKey)), kid: key.DidKeyMethod);

        var verdict = await VerifyAsync(jwt, new ExpectedRecipient(Did: Ob3.Learner));

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
        Assert.Equal(CredentialFormat.VcJwt, verdict.Format);
        Assert.Equal(key.DidKey, verdict.IssuerId);
        Assert.Equal(key.DidKeyMethod, verdict.VerificationMethod);
        Assert.Equal(RecipientMatch.Matched, verdict.Recipient);
        Assert.Empty(verdict.Reasons);
    }

    [Theory]
    [InlineData("EdDSA")]
    [InlineData("ES256")]
    [InlineData("RS256")]
    public async Task Credential_from_a_did_jwk_issuer_verifies(string alg)
    {
        using var key = TestKey.For(alg);
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(key.DidJwk)), kid: key.DidJwk + "#0");

        var verdict = await VerifyAsync(jwt);

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
        Assert.True(verdict.KeyBoundToIssuer);
    }

    [Theory]
    [InlineData("EdDSA")]
    [InlineData("ES256")]
    [InlineData("RS256")]
    public async Task Credential_from_a_did_web_issuer_verifies_with_the_key_its_document_lists(string alg)
    {
        using var other = TestKey.Ed25519();
        using var key = TestKey.For(alg);
        var did = PublishDidWeb(other, key);
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(did)), kid: $"{did}#key-1");

        var verdict = await VerifyAsync(jwt);

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
        Assert.Equal($"{did}#key-1", verdict.VerificationMethod);
    }

    [Fact]
    public async Task Credential_from_an_https_issuer_verifies_with_its_jwks()
    {
        using var key = TestKey.Rsa2048();
        var jwk = key.PublicJwk();
        jwk["kid"] = "2026-signing";
        var issuer = Server.Serve("/issuers/poly", new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString());
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(issuer)), kid: "2026-signing");

        var verdict = await VerifyAsync(jwt);

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
    }

    [Fact]
    public async Task Vcdm_1_1_credential_in_the_vc_claim_verifies_with_claims_standing_for_missing_properties()
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey);
        credential["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        credential.Remove("validFrom");
        credential.Remove("issuer");
        var payload = new JsonObject
        {
            ["vc"] = credential,
            ["iss"] = key.DidKey,
            ["jti"] = credential["id"]!.GetValue<string>(),
            ["sub"] = Ob3.Learner,
            ["nbf"] = FixedClock.Default.AddDays(-1).ToUnixTimeSeconds(),
            ["exp"] = FixedClock.Default.AddDays(1).ToUnixTimeSeconds(),
        };

        var verdict = await VerifyAsync(key.Sign(payload, kid: key.DidKeyMethod));

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
        Assert.Equal(key.DidKey, verdict.IssuerId);
        Assert.Equal(FixedClock.Default.AddDays(1), verdict.ValidUntil);
    }

    [Fact]
    public async Task Achievement_alignments_and_microcredential_metadata_are_read()
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey);
        var achievement = credential["credentialSubject"]!["achievement"]!.AsObject();
        achievement["ext:MicrocredentialExtension"] = new JsonObject { ["hours"] = 40, ["assessmentType"] = "Proctored exam", ["level"] = "NQF 5", ["stackable"] = true };
        achievement["resultDescription"] = new JsonArray(new JsonObject { ["id"] = "urn:rd:1", ["name"] = "Final exam score", ["resultType"] = "Percent" });
        achievement["endorsement"] = new JsonArray(new JsonObject { ["issuer"] = new JsonObject { ["id"] = "https://industry.example", ["name"] = "Data Guild" } });

        var verdict = await VerifyAsync(key.Sign(Ob3.Payload(credential), kid: key.DidKeyMethod));

        var read = Assert.Single(verdict.Achievements);
        Assert.Equal("SQL for Analysts", read.Name);
        Assert.Equal("Passed a proctored practical exam.", read.CriteriaNarrative);
        var alignment = Assert.Single(read.Alignments);
        Assert.Equal(("use databases", "ESCO", "S5.6.1", "ceasn:Competency"), (alignment.TargetName, alignment.TargetFramework, alignment.TargetCode, alignment.TargetType));
        Assert.StartsWith("http://data.europa.eu/esco/skill/", alignment.TargetUrl, StringComparison.Ordinal);
        var micro = read.Microcredential;
        Assert.Equal((3.0, "Data Analytics", "Databases"), (micro.CreditsAvailable, micro.FieldOfStudy, micro.Specialization));
        Assert.Equal((40.0, "Proctored exam", "NQF 5", true), (micro.Hours, micro.AssessmentType, micro.Level, micro.Stackable));
        Assert.Equal(["Data Guild"], micro.Endorsers);
        Assert.Equal(["Final exam score"], micro.ResultDescriptions);
    }

    [Fact]
    public async Task Tampered_payload_is_rejected_as_an_invalid_signature()
    {
        using var key = TestKey.Ed25519();
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(key.DidKey)), kid: key.DidKeyMethod);
        var parts = jwt.Split('.');
        var tampered = Ob3.Payload(Ob3.Credential(key.DidKey));
        tampered["credentialSubject"]!["achievement"]!["name"] = "Doctor of Medicine";
        var forged = $"{parts[0]}.{TestKey.B64(System.Text.Encoding.UTF8.GetBytes(tampered.ToJsonString()))}.{parts[2]}";

        var verdict = await VerifyAsync(forged);

        Assert.False(verdict.IsVerified);
        Assert.False(verdict.SignatureValid);
        Assert.True(verdict.KeyBoundToIssuer);
        Assert.True(verdict.HasReason(ReasonCodes.SignatureInvalid));
    }

    [Fact]
    public async Task Credential_signed_with_the_wrong_key_is_rejected()
    {
        using var issuer = TestKey.P256();
        using var impostor = TestKey.P256();
        var jwt = impostor.Sign(Ob3.Payload(Ob3.Credential(issuer.DidKey)), kid: issuer.DidKeyMethod);

        var verdict = await VerifyAsync(jwt);

        Assert.False(verdict.IsVerified);
        Assert.False(verdict.SignatureValid);
        Assert.True(verdict.HasReason(ReasonCodes.SignatureInvalid));
    }

    [Fact]
    public async Task Key_embedded_in_the_header_but_not_listed_by_the_issuer_is_not_bound()
    {
        using var issuerKey = TestKey.Ed25519();
        using var attacker = TestKey.Ed25519();
        var did = PublishDidWeb(issuerKey);
        var jwt = attacker.Sign(Ob3.Payload(Ob3.Credential(did)), jwk: attacker.PublicJwk());

        var verdict = await VerifyAsync(jwt);

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.SignatureValid);
        Assert.False(verdict.KeyBoundToIssuer);
        Assert.Contains(verdict.Reasons, r => r.Code == ReasonCodes.KeyNotBound && r.Message.Contains("key not bound to issuer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kid_naming_someone_elses_did_key_is_not_bound_to_the_issuer()
    {
        using var issuerKey = TestKey.Ed25519();
        using var attacker = TestKey.Ed25519();
        var jwt = attacker.Sign(Ob3.Payload(Ob3.Credential(issuerKey.DidKey)), kid: attacker.DidKeyMethod);

        var verdict = await VerifyAsync(jwt);

        Assert.True(verdict.SignatureValid);
        Assert.False(verdict.KeyBoundToIssuer);
        Assert.True(verdict.HasReason(ReasonCodes.KeyNotBound));
    }

    [Fact]
    public async Task Header_jwk_of_the_issuers_own_did_jwk_is_bound()
    {
        using var key = TestKey.P256();
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(key.DidJwk)), jwk: key.PublicJwk());

        var verdict = await VerifyAsync(jwt);

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
    }
    [Fact]
    public async Task Clr_credential_yields_the_achievements_of_its_bundled_credentials()
    {
        using var key = TestKey.Ed25519();
        var inner = Ob3.Credential(key.DidKey);
        inner["type"] = new JsonArray("VerifiableCredential", "AchievementCredential");
        inner = DataIntegritySigner.Sign(inner, key);
        var second = Ob3.Credential(key.DidKey);
        second["credentialSubject"]!["achievement"]!["id"] = "https://example.edu/achievements/python-201";
        second["credentialSubject"]!["achievement"]!["name"] = "Python for Data";
        var clr = Ob3.Credential(key.DidKey);
        clr["type"] = new JsonArray("VerifiableCredential", "ClrCredential");
        clr["credentialSubject"] = new JsonObject
        {
            ["id"] = Ob3.Learner,
            ["type"] = new JsonArray("ClrSubject"),
            ["verifiableCredential"] = new JsonArray(inner, key.Sign(Ob3.Payload(second), kid: key.DidKeyMethod)),
        };

        var verdict = await VerifyAsync(key.Sign(Ob3.Payload(clr), kid: key.DidKeyMethod));

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
        Assert.Contains("ClrCredential", verdict.Types);
        Assert.Equal(["SQL for Analysts", "Python for Data"], verdict.Achievements.Select(a => a.Name));
    }
}
