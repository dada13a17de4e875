namespace SkillsMatch.Credentials.Trust;

/// <summary>An issuer in the trust registry: who they are, their quality assurance, and whether we trust them.</summary>
public sealed record Issuer
{
    public Guid Id { get; init; }

    /// <summary>Exactly the issuer.id a credential names: a DID or an https URL.</summary>
    public string IssuerUri { get; init; } = "";
    public string Name { get; init; } = "";
    public bool Trusted { get; init; }
    public string? AccreditingBody { get; init; }

    /// <summary>The quality framework the issuer is reviewed under, e.g. "Ontario Micro-credentials Framework".</summary>
    public string? Framework { get; init; }
    public DateOnly? LastReview { get; init; }
    public string? Notes { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>What an administrator states about an issuer (create or full replacement).</summary>
public sealed record IssuerDetails(
    string IssuerUri, string Name, bool Trusted, string? AccreditingBody = null, string? Framework = null, DateOnly? LastReview = null, string? Notes = null)
{
    /// <summary>A DID (did:method:…) or an absolute http(s) URL; null when acceptable, else why not.</summary>
    public static string? UriProblem(string uri)
    {
        if (uri.StartsWith("did:", StringComparison.Ordinal))
            return uri.Split(':').Length >= 3 && !uri.Any(char.IsWhiteSpace) ? null : $"'{uri}' is not a DID (did:method:identifier)";
        return Uri.TryCreate(uri, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? null
            : $"'{uri}' is neither a DID nor an absolute https URL";
    }
}

/// <summary>Another issuer already has this issuer_uri.</summary>
public sealed class DuplicateIssuerException(string issuerUri)
    : Exception($"An issuer with issuer_uri '{issuerUri}' is already registered.")
{
    public string IssuerUri { get; } = issuerUri;
}
