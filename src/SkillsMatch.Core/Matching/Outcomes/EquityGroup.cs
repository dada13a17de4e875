namespace SkillsMatch.Matching.Outcomes;

/// <summary>A learner's own statement: in this equity program, they identify with this group.</summary>
public sealed record EquityGroup(string Program, string SelfIdentified);
