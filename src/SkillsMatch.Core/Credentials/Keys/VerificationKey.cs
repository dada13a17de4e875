namespace SkillsMatch.Credentials.Keys;

/// <summary>A public key an issuer lists for making assertions, with the id it is listed under.</summary>
/// <param name="Id">Verification method id (DID URL), JWK <c>kid</c>, or key URL.</param>
/// <param name="Controller">The DID or URL whose document lists the key.</param>
public sealed record VerificationKey(string Id, string Controller, PublicJwk Jwk);
