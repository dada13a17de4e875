namespace SkillsMatch.Credentials.Keys;

/// <summary>A public key a controller lists, with the id it is listed under and what it is listed for.</summary>
/// <param name="Id">Verification method id (DID URL), JWK <c>kid</c>, or key URL.</param>
/// <param name="Controller">The DID or URL whose document lists the key.</param>
/// <param name="Purposes">The relationships the key is listed under; a JWKS key is an issuer's assertion key.</param>
public sealed record VerificationKey(string Id, string Controller, PublicJwk Jwk, KeyPurpose Purposes = KeyPurpose.Assertion)
{
    public bool IsFor(KeyPurpose purpose) => (Purposes & purpose) == purpose;
}
