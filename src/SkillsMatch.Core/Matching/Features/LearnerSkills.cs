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
            if (!bySkill.TryGetValue(skill.SkillId, out var held) || IsStronger(skill, held))
                bySkill[skill.SkillId] = skill;
        Embedding = embedding;
    }

    public float[]? Embedding { get; }

    public int Count => bySkill.Count;

    public IEnumerable<LearnerSkill> All => bySkill.Values;

    public bool TryGet(long skillId, out LearnerSkill skill) => bySkill.TryGetValue(skillId, out skill!);

    private static bool IsStronger(LearnerSkill a, LearnerSkill b) =>
        a.Tier != b.Tier ? a.Tier > b.Tier
        : a.CredentialQa != b.CredentialQa ? a.CredentialQa > b.CredentialQa
        : a.LastEvidenced > b.LastEvidenced;
}
