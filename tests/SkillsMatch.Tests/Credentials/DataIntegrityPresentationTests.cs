using System.Text.Json.Nodes;
using SkillsMatch.Credentials;

namespace SkillsMatch.Tests.Credentials;

/// <summary>Verifiable Presentations secured with a Data Integrity proof: challenge, domain, holder binding.</summary>
public sealed class DataIntegrityPresentationTests : CredentialTestHost
{
    private const string Domain = "https://skillsmatch.example";

    private static JsonObject Presentation(TestKey issuer, TestKey holder, string challenge, string domain = Domain, string? holderDid = null,
        string? holderMethod = null)
    {
        var credential = DataIntegritySigner.Sign(Ob3.Credential(issuer.DidKey, subject: holderDid ?? holder.DidKey), issuer);
        var presentation = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["holder"] = holderDid ?? holder.DidKey,
            ["verifiableCredential"] = new JsonArray(credential),
        };
        return DataIntegritySigner.Sign(presentation, holder, purpose: "authentication", verificationMethod: holderMethod, editProof: p =>
        {
            p["challenge"] = challenge;
            p["domain"] = domain;
        });
    }

    [Fact]
    public async Task Presentation_signed_by_the_holder_over_our_challenge_is_verified()
    {
        using var issuer = TestKey.Ed25519();
        using var holder = TestKey.Ed25519();

        var verdict = await Verifier.VerifyDataIntegrityPresentationAsync(Presentation(issuer, holder, "c-123").ToJsonString(), "c-123", Domain);

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons.Concat(verdict.Credentials.SelectMany(c => c.Reasons)).Select(r => r.Message)));
        Assert.Equal(holder.DidKey, verdict.Holder);
        Assert.Equal("eddsa-rdfc-2022", verdict.Cryptosuite);
        Assert.Equal(RecipientMatch.Matched, verdict.Credentials[0].Recipient);
    }

    [Fact]
    public async Task Replayed_presentation_with_another_challenge_is_refused()
    {
        using var issuer = TestKey.Ed25519();
        using var holder = TestKey.Ed25519();

        var verdict = await Verifier.VerifyDataIntegrityPresentationAsync(Presentation(issuer, holder, "old").ToJsonString(), "fresh", Domain);

        Assert.False(verdict.IsVerified);
        Assert.Contains(verdict.Reasons, r => r.Code == ReasonCodes.ChallengeMismatch);
    }

    [Fact]
    public async Task Presentation_for_another_domain_is_refused()
    {
        using var issuer = TestKey.Ed25519();
        using var holder = TestKey.Ed25519();

        var verdict = await Verifier.VerifyDataIntegrityPresentationAsync(Presentation(issuer, holder, "c-1", "https://other.example").ToJsonString(), "c-1", Domain);

        Assert.False(verdict.IsVerified);
        Assert.Contains(verdict.Reasons, r => r.Code == ReasonCodes.DomainMismatch);
    }

    [Fact]
    public async Task Presentation_signed_by_someone_other_than_the_holder_is_not_bound()
    {
        using var issuer = TestKey.Ed25519();
        using var holder = TestKey.Ed25519();
        using var thief = TestKey.Ed25519();

        var verdict = await Verifier.VerifyDataIntegrityPresentationAsync(Presentation(issuer, thief, "c-2", holderDid: holder.DidKey).ToJsonString(), "c-2", Domain);

        Assert.False(verdict.IsVerified);
        Assert.False(verdict.HolderBound);
    }

    [Fact]
    public async Task Presentation_signed_with_a_did_web_authentication_key_is_verified()
    {
        using var issuer = TestKey.Ed25519();
        using var holder = TestKey.Ed25519();
        var did = Server.PublishDidWeb(["authentication"], holder);

        var verdict = await Verifier.VerifyDataIntegrityPresentationAsync(
            Presentation(issuer, holder, "c-3", holderDid: did, holderMethod: $"{did}#key-0").ToJsonString(), "c-3", Domain);

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons.Concat(verdict.Credentials.SelectMany(c => c.Reasons)).Select(r => r.Message)));
        Assert.Equal(did, verdict.Holder);
    }

    [Fact]
    public async Task Presentation_signed_with_a_did_web_key_listed_only_for_assertion_is_not_bound()
    {
        using var issuer = TestKey.Ed25519();
        using var holder = TestKey.Ed25519();
        var did = Server.PublishDidWeb(["assertionMethod"], holder);

        var verdict = await Verifier.VerifyDataIntegrityPresentationAsync(
            Presentation(issuer, holder, "c-4", holderDid: did, holderMethod: $"{did}#key-0").ToJsonString(), "c-4", Domain);

        Assert.False(verdict.IsVerified);
        Assert.False(verdict.HolderBound);
        Assert.Contains(verdict.Reasons, r => r.Code == ReasonCodes.KeyNotBound && r.Message.Contains("authentication", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credential_signed_with_a_did_web_key_listed_only_for_authentication_is_not_bound()
    {
        using var issuer = TestKey.Ed25519();
        var did = Server.PublishDidWeb(["authentication"], issuer);

        var verdict = await Verifier.VerifyAsync(DataIntegritySigner.Sign(Ob3.Credential(did), issuer, verificationMethod: $"{did}#key-0").ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.False(verdict.KeyBoundToIssuer);
        Assert.Contains(verdict.Reasons, r => r.Code == ReasonCodes.KeyNotBound && r.Message.Contains("assertionMethod", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credential_signed_with_a_did_web_assertion_key_is_verified()
    {
        using var issuer = TestKey.Ed25519();
        var did = Server.PublishDidWeb(["assertionMethod", "authentication"], issuer);

        var verdict = await Verifier.VerifyAsync(DataIntegritySigner.Sign(Ob3.Credential(did), issuer, verificationMethod: $"{did}#key-0").ToJsonString());

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons.Select(r => r.Message)));
    }
}
