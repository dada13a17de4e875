namespace SkillsMatch.Matching.Features;

/// <summary>
/// What a role asks for, whatever it came from (an occupation's skill profile or a job posting): its skill
/// requirements, the role's text embedding and, when known, the occupation it belongs to.
/// </summary>
public sealed record RoleProfile(IReadOnlyList<RoleRequirement> Requirements, float[]? Embedding, long? OccupationId = null)
{
    public long[] EssentialSkillIds => [.. Requirements.Where(r => r.Kind == RequirementKind.Essential).Select(r => r.SkillId)];
}
