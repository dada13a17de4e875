using System.Buffers.Text;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace SkillsMatch.Tests.Credentials;

/// <summary>A freshly generated signing key (Ed25519, P-256 or RSA-2048) that signs compact JWS the way issuers do.</summary>
public sealed class TestKey : IDisposable
{
    private readonly Ed25519PrivateKeyParameters? _ed25519;
    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;

    private TestKey(string alg, Ed25519PrivateKeyParameters? ed25519 = null, ECDsa? ecdsa = null, RSA? rsa = null)
    {
        Alg = alg;
        _ed25519 = ed25519;
        _ecdsa = ecdsa;
        _rsa = rsa;
    }

    public string Alg { get; }

    public static TestKey Ed25519() => new("EdDSA", ed25519: new Ed25519PrivateKeyParameters(new SecureRandom()));

    public static TestKey P256() => new("ES256", ecdsa: ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static TestKey Rsa2048() => new("RS256", rsa: RSA.Create(2048));

    public static TestKey For(string alg) => alg switch
    {
        "EdDSA" => Ed25519(),
        "ES256" => P256(),
        _ => Rsa2048(),
    };

    /// <summary>The public JWK (fresh object each call, so a test may add members to it).</summary>
    public JsonObject PublicJwk()
    {
        if (_ed25519 is not null)
            return new JsonObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = B64(_ed25519.GeneratePublicKey().GetEncoded()) };
        if (_ecdsa is not null)
        {
            var p = _ecdsa.ExportParameters(false);
            return new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!) };
        }
        var r = _rsa!.ExportParameters(false);
        return new JsonObject { ["kty"] = "RSA", ["n"] = B64(r.Modulus!), ["e"] = B64(r.Exponent!) };
    }

    /// <summary>did:key (multicodec ed25519-pub 0xed01 or compressed p256-pub 0x1200).</summary>
    public string DidKey
    {
        get
        {
            byte[] key;
            if (_ed25519 is not null) key = [0xED, 0x01, .. _ed25519.GeneratePublicKey().GetEncoded()];
            else if (_ecdsa is not null)
            {
                var q = _ecdsa.ExportParameters(false).Q;
                key = [0x80, 0x24, (byte)((q.Y![^1] & 1) == 0 ? 0x02 : 0x03), .. q.X!];
            }
            else throw new InvalidOperationException("did:key is used here for Ed25519 and P-256 only");
            return "did:key:z" + Base58(key);
        }
    }

    public string DidKeyMethod => $"{DidKey}#{DidKey["did:key:".Length..]}";

    public string DidJwk => "did:jwk:" + B64(Encoding.UTF8.GetBytes(PublicJwk().ToJsonString()));

    public string PublicPem => _rsa!.ExportSubjectPublicKeyInfoPem();

    public string Sign(JsonNode payload, string? kid = null, JsonObject? jwk = null, string? alg = null, Action<JsonObject>? editHeader = null)
    {
        var header = new JsonObject { ["alg"] = alg ?? Alg, ["typ"] = "JWT" };
        if (kid is not null) header["kid"] = kid;
        if (jwk is not null) header["jwk"] = jwk;
        editHeader?.Invoke(header);
        var signingInput = $"{B64(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{B64(Encoding.UTF8.GetBytes(payload.ToJsonString()))}";
        return $"{signingInput}.{B64(SignBytes(Encoding.ASCII.GetBytes(signingInput)))}";
    }

    public byte[] SignBytes(byte[] input)
    {
        if (_ed25519 is not null)
        {
            var signature = new byte[64];
            _ed25519.Sign(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Algorithm.Ed25519, null, input, 0, input.Length, signature, 0);
            return signature;
        }
        if (_ecdsa is not null) return _ecdsa.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return _rsa!.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Dispose()
    {
        _ecdsa?.Dispose();
        _rsa?.Dispose();
    }

    public static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    public static string Base58(byte[] bytes) => SimpleBase.Base58.Bitcoin.Encode(bytes);
}
