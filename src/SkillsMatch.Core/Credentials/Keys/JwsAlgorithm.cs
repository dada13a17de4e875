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
            {
                // RFC 7518 §3.4: the JWS signature is R || S, 32 bytes each (IEEE P1363), not DER.
                if (signature.Length != 64) return false;
                using var ecdsa = ECDsa.Create(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = key.X, Y = key.Y },
                });
                return ecdsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }
            default:
            {
                using var rsa = RSA.Create(new RSAParameters { Modulus = key.N, Exponent = key.E });
                return rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }
        }
    }
}
