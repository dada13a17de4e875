namespace SkillsMatch.Matching.Outcomes;

/// <summary>One posting's graded candidates, for training: each learner's best grade and when it was last recorded.</summary>
public sealed record OutcomeGroup(Guid PostingId, IReadOnlyList<(Guid LearnerId, int Grade, DateOnly OccurredOn)> Candidates);
