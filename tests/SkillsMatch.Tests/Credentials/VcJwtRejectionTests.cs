using System.Text;
using System.Text.Json.Nodes;
using SkillsMatch.Credentials;

namespace SkillsMatch.Tests.Credentials;

public sealed class VcJwtRejectionTests : CredentialTestHost
{
    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    [InlineData("RS512")]
    public async Task Disallowed_alg_is_rejected(string alg)
    {
        using var key = TestKey.Ed25519();
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(key.DidKey)), kid: key.DidKeyMethod, alg: alg);
        if (alg == "none") jwt = jwt[..(jwt.LastIndexOf('.') + 1)];

        var verdict = await VerifyAsync(jwt);

        Assert.False(verdict.IsVerified);
        Assert.False(verdict.SignatureValid);
        Assert.True(verdict.HasReason(ReasonCodes.AlgorithmNotAllowed), string.Join("; ", verdict.Reasons));
    }

    [Theory]
    [InlineData("d")]
    [InlineData("p")]
    [InlineData("k")]
    public async Task Header_jwk_carrying_private_key_material_is_rejected(string member)
    {
        using var key = TestKey.P256();
        var jwk = key.PublicJwk();
        jwk[member] = "c2VjcmV0";
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(key.DidJwk)), jwk: jwk);

        var verdict = await VerifyAsync(jwt);

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.PrivateKeyInHeader));
    }

    [Fact]
    public async Task Unknown_critical_header_is_rejected()
    {
        using var key = TestKey.Ed25519();
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(key.DidKey)), kid: key.DidKeyMethod, editHeader: h => h["crit"] = new JsonArray("b64"));

        var verdict = await VerifyAsync(jwt);

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.CriticalHeader));
    }

    [Fact]
    public async Task Expired_credential_is_rejected_with_reason()
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey, FixedClock.Default.AddYears(-2), validUntil: FixedClock.Default.AddDays(-1));

        var verdict = await VerifyAsync(key.Sign(Ob3.Payload(credential), kid: key.DidKeyMethod));

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.SignatureValid);
        Assert.Equal(ValidityWindow.Expired, verdict.Window);
        Assert.True(verdict.HasReason(ReasonCodes.Expired));
    }

    [Fact]
    public async Task Credential_not_yet_valid_is_rejected_with_reason()
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey, validFrom: FixedClock.Default.AddHours(1));

        var verdict = await VerifyAsync(key.Sign(Ob3.Payload(credential), kid: key.DidKeyMethod));

        Assert.False(verdict.IsVerified);
        Assert.Equal(ValidityWindow.NotYetValid, verdict.Window);
        Assert.True(verdict.HasReason(ReasonCodes.NotYetValid));
    }

    [Fact]
    public async Task Clock_skew_within_five_minutes_is_tolerated()
    {
        using var key = TestKey.Ed25519();
        var early = Ob3.Credential(key.DidKey, validFrom: FixedClock.Default.AddMinutes(4));
        var late = Ob3.Credential(key.DidKey, FixedClock.Default.AddDays(-1), validUntil: FixedClock.Default.AddMinutes(-4));

        var earlyVerdict = await VerifyAsync(key.Sign(Ob3.Payload(early), kid: key.DidKeyMethod));
        var lateVerdict = await VerifyAsync(key.Sign(Ob3.Payload(late), kid: key.DidKeyMethod));

        Assert.Equal(ValidityWindow.Valid, earlyVerdict.Window);
        Assert.Equal(ValidityWindow.Valid, lateVerdict.Window);
    }

    [Theory]
    [InlineData("iss", "did:example:someone-else")]
    [InlineData("jti", "urn:uuid:00000000-0000-0000-0000-000000000000")]
    [InlineData("sub", "did:example:other-learner")]
    public async Task Jwt_claim_that_contradicts_the_credential_is_rejected(string claim, string value)
    {
        using var key = TestKey.Ed25519();
        var payload = Ob3.Payload(Ob3.Credential(key.DidKey));
        payload[claim] = value;

        var verdict = await VerifyAsync(key.Sign(payload, kid: key.DidKeyMethod));

        Assert.False(verdict.IsVerified);
        Assert.False(verdict.StructureValid);
        Assert.Contains(verdict.Reasons, r => r.Code == ReasonCodes.ClaimMismatch && r.Message.Contains(claim, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nbf_that_differs_from_validFrom_is_rejected()
    {
        using var key = TestKey.Ed25519();
        var payload = Ob3.Payload(Ob3.Credential(key.DidKey));
        payload["nbf"] = FixedClock.Default.AddDays(-3).ToUnixTimeSeconds();

        var verdict = await VerifyAsync(key.Sign(payload, kid: key.DidKeyMethod));

        Assert.True(verdict.HasReason(ReasonCodes.ClaimMismatch));
    }

    [Fact]
    public async Task Credential_without_an_open_badge_type_is_rejected()
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey);
        credential["type"] = new JsonArray("VerifiableCredential");

        var verdict = await VerifyAsync(key.Sign(Ob3.Payload(credential), kid: key.DidKeyMethod));

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.TypeMissing));
    }

    [Fact]
    public async Task Recipient_mismatch_is_reported_and_fails_verification()
    {
        using var key = TestKey.Ed25519();
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(key.DidKey)), kid: key.DidKeyMethod);

        var verdict = await VerifyAsync(jwt, new ExpectedRecipient(Did: "did:example:someone-else"));

        Assert.False(verdict.IsVerified);
        Assert.Equal(RecipientMatch.Mismatch, verdict.Recipient);
        Assert.True(verdict.HasReason(ReasonCodes.RecipientMismatch));
    }

    [Theory]
    [InlineData("ada@example.org", RecipientMatch.Matched)]
    [InlineData("Ada@Example.org", RecipientMatch.Matched)]
    [InlineData("grace@example.org", RecipientMatch.Mismatch)]
    public async Task Hashed_email_identifier_binds_the_recipient(string email, RecipientMatch expected)
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey);
        var subject = credential["credentialSubject"]!.AsObject();
        subject.Remove("id");
        var salt = "s4lt-" + Guid.NewGuid().ToString("N")[..8];
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("ada@example.org" + salt)));
        subject["identifier"] = new JsonArray(new JsonObject
        {
            ["type"] = "IdentityObject", ["identityType"] = "emailAddress", ["hashed"] = true, ["identityHash"] = "sha256$" + hash, ["salt"] = salt,
        });
        var verdict = await VerifyAsync(key.Sign(Ob3.Payload(credential), kid: key.DidKeyMethod), new ExpectedRecipient(Email: email));

        Assert.Equal(expected, verdict.Recipient);
        Assert.Equal(expected == RecipientMatch.Matched, verdict.IsVerified);
    }

    [Fact]
    public async Task Only_completed_results_certify()
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey);
        credential["credentialSubject"]!["result"] = new JsonArray(
            new JsonObject { ["type"] = new JsonArray("Result"), ["resultDescription"] = "urn:rd:exam", ["status"] = "Completed", ["value"] = "91" },
            new JsonObject { ["type"] = new JsonArray("Result"), ["resultDescription"] = "urn:rd:project", ["status"] = "InProgress" });

        var verdict = await VerifyAsync(key.Sign(Ob3.Payload(credential), kid: key.DidKeyMethod));

        Assert.False(verdict.ResultsCertify);
        Assert.Equal([true, false], verdict.Results.Select(r => r.Certifies));
        Assert.Contains(verdict.Reasons, r => r.Code == ReasonCodes.ResultNotCompleted && r.Message.Contains("InProgress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Did_web_issuer_that_cannot_be_resolved_leaves_the_key_unbound()
    {
        using var key = TestKey.Ed25519();
        var did = Server.DidWeb + ":nobody";
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(did)), kid: did + "#key-0");

        var verdict = await VerifyAsync(jwt);

        Assert.False(verdict.IsVerified);
        Assert.False(verdict.KeyBoundToIssuer);
        Assert.True(verdict.HasReason(ReasonCodes.KeyUnresolved));
    }

    [Fact]
    public async Task Json_credential_with_a_broken_embedded_proof_is_not_claimed_verified()
    {
        var credential = Ob3.Credential("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
        credential["proof"] = new JsonObject { ["type"] = "DataIntegrityProof", ["cryptosuite"] = "eddsa-rdfc-2022", ["proofValue"] = "z3x" };

        var verdict = await VerifyAsync(credential.ToJsonString());

        Assert.Equal(CredentialFormat.VcJson, verdict.Format);
        Assert.True(verdict.StructureValid);
        Assert.False(verdict.IsVerified);
        Assert.False(verdict.SignatureValid);
        Assert.True(verdict.HasReason(ReasonCodes.Malformed)); // no verificationMethod
        Assert.Single(verdict.Achievements);
    }
}
