namespace SkillsMatch.Matching.Retrieval;

/// <param name="IncludeRemote">With a region: also remote postings elsewhere.</param>
/// <param name="RemoteOnly">Only postings open to remote work.</param>
public sealed record RoleFilter(string? Region = null, bool IncludeRemote = true, bool RemoteOnly = false, long? OccupationId = null);
