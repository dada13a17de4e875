using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Parameters;

namespace SkillsMatch.Credentials.Keys;

/// <summary>
/// A public verification key in JWK terms (RFC 7517/7518, RFC 8037 for OKP): RSA, EC P-256 or P-384, or Ed25519.
/// P-384 keys verify only Data Integrity <c>ecdsa-rdfc-2019</c> proofs: no JWS algorithm we accept fits them.
/// Holds bytes, not crypto objects, so it is immutable and safe to share between threads.
/// </summary>
public sealed record PublicJwk
{
    /// <summary>JWK members that carry private or symmetric key material (RFC 7518 §6.2.2, §6.3.2, §6.4.1; RFC 8037 §2).</summary>
    internal static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    private Ed25519PublicKeyParameters? _ed25519;

    public required string Kty { get; init; }
    public string? Crv { get; init; }
    public byte[]? X { get; init; }
    public byte[]? Y { get; init; }
    public byte[]? N { get; init; }
    public byte[]? E { get; init; }

    public static PublicJwk Ed25519(byte[] x) => new() { Kty = "OKP", Crv = "Ed25519", X = x };

    public static PublicJwk P256(byte[] x, byte[] y) => new() { Kty = "EC", Crv = "P-256", X = x, Y = y };

    public static PublicJwk P384(byte[] x, byte[] y) => new() { Kty = "EC", Crv = "P-384", X = x, Y = y };

    public static PublicJwk Rsa(byte[] n, byte[] e) => new() { Kty = "RSA", N = n, E = e };

    /// <summary>Reads a JWK, refusing private material and anything but RSA, P-256, P-384 and Ed25519.</summary>
    public static PublicJwk Parse(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object) throw new CredentialFormatException("a JWK must be a JSON object");
        if (HasPrivateMembers(jwk)) throw new CredentialFormatException("the JWK contains private key material");
        var kty = Text(jwk, "kty") ?? throw new CredentialFormatException("the JWK has no kty");
        var key = kty switch
        {
            "OKP" when Text(jwk, "crv") == "Ed25519" => Ed25519(Bytes(jwk, "x")),
            "EC" when Text(jwk, "crv") == "P-256" => P256(Bytes(jwk, "x"), Bytes(jwk, "y")),
            "EC" when Text(jwk, "crv") == "P-384" => P384(Bytes(jwk, "x"), Bytes(jwk, "y")),
            "RSA" => Rsa(Bytes(jwk, "n"), Bytes(jwk, "e")),
            _ => throw new CredentialFormatException($"unsupported JWK key type {kty} {Text(jwk, "crv")}".TrimEnd()),
        };
        key.Validate();
        return key;
    }

    public static bool HasPrivateMembers(JsonElement jwk) =>
        jwk.ValueKind == JsonValueKind.Object && PrivateMembers.Any(m => jwk.TryGetProperty(m, out _));

    /// <summary>RFC 7638 thumbprint: equal thumbprints mean the same public key.</summary>
    public string Thumbprint()
    {
        var json = Kty switch
        {
            "OKP" => $$"""{"crv":"{{Crv}}","kty":"OKP","x":"{{B64(X)}}"}""",
            "EC" => $$"""{"crv":"{{Crv}}","kty":"EC","x":"{{B64(X)}}","y":"{{B64(Y)}}"}""",
            _ => $$"""{"e":"{{B64(E)}}","kty":"RSA","n":"{{B64(N)}}"}""",
        };
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    internal Ed25519PublicKeyParameters Ed25519Key => _ed25519 ??= new Ed25519PublicKeyParameters(X!, 0);

    private void Validate()
    {
        switch (Kty)
        {
            case "OKP" when X!.Length != 32:
                throw new CredentialFormatException("an Ed25519 key is 32 bytes");
            case "EC" when Crv == "P-256" && (X!.Length != 32 || Y!.Length != 32):
                throw new CredentialFormatException("a P-256 key has 32-byte coordinates");
            case "EC" when Crv == "P-384" && (X!.Length != 48 || Y!.Length != 48):
                throw new CredentialFormatException("a P-384 key has 48-byte coordinates");
            case "RSA" when N!.Length < 256 || E!.Length is 0 or > 8:
                throw new CredentialFormatException("RSA keys shorter than 2048 bits are refused");
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static byte[] Bytes(JsonElement e, string name)
    {
        var text = Text(e, name) ?? throw new CredentialFormatException($"the JWK has no {name}");
        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            throw new CredentialFormatException($"the JWK member {name} is not base64url");
        }
    }

    private static string B64(byte[]? bytes) => Base64Url.EncodeToString(bytes);
}
