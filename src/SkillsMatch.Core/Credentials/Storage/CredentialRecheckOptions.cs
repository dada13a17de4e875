namespace SkillsMatch.Credentials.Storage;

/// <summary>Credentials:Recheck — how often stored credentials are re-verified (status, expiry, issuer trust).</summary>
public sealed record CredentialRecheckOptions
{
    /// <summary>Each credential is re-checked this long after its last check (sooner when it expires in between).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How often the background pass looks for credentials that are due.</summary>
    public TimeSpan PollEvery { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>At most this many credentials per pass.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>Run the scheduled pass in the background (re-verification on demand works either way).</summary>
    public bool Enabled { get; init; } = true;
}
