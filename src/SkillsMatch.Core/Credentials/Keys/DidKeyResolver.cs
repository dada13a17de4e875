namespace SkillsMatch.Credentials.Keys;

/// <summary>
/// did:key: the identifier is the key (did:key v0.7 §3.1). The single verification method is
/// <c>did:key:z…#z…</c> and it is an assertion and an authentication method by construction (did:key v0.7 §3.1.2).
/// </summary>
public sealed class DidKeyResolver : IKeyResolver
{
    public bool CanResolve(string identifier) => identifier.StartsWith("did:key:", StringComparison.Ordinal);

    public Task<KeyResolution> ResolveAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var did = identifier.Split('#')[0];
        try
        {
            var multibase = did["did:key:".Length..];
            var jwk = Multikey.Decode(multibase);
            return Task.FromResult(new KeyResolution(did, [new VerificationKey($"{did}#{multibase}", did, jwk, KeyPurpose.Assertion | KeyPurpose.Authentication)]));
        }
        catch (CredentialFormatException e)
        {
            return Task.FromResult(KeyResolution.Failed(did, $"{did} is not a usable did:key: {e.Message}"));
        }
    }
}
