namespace SkillsMatch.Credentials;

public enum CredentialFormat
{
    Unknown,
    /// <summary>OB 3.0 / CLR 2.0 credential as JSON (VCDM 2.0 or 1.1), secured by an embedded proof.</summary>
    VcJson,
    /// <summary>OB 3.0 / CLR 2.0 credential as compact VC-JWT (VCDM 1.1 <c>vc</c> claim or VC-JOSE 2.0 payload).</summary>
    VcJwt,
    /// <summary>Open Badges 2.0 signed assertion (JWS).</summary>
    OpenBadges2Signed,
    /// <summary>Open Badges 2.0 hosted assertion, verified from the copy fetched at its id.</summary>
    OpenBadges2Hosted,
}
