namespace SkillsMatch.Matching.Training;

/// <summary>One recorded learner–posting outcome as a training example: its group is the posting, its label the stage's grade.</summary>
public sealed record OutcomeExample(RankingExample Example, DateOnly OccurredOn);
