namespace SkillsMatch.Matching.Plans;

/// <summary>Exactly one of an occupation (working taxonomy) or a job posting.</summary>
public sealed record GapTarget(long? OccupationId, Guid? JobId);
