namespace SkillsMatch.Credentials.Holder;

/// <summary><c>Holder</c>: how learners bind credentials to themselves.</summary>
public sealed record HolderOptions
{
    /// <summary>The service's domain a presentation must be addressed to (its <c>aud</c> / <c>domain</c>).</summary>
    public string Domain { get; init; } = "skillsmatch.local";

    /// <summary>A presentation challenge is single use and lives this long.</summary>
    public TimeSpan ChallengeLifetime { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan CodeLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong codes allowed per code sent.</summary>
    public short CodeAttempts { get; init; } = 5;

    /// <summary>A new code for the same address is sent at most this often.</summary>
    public TimeSpan ResendAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>outbox</c> (default) or <c>smtp</c> (then <c>Credentials:Holder:Smtp</c>).</summary>
    public string EmailSender { get; init; } = "outbox";
}
