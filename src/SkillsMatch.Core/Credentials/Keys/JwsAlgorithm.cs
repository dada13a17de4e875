using System.Security.Cryptography;

namespace SkillsMatch.Credentials.Keys;

/// <summary>
/// The JWS algorithms credential verification accepts: RS256, ES256 and EdDSA (Ed25519), the set OB 3.0
/// §8.2 "JSON Web Token Proof Format" allows. <c>none</c>, HMAC and everything else are refused.
/// </summary>
internal static class JwsAlgorithm
{
    public const string RS256 = "RS256";
    public const string ES256 = "ES256";
    public const string EdDSA = "EdDSA";

    public static bool IsAllowed(string? alg) => alg is RS256 or ES256 or EdDSA;

    /// <summary>Whether <paramref name="key"/> is of the kind <paramref name="alg"/> needs (no algorithm confusion).</summary>
    public static bool Fits(string alg, PublicJwk key) => alg switch
    {
        RS256 => key.Kty == "RSA",
        ES256 => key.Kty == "EC" && key.Crv == "P-256",
        EdDSA => key.Kty == "OKP" && key.Crv == "Ed25519",
        _ => false,
    };

    public static bool Verify(string alg, PublicJwk key, byte[] signingInput, byte[] signature)
    {
        if (!IsAllowed(alg) || !Fits(alg, key)) return false;
        switch (alg)
        {
            case EdDSA:
                return signature.Length == 64
                    && key.Ed25519Key.Verify(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Algorithm.Ed25519, null,
                        signingInput, 0, signingInput.Length, signature, 0);
            case ES256:
                return VerifyEcdsa(key, signingInput, signature);
            default:
            {
                using var rsa = RSA.Create(new RSAParameters { Modulus = key.N, Exponent = key.E });
                return rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }
        }
    }

    /// <summary>
    /// ECDSA over <paramref name="data"/> with the key's own curve and its hash: P-256 with SHA-256, P-384 with SHA-384
    /// (RFC 7518 §3.4; VC-DI-ECDSA 1.0 §3.2). The signature is R ‖ S (IEEE P1363), not DER.
    /// </summary>
    public static bool VerifyEcdsa(PublicJwk key, byte[] data, byte[] signature)
    {
        var (curve, hash, size) = key.Crv switch
        {
            "P-256" => (ECCurve.NamedCurves.nistP256, HashAlgorithmName.SHA256, 32),
            "P-384" => (ECCurve.NamedCurves.nistP384, HashAlgorithmName.SHA384, 48),
            _ => default,
        };
        if (key.Kty != "EC" || size == 0 || signature.Length != 2 * size) return false;
        using var ecdsa = ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = key.X, Y = key.Y } });
        return ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
