namespace SkillsMatch.Matching.Retrieval;

/// <summary>The filter a learner's role matches were found under, and why: the answer states it (issue 18, item 3).</summary>
/// <param name="Rule">requested-region, remote-only, relocating, home-region or no-region.</param>
/// <param name="Description">The rule in a sentence a learner can read.</param>
public sealed record AppliedRoleFilter(string Rule, string? Region, bool IncludeRemote, bool RemoteOnly, long? OccupationId, string Description)
{
    public RoleFilter ToFilter() => new(Region, IncludeRemote, RemoteOnly, OccupationId);
}
