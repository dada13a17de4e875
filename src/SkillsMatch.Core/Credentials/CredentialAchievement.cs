namespace SkillsMatch.Credentials;

/// <summary>An achievement (OB 3.0 <c>Achievement</c>, OB 2.0 <c>BadgeClass</c>) as the signed credential states it.</summary>
public sealed record CredentialAchievement(
    string? Id,
    string? Name,
    string? Description,
    string? CriteriaNarrative,
    string? AchievementType,
    IReadOnlyList<CredentialAlignment> Alignments,
    MicrocredentialMetadata Microcredential);
