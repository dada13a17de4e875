using SkillsMatch.Learners;

namespace SkillsMatch.Matching.Retrieval;

/// <param name="RequiredSkillIds">Skills candidates must hold at <paramref name="MinTier"/> or better (all of them, or any with RequireAll off).</param>
/// <param name="IncludeRemote">With a region: also learners anywhere who would work remotely.</param>
/// <param name="IncludeWeak">Also learners holding none of the role's essential skills (off by default: they are not candidates).</param>
public sealed record CandidateFilter(
    string? Region = null, bool IncludeRemote = true, EvidenceTier? MinTier = null, IReadOnlyList<long>? RequiredSkillIds = null, bool RequireAll = true,
    bool IncludeWeak = false)
{
    public IReadOnlyList<long> RequiredSkills => RequiredSkillIds ?? [];
}
