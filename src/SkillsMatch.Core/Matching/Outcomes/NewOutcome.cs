namespace SkillsMatch.Matching.Outcomes;

/// <summary>An outcome to record; <paramref name="Stage"/> is one of <see cref="OutcomeStages.All"/>.</summary>
public sealed record NewOutcome(Guid LearnerId, Guid PostingId, string Stage, DateOnly OccurredOn, string? Note);
