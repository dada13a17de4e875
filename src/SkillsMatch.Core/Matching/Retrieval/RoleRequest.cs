namespace SkillsMatch.Matching.Retrieval;

/// <summary>What a request for a learner's role matches asks; every absent part falls back to the learner's profile.</summary>
/// <param name="Region">Postings in this region (ISO 3166-2) instead of the learner's own.</param>
/// <param name="Remote">true: remote postings only; false: no remote postings; null: remote postings anywhere, besides the region's.</param>
/// <param name="Relocate">Overrides the profile's willingness to relocate for this request.</param>
public sealed record RoleRequest(string? Region = null, bool? Remote = null, long? OccupationId = null, bool? Relocate = null);
