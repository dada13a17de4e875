namespace SkillsMatch.Credentials;

/// <summary>The outcome of one outbound fetch: the body (bounded) or the reason there is none.</summary>
public sealed record CredentialFetch(Uri RequestedUrl, Uri FinalUrl, int StatusCode, byte[] Body, string? ContentType, string? Error)
{
    public bool Succeeded => Error is null && StatusCode is >= 200 and < 300;

    /// <summary>
    /// What a client is told when the fetch did not succeed: one sentence for every cause, so a credential cannot be used
    /// to learn whether a name resolves, a port is open or a server answers (issue 15). The detail is in the server log.
    /// </summary>
    public string Problem => Succeeded ? "" : Uniform;

    public const string Uniform = "fetch-failed: the document could not be retrieved";

    /// <summary>The cause, for the server log only: <see cref="Error"/>, or the HTTP status the server answered.</summary>
    public string Detail => Error ?? $"{RequestedUrl} answered HTTP {StatusCode}";

    internal static CredentialFetch Failed(Uri url, string error) => new(url, url, 0, [], null, error);
}
