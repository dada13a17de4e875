using SkillsMatch.Extraction;
using SkillsMatch.Learners;
using SkillsMatch.Matching.Features;

namespace SkillsMatch.Tests.Matching.Features;

/// <summary>Seven skills with hand-made 4-dimension vectors and links, for exact expectations about partial credit.</summary>
public static class SmallSkillGraph
{
    public const long Spreadsheets = 1, Excel = 2, Sql = 3, DataModelling = 4, Python = 5, Pandas = 6, Welding = 7, EscoSql = 1003;

    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static SkillGraph Build() => new(
        [
            new SkillEdge(Excel, Spreadsheets, SkillRelationKind.Broader),
            new SkillEdge(DataModelling, Sql, SkillRelationKind.Related),
            new SkillEdge(EscoSql, Sql, SkillRelationKind.Crosswalk, 0.93),
        ],
        new Dictionary<long, float[]>
        {
            [Spreadsheets] = [1, 0, 0, 0],
            [Excel] = [0.9f, 0.43589f, 0, 0],
            [Sql] = [0, 0, 1, 0],
            [DataModelling] = [0, 0, 0.8f, 0.6f],
            [Python] = [0, 0, 0, 1],
            [Pandas] = [0, 0.2f, 0, 0.9798f],
            [Welding] = [0, 1, 0, 0],
        });

    public static LearnerSkill Held(long skillId, EvidenceTier tier = EvidenceTier.Attested, string? evidence = null, CredentialQaStatus qa = CredentialQaStatus.None) =>
        new(skillId, tier, Proficiency.Intermediate, 2, AsOf.AddMonths(-6), qa, evidence);

    public static LearnerSkills Learner(params LearnerSkill[] skills) => new(skills, null);

    public static RoleProfile Role(params RoleRequirement[] requirements) => new(requirements, null);
}
