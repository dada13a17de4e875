namespace SkillsMatch.Credentials;

/// <summary>The outcome of one outbound fetch: the body (bounded) or the reason there is none.</summary>
public sealed record CredentialFetch(Uri RequestedUrl, Uri FinalUrl, int StatusCode, byte[] Body, string? ContentType, string? Error)
{
    public bool Succeeded => Error is null && StatusCode is >= 200 and < 300;

    /// <summary>A sentence for a verdict reason when the fetch did not succeed.</summary>
    public string Problem => Error ?? $"{RequestedUrl} answered HTTP {StatusCode}";

    internal static CredentialFetch Failed(Uri url, string error) => new(url, url, 0, [], null, error);
}
