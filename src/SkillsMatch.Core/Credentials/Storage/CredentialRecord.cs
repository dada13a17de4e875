using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkillsMatch.Credentials.Storage;

/// <summary>The columns of <c>learner_credentials</c> a verification sets, computed from one assessment.</summary>
public sealed record CredentialRecord
{
    public string Format { get; init; } = "";
    public string Container { get; init; } = "";
    public string? CredentialRef { get; init; }
    public string IssuerUri { get; init; } = "";
    public string? IssuerName { get; init; }
    public string? AchievementName { get; init; }
    public string? AchievementDescription { get; init; }
    public string? AchievementCriteria { get; init; }
    public string Microcredential { get; init; } = "{}";
    public string Verdict { get; init; } = "{}";
    public bool SignatureValid { get; init; }
    public bool KeyBound { get; init; }
    public bool IssuerTrusted { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset? ValidFrom { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
    public bool Verified { get; init; }
    public bool HolderBound { get; init; }

    /// <summary>Issuer and credential id (or content hash): one learner at most holds it bound.</summary>
    public string ClaimKey { get; init; } = "";
    public string Reasons { get; init; } = "[]";
    public DateTimeOffset VerifiedAt { get; init; }
    public DateTimeOffset NextCheckAt { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The next check comes after <paramref name="recheckInterval"/>, or as soon as the credential expires (or becomes
    /// valid), whichever is sooner, so an expiry lowers its skills' tiers when it happens rather than a day later.
    /// </summary>
    public static CredentialRecord From(CredentialAssessment assessment, DateTimeOffset now, TimeSpan recheckInterval)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var verdict = assessment.Verdict;
        var next = now + recheckInterval;
        foreach (var edge in new[] { verdict.ValidFrom, verdict.ValidUntil })
            if (edge is { } e && e > now && e < next) next = e;
        var first = verdict.Achievements.Count > 0 ? verdict.Achievements[0] : null;
        return new CredentialRecord
        {
            Format = verdict.Format switch
            {
                CredentialFormat.VcJson => "vc-json",
                CredentialFormat.VcJwt => "vc-jwt",
                CredentialFormat.OpenBadges2Signed => "ob2-signed",
                CredentialFormat.OpenBadges2Hosted => "ob2-hosted",
                _ => "unknown", // only on re-verification, which keeps the stored format
            },
            Container = verdict.Container.ToString().ToLowerInvariant(),
            CredentialRef = verdict.CredentialId,
            IssuerUri = verdict.IssuerId ?? "", // only authentic credentials, which name their issuer, are inserted
            IssuerName = verdict.IssuerName,
            AchievementName = first?.Name,
            AchievementDescription = first?.Description,
            AchievementCriteria = first?.CriteriaNarrative,
            Microcredential = JsonSerializer.Serialize(first?.Microcredential ?? new MicrocredentialMetadata(), Json),
            Verdict = JsonSerializer.Serialize(verdict, Json),
            SignatureValid = verdict.SignatureValid,
            KeyBound = verdict.KeyBoundToIssuer,
            IssuerTrusted = verdict.IssuerTrusted == true,
            Status = assessment.StoredStatus,
            ValidFrom = verdict.ValidFrom?.ToUniversalTime(),
            ValidUntil = verdict.ValidUntil?.ToUniversalTime(),
            Verified = assessment.Verified,
            HolderBound = assessment.HolderBound,
            Reasons = JsonSerializer.Serialize(verdict.Reasons, Json),
            VerifiedAt = now.ToUniversalTime(),
            NextCheckAt = next.ToUniversalTime(),
        };
    }
}
