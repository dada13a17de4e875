namespace SkillsMatch.Credentials.Keys;

/// <summary>
/// An https issuer id or key URL: fetches it and reads a JWKS, a single JWK or a controller document.
/// An issuer profile without keys resolves to none, which the verifier reports as an unbound key.
/// </summary>
public sealed class HttpsKeyResolver(CredentialHttpClient http) : IKeyResolver
{
    public bool CanResolve(string identifier) =>
        identifier.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || (http.Options.AllowHttp && identifier.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    public async Task<KeyResolution> ResolveAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var document = identifier.Split('#')[0];
        if (!Uri.TryCreate(document, UriKind.Absolute, out var url))
            return KeyResolution.Failed(document, $"{document} is not a URL");
        var fetch = await http.GetAsync(url, cancellationToken);
        if (!fetch.Succeeded) return KeyResolution.Failed(document, $"the keys of {document} could not be fetched: {fetch.Problem}");
        return ControllerDocument.Read(fetch.Body, document);
    }
}
