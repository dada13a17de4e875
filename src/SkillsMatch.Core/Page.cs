namespace SkillsMatch;

/// <summary>One page of a listing, with the total across all pages.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Limit, int Offset);
