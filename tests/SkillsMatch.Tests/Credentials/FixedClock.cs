namespace SkillsMatch.Tests.Credentials;

/// <summary>A TimeProvider standing still at a chosen instant, so validity windows are tested exactly.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
