namespace SkillsMatch.Credentials;

/// <summary>Limits for every outbound fetch made while verifying a credential (DID documents, JWKS, status lists, OB 2.0 assertions).</summary>
public sealed record CredentialHttpOptions
{
    /// <summary>Allow 127.0.0.0/8 and ::1. Tests only: a credential must not make us probe our own host.</summary>
    public bool AllowLoopback { get; init; }

    /// <summary>Allow RFC 1918, CGNAT (100.64.0.0/10) and IPv6 ULA (fc00::/7) addresses.</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Allow plain http (and http did:web documents). Tests only.</summary>
    public bool AllowHttp { get; init; }

    public int MaxResponseBytes { get; init; } = 256 * 1024;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);
    public int MaxRedirects { get; init; } = 3;
}
