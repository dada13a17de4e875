namespace SkillsMatch.Credentials.Keys;

/// <summary>What checking a JWS against its issuer established; failures carry their own reasons.</summary>
internal sealed record SignatureOutcome(bool SignatureValid, bool KeyBound, string? VerificationMethod, List<CredentialReason> Reasons);
