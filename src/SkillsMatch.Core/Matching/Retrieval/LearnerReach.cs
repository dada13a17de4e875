namespace SkillsMatch.Matching.Retrieval;

/// <summary>
/// Where a learner will work and how they will learn, as their profile says: the defaults of their role and plan
/// filters. Settable properties, not a positional record: Dapper matches constructors by field types, and a text[]
/// column reports System.Array.
/// </summary>
public sealed record LearnerReach
{
    public string? Region { get; init; }
    public bool WillingToRelocate { get; init; }
    public string[]? Languages { get; init; }
    public string[]? LearningFormats { get; init; }
}
