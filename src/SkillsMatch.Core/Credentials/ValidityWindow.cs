namespace SkillsMatch.Credentials;

public enum ValidityWindow
{
    Unchecked,
    Valid,
    NotYetValid,
    Expired,
}
