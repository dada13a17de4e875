namespace SkillsMatch.Credentials;

public enum RecipientMatch
{
    /// <summary>No expected learner was given, or the credential names no recipient we can compare.</summary>
    NotChecked,
    Matched,
    Mismatch,
}
