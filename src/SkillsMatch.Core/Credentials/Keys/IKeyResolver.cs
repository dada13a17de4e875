namespace SkillsMatch.Credentials.Keys;

/// <summary>
/// Turns an issuer identifier (or a key URL) into the keys its controller lists for assertions.
/// One backend per identifier kind: did:key and did:jwk decode the key from the identifier itself,
/// did:web and https fetch a document through <see cref="CredentialHttpClient"/>.
/// </summary>
public interface IKeyResolver
{
    bool CanResolve(string identifier);

    Task<KeyResolution> ResolveAsync(string identifier, CancellationToken cancellationToken);
}
