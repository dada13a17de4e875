namespace SkillsMatch.Matching.Placements;

/// <param name="Result">Null when <paramref name="Unknown"/> names learners or postings that do not exist.</param>
public sealed record PlacementView(PlacementResult? Result, IReadOnlyList<Guid> Unknown);
