namespace SkillsMatch.Learners;

/// <summary>How strongly a learner's skill is evidenced; higher is stronger. Stored as its number.</summary>
public enum EvidenceTier : short
{
    SelfDeclared = 1,
    Inferred = 2,
    Attested = 3,
    CredentialVerified = 4,
}
