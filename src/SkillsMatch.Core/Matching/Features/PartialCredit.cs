namespace SkillsMatch.Matching.Features;

/// <summary>Credit for a required skill the learner lacks, through a skill they hold.</summary>
public sealed record PartialCredit(long HeldSkillId, SkillRelationKind Kind, double Similarity);
