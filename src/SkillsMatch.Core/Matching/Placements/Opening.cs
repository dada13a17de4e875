namespace SkillsMatch.Matching.Placements;

/// <summary>A job opening with room for <paramref name="Capacity"/> learners (≥ 1).</summary>
public sealed record Opening(Guid JobId, int Capacity);
