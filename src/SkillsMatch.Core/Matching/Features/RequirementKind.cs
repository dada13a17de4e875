namespace SkillsMatch.Matching.Features;

/// <summary>Essential (an occupation's essential skill, a posting's "required") or optional ("preferred", "nice to have").</summary>
public enum RequirementKind
{
    Essential,
    Optional,
}
