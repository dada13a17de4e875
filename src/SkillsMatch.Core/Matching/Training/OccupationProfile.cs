using SkillsMatch.Matching.Features;

namespace SkillsMatch.Matching.Training;

/// <summary>An occupation's skill profile (essential and optional skills) and codes, the raw material of weak supervision.</summary>
public sealed record OccupationProfile(long Id, string Title, string? IscoCode, string? Sector, IReadOnlyList<RoleRequirement> Skills);
