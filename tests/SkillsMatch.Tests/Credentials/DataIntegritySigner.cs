using System.Text.Json.Nodes;
using SkillsMatch.Credentials.LinkedData;
using SkillsMatch.Credentials.Proofs;

namespace SkillsMatch.Tests.Credentials;

/// <summary>
/// Adds a Data Integrity proof the way an issuer does (VC-DI-EdDSA §3.3.1 / VC-DI-ECDSA §3.2: hash the canonical proof
/// options and the canonical document, sign proofHash ‖ docHash). The signature comes from <see cref="TestKey"/>
/// (BouncyCastle Ed25519, .NET ECDsa), not from the verifier's code.
/// </summary>
internal static class DataIntegritySigner
{
    public static JsonObject Sign(JsonObject credential, TestKey key, string cryptosuite = "eddsa-rdfc-2022", string purpose = "assertionMethod",
        string? verificationMethod = null, DateTimeOffset? created = null, Action<JsonObject>? editProof = null)
    {
        var proof = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = cryptosuite,
            ["created"] = Ob3.Date(created ?? FixedClock.Default.AddDays(-1)),
            ["verificationMethod"] = verificationMethod ?? key.DidKeyMethod,
            ["proofPurpose"] = purpose,
        };
        editProof?.Invoke(proof);
        var suite = Cryptosuite.Find("DataIntegrityProof", cryptosuite)!;
        var document = (Dictionary<string, object?>)PlainJson.Parse(credential.ToJsonString())!;
        document.Remove("proof");
        var config = (Dictionary<string, object?>)PlainJson.Parse(proof.ToJsonString())!;
        config["@context"] = document["@context"];
        var hashData = suite.HashData(new JsonLdProcessor(ContextStore.Default), document, config, new RdfCanonicalizer());
        proof["proofValue"] = "z" + TestKey.Base58(key.SignBytes(hashData));
        var signed = (JsonObject)credential.DeepClone();
        signed["proof"] = proof;
        return signed;
    }
}
