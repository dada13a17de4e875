namespace SkillsMatch.Credentials;

/// <summary>OB 3.0 / OB 2.0 <c>Alignment</c>: a link from an achievement to a skill or competency framework (ESCO, O*NET, CTDL…).</summary>
public sealed record CredentialAlignment(
    string? TargetUrl,
    string? TargetCode,
    string? TargetFramework,
    string? TargetName,
    string? TargetType,
    string? TargetDescription);
