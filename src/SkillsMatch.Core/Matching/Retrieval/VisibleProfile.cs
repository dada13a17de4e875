namespace SkillsMatch.Matching.Retrieval;

/// <summary>
/// What a consenting learner shows employers. Settable properties, not a positional record: Dapper matches
/// constructors by the reader's field types, and a text[] column reports System.Array.
/// </summary>
public sealed record VisibleProfile
{
    public Guid Id { get; init; }
    public string DisplayName { get; init; } = "";
    public string? Email { get; init; }
    public string? Region { get; init; }
    public string? City { get; init; }

    /// <summary>What the learner chose to show employers: skills, and perhaps contact and credentials.</summary>
    public string[] VisibleParts { get; init; } = [];

    /// <summary>The experience and education entries whose kind the learner shares (consent parts experience, education).</summary>
    public IReadOnlyList<SharedHistoryEntry> History { get; init; } = [];
}
