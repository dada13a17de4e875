namespace SkillsMatch.Credentials.Keys;

/// <summary>
/// The verification relationships a key is listed under (DID Core §5.3; W3C Controlled Identifiers §2.3): an issuer signs
/// credentials with an <c>assertionMethod</c> key, a holder signs presentations with an <c>authentication</c> key.
/// </summary>
[Flags]
public enum KeyPurpose
{
    None = 0,
    Assertion = 1,
    Authentication = 2,
}
