namespace SkillsMatch.Matching.Explanation;

/// <param name="Status">matched, partial or missing.</param>
/// <param name="Tier">For matched (or the related skill of a partial): the evidence tier, e.g. credential-verified.</param>
/// <param name="Through">For partial: the related skill the learner holds, how it relates and how similar it is.</param>
public sealed record RequirementExplanation(
    long SkillId, string Label, string Kind, string Status, string? Tier, string? Evidence, PartialExplanation? Through);
