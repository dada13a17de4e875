namespace SkillsMatch.Credentials;

/// <summary>Revocation/suspension status. A status that could not be established is <see cref="Unknown"/>, never <see cref="Valid"/>.</summary>
public enum StatusCheck
{
    /// <summary>The credential declares no status mechanism.</summary>
    NotApplicable,
    Valid,
    Revoked,
    Suspended,
    Unknown,
}
