namespace SkillsMatch.Matching.Features;

/// <summary>
/// Quality assurance of the credential behind a skill: issued under an accredited programme, aligned to a
/// recognised framework, or neither (also when no credential backs the skill).
/// </summary>
public enum CredentialQaStatus
{
    None,
    Framework,
    Accredited,
}
