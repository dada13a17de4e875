using SkillsMatch.Extraction;
using SkillsMatch.Matching.Features;

namespace SkillsMatch.Jobs;

/// <summary>
/// How a posting's skills count as requirements (issue 18). The schema.org <c>skills</c> field is where an employer
/// lists what the job needs, so a skill found there is required unless a cue says it is only preferred; a skill merely
/// mentioned elsewhere without a cue ("none") is optional, never essential; an employer's edit (stored as
/// <c>required</c>/<c>preferred</c>) wins over both.
/// </summary>
public static class PostingRequirements
{
    /// <summary>The skills with items of the posting's skills field marked required (cue-less ones only).</summary>
    public static IReadOnlyList<ExtractedSkill> Apply(JobPosting posting, IReadOnlyList<ExtractedSkill> skills)
    {
        if (posting.SkillsFieldRange() is not var (start, end)) return skills;
        return skills.Select(s => s.Requirement == RequirementCue.None && s.Spans.Any(span => span.Start >= start && span.Start < end)
            ? s with { Requirement = RequirementCue.Required } : s).ToList();
    }

    /// <summary>The kind a stored requirement counts as: only "required" is essential.</summary>
    public static RequirementKind Kind(string requirement) =>
        requirement == "required" ? RequirementKind.Essential : RequirementKind.Optional;
}
