using SkillsMatch.Matching.Features;

namespace SkillsMatch.Matching.Retrieval;

/// <summary>A job posting as matching sees it: a role plus what a learner needs to recognise it.</summary>
public sealed record PostingRole(Guid Id, string Title, string? Employer, string? Region, string? City, string Remote, RoleProfile Role);
