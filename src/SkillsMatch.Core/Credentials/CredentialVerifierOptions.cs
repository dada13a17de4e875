namespace SkillsMatch.Credentials;

public sealed record CredentialVerifierOptions
{
    /// <summary>Tolerance for clocks that disagree, applied to validFrom/nbf and validUntil/exp.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest input accepted (a JSON credential, a JWT, or a baked PNG/SVG).</summary>
    public int MaxInputBytes { get; init; } = 1024 * 1024;

    /// <summary>How long resolved issuer keys (DID documents, JWKS) are reused.</summary>
    public TimeSpan KeyCacheDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>JSON-LD contexts an operator pins beside the shipped ones (data/contexts), each with its SHA-256.</summary>
    public IReadOnlyList<LinkedData.ContextFile> Contexts { get; init; } = [];

    /// <summary>RDFC-1.0 work limit per canonicalisation (Hash N-Degree Quads steps) before <c>canonicalization-too-complex</c>.</summary>
    public int MaxCanonicalizationWork { get; init; } = LinkedData.RdfCanonicalizer.DefaultMaxWork;
}
