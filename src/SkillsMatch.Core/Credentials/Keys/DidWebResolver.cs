namespace SkillsMatch.Credentials.Keys;

/// <summary>did:web: fetches the DID document over https and returns its assertionMethod and authentication keys.</summary>
public sealed class DidWebResolver(CredentialHttpClient http) : IKeyResolver
{
    public bool CanResolve(string identifier) => identifier.StartsWith("did:web:", StringComparison.Ordinal);

    public async Task<KeyResolution> ResolveAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var did = identifier.Split('#')[0];
        if (DocumentUrl(did, http.Options.AllowHttp) is not { } url)
            return KeyResolution.Failed(did, $"{did} is not a valid did:web identifier");
        var fetch = await http.GetAsync(url, cancellationToken);
        if (!fetch.Succeeded) return KeyResolution.Failed(did, $"the DID document of {did} could not be fetched: {fetch.Problem}");
        return ControllerDocument.Read(fetch.Body, did);
    }

    /// <summary>
    /// did:web spec §3.2 "Read (Resolve)": colons become path separators, a percent-encoded port is decoded,
    /// a bare domain gets <c>/.well-known</c>, and <c>/did.json</c> is appended.
    /// </summary>
    public static Uri? DocumentUrl(string did, bool allowHttp = false)
    {
        ArgumentNullException.ThrowIfNull(did);
        var parts = did["did:web:".Length..].Split(':');
        if (parts.Length == 0 || parts.Any(p => p.Length == 0)) return null;
        var host = Uri.UnescapeDataString(parts[0]);
        if (host.Contains('/', StringComparison.Ordinal) || host.Contains('@', StringComparison.Ordinal)) return null;
        var path = parts.Length == 1
            ? "/.well-known/did.json"
            : "/" + string.Join('/', parts[1..].Select(Uri.UnescapeDataString)) + "/did.json";
        var scheme = allowHttp ? "http" : "https";
        return Uri.TryCreate($"{scheme}://{host}{path}", UriKind.Absolute, out var url) ? url : null;
    }
}
