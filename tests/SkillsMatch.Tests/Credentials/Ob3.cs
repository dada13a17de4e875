using System.Globalization;
using System.Text.Json.Nodes;

namespace SkillsMatch.Tests.Credentials;

/// <summary>OB 3.0 credentials as the tests issue them, in the published shape (VCDM 2.0 unless asked otherwise).</summary>
public static class Ob3
{
    public const string Learner = "did:example:learner-7";
    public const string AchievementId = "https://example.edu/achievements/sql-101";

    public static string Date(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Credential(string issuer, DateTimeOffset? validFrom = null, DateTimeOffset? validUntil = null, string subject = Learner)
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "urn:uuid:" + Guid.NewGuid(),
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = issuer, ["type"] = new JsonArray("Profile"), ["name"] = "Northern Polytechnic" },
            ["validFrom"] = Date(validFrom ?? FixedClock.Default.AddDays(-30)),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = subject,
                ["type"] = new JsonArray("AchievementSubject"),
                ["achievement"] = new JsonObject
                {
                    ["id"] = AchievementId,
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = "Certificate",
                    ["name"] = "SQL for Analysts",
                    ["description"] = "Queries relational data with joins and window functions.",
                    ["criteria"] = new JsonObject { ["narrative"] = "Passed a proctored practical exam." },
                    ["creditsAvailable"] = 3,
                    ["fieldOfStudy"] = "Data Analytics",
                    ["specialization"] = "Databases",
                    ["alignment"] = new JsonArray(new JsonObject
                    {
                        ["type"] = new JsonArray("Alignment"),
                        ["targetName"] = "use databases",
                        ["targetUrl"] = "http://data.europa.eu/esco/skill/f9e5f4ee-2a49-4d2b-8b4f-1d9d5c0a8f8b",
                        ["targetFramework"] = "ESCO",
                        ["targetCode"] = "S5.6.1",
                        ["targetType"] = "ceasn:Competency",
                    }),
                },
            },
        };
        if (validUntil is { } until) credential["validUntil"] = Date(until);
        return credential;
    }

    /// <summary>VC-JOSE style: the credential is the payload, with the OB 3.0 §8.2 claims beside it.</summary>
    public static JsonObject Payload(JsonObject credential)
    {
        var payload = (JsonObject)credential.DeepClone();
        payload["iss"] = credential["issuer"]!["id"]!.GetValue<string>();
        payload["jti"] = credential["id"]!.GetValue<string>();
        if (credential["credentialSubject"]?["id"] is { } subject) payload["sub"] = subject.GetValue<string>();
        payload["nbf"] = DateTimeOffset.Parse(credential["validFrom"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        return payload;
    }
}
