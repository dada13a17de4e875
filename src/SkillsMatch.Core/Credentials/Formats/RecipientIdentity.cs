namespace SkillsMatch.Credentials.Formats;

/// <summary>
/// A recipient identifier: OB 3.0 <c>IdentityObject</c> (identityType, hashed, identityHash, salt) or
/// OB 2.0 <c>IdentityObject</c> (type, hashed, identity, salt). Hashed values are <c>sha256$hex(sha256(value + salt))</c>.
/// </summary>
internal sealed record RecipientIdentity(string Type, bool Hashed, string Value, string? Salt);
