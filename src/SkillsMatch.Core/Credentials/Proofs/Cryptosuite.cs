using System.Security.Cryptography;
using System.Text;
using SkillsMatch.Credentials.Keys;
using SkillsMatch.Credentials.LinkedData;

namespace SkillsMatch.Credentials.Proofs;

/// <summary>
/// The Data Integrity cryptosuites we verify and how each turns (document, proof options) into the signed bytes:
/// <c>eddsa-rdfc-2022</c> and <c>eddsa-jcs-2022</c> (VC-DI-EdDSA 1.0 §3.2–3.3), the older <c>Ed25519Signature2020</c>
/// (CCG di-eddsa-2020: RDFC, same hashing) and <c>ecdsa-rdfc-2019</c> with P-256 or P-384 (VC-DI-ECDSA 1.0 §3.2).
/// Each hashes the canonical proof configuration and the canonical document with SHA-256 (SHA-384 for P-384) and signs
/// proofHash ‖ docHash.
/// </summary>
internal sealed record Cryptosuite(string ProofType, string? Name, bool Rdfc, string JwsAlg)
{
    public static readonly Cryptosuite EddsaRdfc2022 = new("DataIntegrityProof", "eddsa-rdfc-2022", true, JwsAlgorithm.EdDSA);
    public static readonly Cryptosuite EddsaJcs2022 = new("DataIntegrityProof", "eddsa-jcs-2022", false, JwsAlgorithm.EdDSA);
    public static readonly Cryptosuite EcdsaRdfc2019 = new("DataIntegrityProof", "ecdsa-rdfc-2019", true, JwsAlgorithm.ES256);
    public static readonly Cryptosuite Ed25519Signature2020 = new("Ed25519Signature2020", null, true, JwsAlgorithm.EdDSA);

    public static Cryptosuite? Find(string? type, string? cryptosuite) => (type, cryptosuite) switch
    {
        ("DataIntegrityProof", "eddsa-rdfc-2022") => EddsaRdfc2022,
        ("DataIntegrityProof", "eddsa-jcs-2022") => EddsaJcs2022,
        ("DataIntegrityProof", "ecdsa-rdfc-2019") => EcdsaRdfc2019,
        ("Ed25519Signature2020", _) => Ed25519Signature2020,
        _ => null,
    };

    /// <summary>proofHash ‖ docHash with SHA-256 (or SHA-384 when <paramref name="hash"/> says so). Throws <see cref="LinkedDataException"/> (context, safe mode, complexity).</summary>
    public byte[] HashData(JsonLdProcessor processor, Dictionary<string, object?> unsecured, Dictionary<string, object?> proofConfig, RdfCanonicalizer canonicalizer,
        HashAlgorithmName? hash = null) =>
        HashData(Transform(processor, unsecured, proofConfig, canonicalizer), hash ?? HashAlgorithmName.SHA256);

    /// <summary>The canonical proof configuration and document (RDFC-1.0 N-Quads, or JCS for eddsa-jcs-2022): the costly part.</summary>
    public (string ProofConfig, string Document) Transform(JsonLdProcessor processor, Dictionary<string, object?> unsecured, Dictionary<string, object?> proofConfig,
        RdfCanonicalizer canonicalizer) =>
        (Canonical(processor, proofConfig, canonicalizer), Canonical(processor, unsecured, canonicalizer));

    /// <summary>
    /// The hash the suite signs with <paramref name="key"/>: SHA-256, except ecdsa-rdfc-2019 with a P-384 key, which hashes
    /// with SHA-384 (VC-DI-ECDSA 1.0 §3.2.4 "Hashing").
    /// </summary>
    public HashAlgorithmName HashFor(PublicJwk key) =>
        this == EcdsaRdfc2019 && key.Crv == "P-384" ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;

    public static byte[] HashData((string ProofConfig, string Document) canonical, HashAlgorithmName hash)
    {
        var proofHash = Digest(canonical.ProofConfig, hash);
        var docHash = Digest(canonical.Document, hash);
        return [.. proofHash, .. docHash];
    }

    private static byte[] Digest(string text, HashAlgorithmName hash)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return hash == HashAlgorithmName.SHA384 ? SHA384.HashData(bytes) : SHA256.HashData(bytes);
    }

    private string Canonical(JsonLdProcessor processor, Dictionary<string, object?> document, RdfCanonicalizer canonicalizer)
    {
        if (!Rdfc) return PlainJson.Canonical(document);
        var expansion = processor.ExpandWithReport(document);
        // Safe mode (VC-DI 1.0 §2.5 / §4.x "safe mode"): a term no context defines is dropped by expansion, so the
        // signature would not cover it; refusing keeps what is displayed and what is signed the same.
        if (expansion.DroppedTerms.Count > 0)
            throw new LinkedDataException(ReasonCodes.UndefinedTerm, $"terms not defined by the credential's contexts: {string.Join(", ", expansion.DroppedTerms.Distinct().Take(8))}");
        var quads = RdfDeserializer.ToRdf(expansion.Expanded, new JsonLdOptions());
        return canonicalizer.Canonicalize(quads);
    }

    /// <summary>The suite's signature check; ecdsa-rdfc-2019 takes P-256 or P-384 keys, the hash following the curve.</summary>
    public bool Verify(PublicJwk key, byte[] hashData, byte[] signature) =>
        JwsAlg == JwsAlgorithm.ES256 ? JwsAlgorithm.VerifyEcdsa(key, hashData, signature) : JwsAlgorithm.Verify(JwsAlg, key, hashData, signature);
}
