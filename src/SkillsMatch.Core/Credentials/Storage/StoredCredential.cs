using System.Text.Json;
using SkillsMatch.Learners;

namespace SkillsMatch.Credentials.Storage;

/// <summary>A learner's stored credential: what it says, its latest verdict, and the skill evidence it gives.</summary>
public sealed record StoredCredential
{
    public Guid Id { get; init; }
    public Guid LearnerId { get; init; }
    public string Format { get; init; } = "";
    public string Container { get; init; } = "";
    public string MediaType { get; init; } = "";
    public string? CredentialRef { get; init; }
    public string IssuerUri { get; init; } = "";
    public string? IssuerName { get; init; }
    public string? AchievementName { get; init; }
    public string? AchievementDescription { get; init; }
    public string? AchievementCriteria { get; init; }
    public JsonElement Microcredential { get; init; }
    public bool SignatureValid { get; init; }
    public bool KeyBound { get; init; }
    public bool IssuerTrusted { get; init; }

    /// <summary>active, revoked, suspended or unknown.</summary>
    public string Status { get; init; } = "";
    public DateTime? ValidFrom { get; init; }
    public DateTime? ValidUntil { get; init; }
    public bool Verified { get; init; }

    /// <summary>The subject is bound to the learner (a verified e-mail or a proven DID); otherwise see <see cref="Bind"/>.</summary>
    public bool HolderBound { get; init; }

    /// <summary>How to bind the credential to the learner, when it is not: its evidence is upgraded at once, without resubmission.</summary>
    public HolderBindLink? Bind => HolderBound ? null : new HolderBindLink($"/learners/{LearnerId}/holder",
        "Verify the e-mail address the credential names (POST emails, then emails/verify with the code sent), or prove control of "
        + "its DID with a Verifiable Presentation over a challenge (POST challenges, then dids).");
    public JsonElement Reasons { get; init; }
    public DateTime VerifiedAt { get; init; }
    public DateTime NextCheckAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public JsonElement Verdict { get; init; }
    public IReadOnlyList<CredentialSkill> Skills { get; init; } = [];
}

/// <summary>One evidence row of a stored credential: the skill, its tier, and what shows it.</summary>
public sealed record CredentialSkill
{
    public Guid CredentialId { get; init; }
    public long SkillId { get; init; }
    public string ExternalId { get; init; } = "";
    public string Label { get; init; } = "";
    public EvidenceTier Tier { get; init; }

    /// <summary>credential-alignment or credential-text.</summary>
    public string Source { get; init; } = "";
    public double Confidence { get; init; }

    /// <summary>The alignment URL or code, or the matched text.</summary>
    public string? Detail { get; init; }
    public int? SpanStart { get; init; }
    public int? SpanEnd { get; init; }
}

/// <summary>Where and how a learner binds a credential's subject to themself.</summary>
public sealed record HolderBindLink(string Href, string How);
