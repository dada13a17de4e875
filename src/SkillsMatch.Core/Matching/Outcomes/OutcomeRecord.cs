namespace SkillsMatch.Matching.Outcomes;

/// <summary>One recorded outcome: a learner, a posting, the stage reached, when, and who recorded it.</summary>
public sealed record OutcomeRecord(
    long Id, Guid LearnerId, Guid PostingId, string PostingTitle, string Stage, DateOnly OccurredOn, string RecordedRole, string? RecordedBy,
    string? Note, DateTimeOffset RecordedAt);
