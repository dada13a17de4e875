namespace SkillsMatch.Credentials.Keys;

/// <summary>The assertion keys an issuer's DID document, JWKS or controller document lists — or why there are none.</summary>
public sealed record KeyResolution(string Controller, IReadOnlyList<VerificationKey> Keys, string? Error = null)
{
    public static KeyResolution Failed(string controller, string error) => new(controller, [], error);
}
