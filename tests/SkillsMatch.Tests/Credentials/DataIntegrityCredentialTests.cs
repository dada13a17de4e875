using System.Text.Json.Nodes;
using SkillsMatch.Credentials;

namespace SkillsMatch.Tests.Credentials;

/// <summary>OB 3.0 credentials secured with Data Integrity proofs through <see cref="CredentialVerifier"/>.</summary>
public sealed class DataIntegrityCredentialTests : CredentialTestHost
{
    [Theory]
    [InlineData("eddsa-rdfc-2022", "EdDSA")]
    [InlineData("eddsa-jcs-2022", "EdDSA")]
    [InlineData("ecdsa-rdfc-2019", "ES256")]
    public async Task Credential_signed_by_its_issuer_key_is_verified_and_names_its_cryptosuite(string cryptosuite, string alg)
    {
        using var key = TestKey.For(alg);
        var signed = DataIntegritySigner.Sign(Ob3.Credential(key.DidKey), key, cryptosuite);

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons.Select(r => r.Message)));
        Assert.Equal("DataIntegrityProof", verdict.ProofType);
        Assert.Equal(cryptosuite, verdict.Cryptosuite);
        Assert.Equal(key.DidKeyMethod, verdict.VerificationMethod);
        Assert.Single(verdict.Achievements);
    }

    [Fact]
    public async Task Claim_changed_after_signing_fails_the_signature()
    {
        using var key = TestKey.Ed25519();
        var signed = DataIntegritySigner.Sign(Ob3.Credential(key.DidKey), key);
        signed["credentialSubject"]!["achievement"]!["name"] = "Advanced SQL";

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.SignatureInvalid));
    }

    [Fact]
    public async Task Proof_by_someone_elses_key_is_not_bound_to_the_issuer()
    {
        using var issuer = TestKey.Ed25519();
        using var stranger = TestKey.Ed25519();
        var signed = DataIntegritySigner.Sign(Ob3.Credential(issuer.DidKey), stranger);

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.True(verdict.SignatureValid);
        Assert.False(verdict.KeyBoundToIssuer);
        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.KeyNotBound));
    }

    [Fact]
    public async Task Credential_proof_for_authentication_is_refused()
    {
        using var key = TestKey.Ed25519();
        var signed = DataIntegritySigner.Sign(Ob3.Credential(key.DidKey), key, purpose: "authentication");

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.ProofPurposeMismatch));
    }

    [Fact]
    public async Task Expired_proof_is_refused()
    {
        using var key = TestKey.Ed25519();
        var signed = DataIntegritySigner.Sign(Ob3.Credential(key.DidKey), key, editProof: p => p["expires"] = Ob3.Date(FixedClock.Default.AddDays(-2)));

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.ProofExpired));
    }

    [Fact]
    public async Task Context_that_is_not_pinned_is_refused_without_fetching()
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey);
        ((JsonArray)credential["@context"]!).Add("https://example.org/contexts/unknown.jsonld");
        var signed = new JsonObject(credential.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())))
        {
            ["proof"] = new JsonObject
            {
                ["type"] = "DataIntegrityProof", ["cryptosuite"] = "eddsa-rdfc-2022", ["verificationMethod"] = key.DidKeyMethod,
                ["proofPurpose"] = "assertionMethod", ["proofValue"] = "z5a",
            },
        };

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.ContextNotAllowed));
    }

    [Fact]
    public async Task Term_no_context_defines_is_refused_in_safe_mode()
    {
        using var key = TestKey.Ed25519();
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/data-integrity/v2"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = key.DidKey,
            ["issuanceDate"] = Ob3.Date(FixedClock.Default.AddDays(-3)),
            ["credentialSubject"] = new JsonObject { ["id"] = Ob3.Learner, ["undefinedClaim"] = "not signed over" },
        };
        var signed = DataIntegritySigner.Sign(credential, key, cryptosuite: "eddsa-jcs-2022");
        signed["proof"]!["cryptosuite"] = "eddsa-rdfc-2022";

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.UndefinedTerm));
    }
}
