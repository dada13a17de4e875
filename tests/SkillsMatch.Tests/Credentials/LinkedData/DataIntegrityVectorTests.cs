using System.Text.Json.Nodes;
using SkillsMatch.Credentials;
using SkillsMatch.Credentials.Keys;
using SkillsMatch.Credentials.LinkedData;
using SkillsMatch.Credentials.Proofs;

namespace SkillsMatch.Tests.Credentials.LinkedData;

/// <summary>Every signed vector of w3c/vc-di-eddsa and the Ed25519Signature2020 sets verifies; a changed claim does not.</summary>
public sealed class DataIntegrityVectorTests
{
    public static TheoryData<string> Vectors() =>
    [
        "vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json",
        "vc-di-eddsa/TestVectors/eddsa-rdfc-2022/employ/signedDataInt.json",
        "vc-di-eddsa/TestVectors/eddsa-jcs-2022/signedJCS.json",
        "vc-di-eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json",
        "vc-di-eddsa/TestVectors/proof-set-chain/signedProofSet1.json",
        "vc-di-eddsa/TestVectors/proof-set-chain/signedProofSet2.json",
        "vc-di-eddsa/TestVectors/proof-set-chain/signedProofChain1.json",
        "vc-di-eddsa/TestVectors/proof-set-chain/signedProofChain2.json",
        "ed25519-signature-2020/di-eddsa-2020/TestVectors/Ed25519Signature2020/signedEdSig.json",
        "ed25519-signature-2020/digitalbazaar/test-vectors/signedFixture.json",
        "ed25519-signature-2020/digitalbazaar/assembled/credential-signed.json",
    ];

    [SuiteTheory]
    [MemberData(nameof(Vectors))]
    public async Task Signed_vector_verifies(string path)
    {
        var outcome = await Verify(File.ReadAllText(DataIntegritySuites.PathOf(path.Split('/'))));
        Assert.True(outcome.SignatureValid, string.Join("; ", outcome.Reasons.Select(r => $"{r.Code}: {r.Message}")));
    }

    [SuiteTheory]
    [MemberData(nameof(Vectors))]
    public async Task Changed_claim_breaks_the_signature(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(DataIntegritySuites.PathOf(path.Split('/'))))!;
        node["credentialSubject"]!["id"] = "did:example:someone-else";
        var outcome = await Verify(node.ToJsonString());
        Assert.False(outcome.SignatureValid);
        Assert.Contains(outcome.Reasons, r => r.Code == ReasonCodes.SignatureInvalid);
    }

    [SuiteFact]
    public void Canonical_document_is_the_vectors_byte_for_byte()
    {
        var folder = DataIntegritySuites.PathOf("vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022");
        var signed = (Dictionary<string, object?>)PlainJson.Parse(File.ReadAllText(Path.Combine(folder, "signedDataInt.json")))!;
        signed.Remove("proof");
        var canonical = new RdfCanonicalizer().Canonicalize(new JsonLdProcessor(ContextStore.Default).ToRdf(signed));
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "canonDocDataInt.txt")), canonical);
    }

    internal static async Task<ProofOutcome> Verify(string json, IKeyResolver? extra = null)
    {
        var document = (Dictionary<string, object?>)PlainJson.Parse(json)!;
        var issuer = document.GetValueOrDefault("issuer") switch { string s => s, Dictionary<string, object?> m => m.GetValueOrDefault("id") as string, _ => null };
        var keys = new IssuerKeyBinding([new DidKeyResolver(), new DidJwkResolver(), extra ?? new DigitalBazaarController()], TimeProvider.System, TimeSpan.FromMinutes(5));
        var verifier = new DataIntegrityVerifier(new JsonLdProcessor(ContextStore.Default), keys, TimeProvider.System, TimeSpan.FromMinutes(5));
        return await verifier.VerifyAsync(document, "assertionMethod", issuer);
    }

    /// <summary>The digitalbazaar fixtures' issuer publishes its key in controllerDoc2020.json (served here from the file).</summary>
    private sealed class DigitalBazaarController : IKeyResolver
    {
        public bool CanResolve(string identifier) => identifier.StartsWith("https://example.edu/issuers/565049", StringComparison.Ordinal);

        public Task<KeyResolution> ResolveAsync(string identifier, CancellationToken cancellationToken) =>
            Task.FromResult(ControllerDocument.Read(
                File.ReadAllBytes(DataIntegritySuites.PathOf("ed25519-signature-2020", "digitalbazaar", "mock-data", "controllerDoc2020.json")),
                "https://example.edu/issuers/565049"));
    }
}
