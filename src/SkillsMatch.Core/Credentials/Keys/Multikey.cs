using Org.BouncyCastle.Asn1.Nist;
using SimpleBase;

namespace SkillsMatch.Credentials.Keys;

/// <summary>
/// Decodes a multibase, multicodec public key as used by did:key and Multikey <c>publicKeyMultibase</c>:
/// 'z' (base58btc) then the unsigned-varint codec — ed25519-pub 0xed (bytes ed 01) with a 32-byte key,
/// p256-pub 0x1200 (bytes 80 24) with a 33-byte compressed point, p384-pub 0x1201 (bytes 81 24) with a 49-byte one
/// (did:key v0.7 §2.1; multicodec table).
/// </summary>
internal static class Multikey
{
    public static PublicJwk Decode(string multibase)
    {
        if (multibase.Length < 2 || multibase[0] != 'z')
            throw new CredentialFormatException("only base58btc ('z') multibase keys are supported");
        var bytes = DecodeBase58(multibase[1..]);
        if (bytes.Length == 34 && bytes[0] == 0xED && bytes[1] == 0x01)
            return PublicJwk.Ed25519(bytes[2..]);
        if (bytes.Length == 35 && bytes[0] == 0x80 && bytes[1] == 0x24)
            return Decompress("P-256", bytes[2..], PublicJwk.P256);
        if (bytes.Length == 51 && bytes[0] == 0x81 && bytes[1] == 0x24)
            return Decompress("P-384", bytes[2..], PublicJwk.P384);
        throw new CredentialFormatException("the multikey is neither an ed25519-pub nor a compressed p256-pub or p384-pub key");
    }

    /// <summary>Bitcoin base58, the multibase 'z' alphabet (also publicKeyBase58). A key is short, so a long value is refused unread.</summary>
    public static byte[] DecodeBase58(string text)
    {
        if (text.Length > 256) throw new CredentialFormatException("base58 value is too long for a key");
        try
        {
            return Base58.Bitcoin.Decode(text);
        }
        catch (ArgumentException)
        {
            var bad = text.FirstOrDefault(c => !Base58.Bitcoin.Alphabet.Value.Contains(c, StringComparison.Ordinal));
            throw new CredentialFormatException($"'{bad}' is not a base58btc character");
        }
    }

    private static PublicJwk Decompress(string curveName, byte[] compressed, Func<byte[], byte[], PublicJwk> create)
    {
        if (compressed[0] is not (0x02 or 0x03)) throw new CredentialFormatException($"a {curveName} multikey must be a compressed point");
        try
        {
            var curve = NistNamedCurves.GetByName(curveName).Curve;
            var point = curve.DecodePoint(compressed).Normalize();
            return create(point.AffineXCoord.GetEncoded(), point.AffineYCoord.GetEncoded());
        }
        catch (ArgumentException e)
        {
            throw new CredentialFormatException($"the multikey is not a point on {curveName}", e);
        }
    }
}
