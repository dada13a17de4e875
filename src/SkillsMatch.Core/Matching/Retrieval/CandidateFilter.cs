using SkillsMatch.Learners;

namespace SkillsMatch.Matching.Retrieval;

/// <param name="RequiredSkillIds">Skills candidates must hold at <paramref name="MinTier"/> or better (all of them, or any with RequireAll off).</param>
/// <param name="IncludeRemote">With a region: also learners anywhere who would work remotely.</param>
public sealed record CandidateFilter(
    string? Region = null, bool IncludeRemote = true, EvidenceTier? MinTier = null, IReadOnlyList<long>? RequiredSkillIds = null, bool RequireAll = true)
{
    public IReadOnlyList<long> RequiredSkills => RequiredSkillIds ?? [];
}
