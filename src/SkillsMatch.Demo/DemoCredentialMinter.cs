using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Parameters;
using SkillsMatch.Credentials.Keys;

namespace SkillsMatch.Demo;

/// <summary>
/// Issues Open Badges 3.0 credentials as compact VC-JWTs (EdDSA) with a demo issuer's did:key, the way a
/// college's badging platform would. Only the demo loader uses it: the keys are public demo keys.
/// </summary>
public sealed class DemoCredentialMinter
{
    private readonly Ed25519PrivateKeyParameters _key;

    public DemoCredentialMinter(string issuerName, byte[] seed)
    {
        _key = new Ed25519PrivateKeyParameters(seed);
        IssuerName = issuerName;
        var publicKey = _key.GeneratePublicKey().GetEncoded();
        IssuerId = "did:key:z" + SimpleBase.Base58.Bitcoin.Encode([0xED, 0x01, .. publicKey]);
    }

    public string IssuerId { get; }
    public string IssuerName { get; }

    public string Mint(DemoAchievement achievement, string recipientEmail, DateTimeOffset awarded, DateTimeOffset? validUntil)
    {
        var salt = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipientEmail + achievement.Id)))[..16];
        var credentialId = "urn:uuid:" + DeterministicGuid(IssuerId, achievement.Id, recipientEmail);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = credentialId,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = IssuerId, ["type"] = new JsonArray("Profile"), ["name"] = IssuerName },
            ["name"] = achievement.Name,
            ["validFrom"] = Timestamp(awarded),
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["identifier"] = new JsonArray(new JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["identityType"] = "emailAddress",
                    ["hashed"] = true,
                    ["identityHash"] = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipientEmail + salt))),
                    ["salt"] = salt,
                }),
                ["achievement"] = Achievement(achievement),
                ["result"] = new JsonArray(new JsonObject { ["type"] = new JsonArray("Result"), ["status"] = "Completed" }),
            },
        };
        if (validUntil is { } until) credential["validUntil"] = Timestamp(until);

        var payload = (JsonObject)credential.DeepClone();
        payload["iss"] = IssuerId;
        payload["jti"] = credentialId;
        payload["nbf"] = awarded.ToUnixTimeSeconds();
        if (validUntil is { } expires) payload["exp"] = expires.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "EdDSA", ["typ"] = "vc+jwt", ["kid"] = IssuerId + "#" + IssuerId["did:key:".Length..] };
        var signingInput = Base64Url(header.ToJsonString()) + "." + Base64Url(payload.ToJsonString());
        var input = Encoding.ASCII.GetBytes(signingInput);
        var signature = new byte[64];
        _key.Sign(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Algorithm.Ed25519, null, input, 0, input.Length, signature, 0);
        return signingInput + "." + Base64Url(signature);
    }

    private static JsonObject Achievement(DemoAchievement achievement)
    {
        var alignments = new JsonArray();
        foreach (var skill in achievement.Skills)
            alignments.Add(new JsonObject
            {
                ["type"] = new JsonArray("Alignment"),
                ["targetName"] = skill.Label,
                ["targetCode"] = skill.Code,
                ["targetFramework"] = "SkillsMatch",
                ["targetType"] = "ceasn:Competency",
                ["targetUrl"] = "https://skillsmatch.example/skills/" + skill.Code,
            });
        var node = new JsonObject
        {
            ["id"] = achievement.Id,
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = "MicroCredential",
            ["name"] = achievement.Name,
            ["description"] = achievement.Description,
            ["criteria"] = new JsonObject { ["narrative"] = achievement.Criteria },
            ["alignment"] = alignments,
        };
        if (achievement.Hours is { } hours) node["hours"] = hours;
        if (achievement.AssessmentType is { } assessment) node["assessmentType"] = assessment;
        if (achievement.Level is { } level) node["level"] = level;
        return node;
    }

    private static Guid DeterministicGuid(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));
    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>What a demo credential certifies. Skills are ids (codes) and labels in the shipped taxonomy.</summary>
public sealed record DemoAchievement(
    string Id, string Name, string Description, string Criteria, IReadOnlyList<DemoAlignment> Skills,
    double? Hours = null, string? AssessmentType = null, string? Level = null);

public sealed record DemoAlignment(string Code, string Label);
