using System.Text.Json;

namespace SkillsMatch.Credentials.Formats;

/// <summary>The parts of an OB 3.0 / CLR 2.0 verifiable credential that verification and the verdict use.</summary>
internal sealed record VcCredential
{
    public required JsonElement Root { get; init; }

    /// <summary>VCDM 1.1 (issuanceDate/expirationDate) rather than 2.0 (validFrom/validUntil).</summary>
    public bool IsVcdm1 { get; init; }
    public IReadOnlyList<string> Types { get; init; } = [];
    public string? Id { get; init; }
    public string? IssuerId { get; init; }
    public string? IssuerName { get; init; }
    public string? SubjectId { get; init; }
    public DateTimeOffset? ValidFrom { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
    public bool HasProof { get; init; }
    public List<CredentialAchievement> Achievements { get; init; } = [];
    public List<AchievementResult> Results { get; init; } = [];
    public List<RecipientIdentity> Identities { get; init; } = [];
    public List<JsonElement> Statuses { get; init; } = [];

    /// <summary>CLR 2.0 ClrSubject.verifiableCredential entries, as JSON text or compact JWT, each to verify on its own.</summary>
    public List<string> NestedCredentials { get; init; } = [];

    /// <summary>Structural failures, each its own reason.</summary>
    public List<CredentialReason> Problems { get; init; } = [];
}
