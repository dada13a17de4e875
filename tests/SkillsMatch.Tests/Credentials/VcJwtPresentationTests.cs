using System.Text.Json.Nodes;
using SkillsMatch.Credentials.Holder;

namespace SkillsMatch.Tests.Credentials;

/// <summary>A VC-JWT presentation binds its holder only with a key the holder's DID document lists under authentication.</summary>
public sealed class VcJwtPresentationTests : CredentialTestHost
{
    private const string Domain = "https://skillsmatch.example";

    private static string Presentation(TestKey signer, string holderDid, string kid) => signer.Sign(new JsonObject
    {
        ["iss"] = holderDid,
        ["aud"] = Domain,
        ["nonce"] = "n-1",
        ["vp"] = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["holder"] = holderDid,
        },
    }, kid: kid);

    [Fact]
    public async Task Presentation_signed_with_a_did_web_authentication_key_binds_the_holder()
    {
        using var holder = TestKey.Ed25519();
        var did = Server.PublishDidWeb(["authentication"], holder);

        var check = await new VcJwtPresentationVerifier(Verifier, Clock).VerifyAsync(Presentation(holder, did, $"{did}#key-0"), default);

        Assert.Null(check.Problem);
        Assert.Equal(did, check.Holder);
    }

    [Fact]
    public async Task Presentation_signed_with_a_did_web_key_listed_only_for_assertion_is_refused()
    {
        using var holder = TestKey.Ed25519();
        var did = Server.PublishDidWeb(["assertionMethod"], holder);

        var check = await new VcJwtPresentationVerifier(Verifier, Clock).VerifyAsync(Presentation(holder, did, $"{did}#key-0"), default);

        Assert.NotNull(check.Problem);
        Assert.Contains("authentication", check.Problem, StringComparison.Ordinal);
    }
}
