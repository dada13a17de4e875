using System.Buffers.Text;
using System.Diagnostics;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using SkillsMatch.Credentials;
using SkillsMatch.Credentials.Keys;

namespace SkillsMatch.Bench;

/// <summary>
/// Measures full verification of an EdDSA OB 3.0 VC-JWT from a did:key issuer on one thread (so the figure is per core):
/// parse, header checks, key binding (cached), Ed25519 signature, claims, window, recipient. No network is involved.
/// </summary>
public static class CredentialBenchmark
{
    public static async Task<double> RunEdDsaJwtAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
        var publicKey = privateKey.GeneratePublicKey().GetEncoded();
        var did = "did:key:z" + SimpleBase.Base58.Bitcoin.Encode([0xED, 0x01, .. publicKey]);
        var jwt = Sign(privateKey, $"{did}#{did["did:key:".Length..]}", Payload(did));

        using var http = new CredentialHttpClient();
        var verifier = new CredentialVerifier(http);
        var input = Encoding.UTF8.GetBytes(jwt);
        var recipient = new ExpectedRecipient(Did: "did:example:learner");
        var warm = await verifier.VerifyAsync(input, recipient, cancellationToken);
        if (!warm.IsVerified) throw new InvalidOperationException("benchmark credential did not verify: " + string.Join("; ", warm.Reasons));

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            var verdict = await verifier.VerifyAsync(input, recipient, cancellationToken);
            if (!verdict.SignatureValid) throw new InvalidOperationException("benchmark verification failed");
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    private static string Payload(string issuer)
    {
        var now = DateTimeOffset.UtcNow;
        return $$$"""
        {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id":"urn:uuid:{{{Guid.NewGuid()}}}","type":["VerifiableCredential","OpenBadgeCredential"],
         "issuer":{"id":"{{{issuer}}}","type":["Profile"],"name":"Benchmark College"},
         "validFrom":"{{{now.AddDays(-1):yyyy-MM-ddTHH:mm:ssZ}}}",
         "credentialSubject":{"id":"did:example:learner","type":["AchievementSubject"],
           "achievement":{"id":"https://example.edu/achievements/sql","type":["Achievement"],"name":"SQL Fundamentals",
             "description":"Writes joins and aggregates.","criteria":{"narrative":"Pass the practical exam."},
             "alignment":[{"type":["Alignment"],"targetName":"use databases","targetUrl":"http://data.europa.eu/esco/skill/b3f7c1a9","targetFramework":"ESCO"}]}},
         "iss":"{{{issuer}}}","nbf":{{{now.AddDays(-1).ToUnixTimeSeconds()}}}}
        """;
    }

    private static string Sign(Ed25519PrivateKeyParameters key, string kid, string payload)
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"alg":"EdDSA","typ":"JWT","kid":"{{kid}}"}"""));
        var body = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var input = Encoding.ASCII.GetBytes($"{header}.{body}");
        var signature = new byte[64];
        key.Sign(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Algorithm.Ed25519, null, input, 0, input.Length, signature, 0);
        return $"{header}.{body}.{Base64Url.EncodeToString(signature)}";
    }
}
