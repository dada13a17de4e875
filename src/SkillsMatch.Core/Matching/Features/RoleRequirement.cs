using SkillsMatch.Extraction;

namespace SkillsMatch.Matching.Features;

/// <summary>
/// One skill a role asks for. <paramref name="Importance"/> weighs it within its kind (1 when the source gives
/// none); <paramref name="Level"/> and <paramref name="Years"/> are the required proficiency, when stated.
/// </summary>
public sealed record RoleRequirement(
    long SkillId,
    RequirementKind Kind,
    double Importance = 1,
    Proficiency? Level = null,
    double? Years = null,
    string? Label = null);
