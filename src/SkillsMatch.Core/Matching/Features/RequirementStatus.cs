namespace SkillsMatch.Matching.Features;

/// <summary>Whether the learner holds a required skill itself, only a related one, or neither.</summary>
public enum RequirementStatus
{
    Matched,
    Partial,
    Missing,
}
