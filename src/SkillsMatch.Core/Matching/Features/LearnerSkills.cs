using SkillsMatch.Extraction;

namespace SkillsMatch.Matching.Features;

/// <summary>
/// Every skill a learner holds (one entry per skill: the strongest evidence wins) and the learner's profile
/// embedding. Nothing else about the learner: matching never sees a name, gender, age or other protected attribute.
/// </summary>
public sealed class LearnerSkills
{
    private readonly Dictionary<long, LearnerSkill> bySkill = [];

    public LearnerSkills(IEnumerable<LearnerSkill> skills, float[]? embedding)
    {
        foreach (var skill in skills)
            bySkill[skill.SkillId] = bySkill.TryGetValue(skill.SkillId, out var held) ? Merge(skill, held) : skill;
        Embedding = embedding;
    }

    public float[]? Embedding { get; }

    public int Count => bySkill.Count;

    public IEnumerable<LearnerSkill> All => bySkill.Values;

    public bool TryGet(long skillId, out LearnerSkill skill) => bySkill.TryGetValue(skillId, out skill!);

    /// <summary>
    /// The stronger evidence, with the latest date, best credential QA status, highest level and most years of either: more evidence for a skill
    /// never makes the learner look weaker (a score's guarantee, models/README.md).
    /// </summary>
    private static LearnerSkill Merge(LearnerSkill a, LearnerSkill b)
    {
        var (strong, weak) = IsStronger(a, b) ? (a, b) : (b, a);
        return strong with
        {
            LastEvidenced = strong.LastEvidenced >= weak.LastEvidenced ? strong.LastEvidenced : weak.LastEvidenced,
            CredentialQa = strong.CredentialQa >= weak.CredentialQa ? strong.CredentialQa : weak.CredentialQa,
            // An unstated level counts as MatchFeatureBuilder.AssumedLevel, so a Beginner claim never lowers an unstated one.
            Level = strong.Level is null && weak.Level is null ? null
                : (Proficiency)Math.Max((int)(strong.Level ?? MatchFeatureBuilder.AssumedLevel), (int)(weak.Level ?? MatchFeatureBuilder.AssumedLevel)),
            Years = Math.Max(strong.Years ?? 0, weak.Years ?? 0) is var y && y > 0 ? y : strong.Years ?? weak.Years,
        };
    }

    private static bool IsStronger(LearnerSkill a, LearnerSkill b) =>
        a.Tier != b.Tier ? a.Tier > b.Tier
        : a.CredentialQa != b.CredentialQa ? a.CredentialQa > b.CredentialQa
        : a.LastEvidenced > b.LastEvidenced;
}
