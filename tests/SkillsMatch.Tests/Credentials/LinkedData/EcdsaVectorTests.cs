using System.Text.Json.Nodes;
using SkillsMatch.Credentials;
using SkillsMatch.Credentials.LinkedData;

namespace SkillsMatch.Tests.Credentials.LinkedData;

/// <summary>
/// ecdsa-rdfc-2019 vectors written outside this code base (tools/vectors/make-ecdsa-vectors.mjs: keys from jose,
/// signatures from WebCrypto, canonical N-Quads from jsonld.js) verify, with P-256 and P-384; changed ones do not.
/// </summary>
[Trait("Category", "Unit")]
public sealed class EcdsaVectorTests
{
    public static TheoryData<string> Curves() => ["p256", "p384"];

    private static string Read(string curve, string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Credentials", "LinkedData", "Vectors", "ecdsa-rdfc-2019", curve, file));

    [Theory]
    [MemberData(nameof(Curves))]
    public async Task Vector_signed_with_jose_keys_verifies_and_is_bound_to_its_did_key_issuer(string curve)
    {
        var outcome = await DataIntegrityVectorTests.Verify(Read(curve, "signed.json"));

        Assert.True(outcome.SignatureValid, string.Join("; ", outcome.Reasons.Select(r => $"{r.Code}: {r.Message}")));
        Assert.True(outcome.KeyBound);
        Assert.Equal("ecdsa-rdfc-2019", outcome.Cryptosuite);
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Our_canonical_forms_are_jsonld_js_byte_for_byte(string curve)
    {
        var processor = new JsonLdProcessor(ContextStore.Default);
        var canonicalizer = new RdfCanonicalizer();

        Assert.Equal(Read(curve, "canonDoc.nq"), canonicalizer.Canonicalize(processor.ToRdf(PlainJson.Parse(Read(curve, "unsigned.json")))));
        Assert.Equal(Read(curve, "canonProofConfig.nq"), canonicalizer.Canonicalize(processor.ToRdf(PlainJson.Parse(Read(curve, "proofConfig.json")))));
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public async Task Changed_claim_fails_the_signature(string curve)
    {
        var node = JsonNode.Parse(Read(curve, "signed.json"))!;
        node["credentialSubject"]!["achievement"]!["name"] = "Advanced SQL";

        var outcome = await DataIntegrityVectorTests.Verify(node.ToJsonString());

        Assert.False(outcome.SignatureValid);
        Assert.Contains(outcome.Reasons, r => r.Code == ReasonCodes.SignatureInvalid);
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public async Task Changed_proof_date_fails_the_signature(string curve)
    {
        var node = JsonNode.Parse(Read(curve, "signed.json"))!;
        node["proof"]!["created"] = "2026-01-14T00:00:00Z";

        var outcome = await DataIntegrityVectorTests.Verify(node.ToJsonString());

        Assert.False(outcome.SignatureValid);
        Assert.Contains(outcome.Reasons, r => r.Code == ReasonCodes.SignatureInvalid);
    }
}
