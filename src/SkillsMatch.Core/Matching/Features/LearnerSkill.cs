using SkillsMatch.Extraction;
using SkillsMatch.Learners;

namespace SkillsMatch.Matching.Features;

/// <summary>
/// A learner's best evidence for one skill: its tier, the level and years claimed or assessed, when it was
/// last evidenced, the quality-assurance status of the credential behind it and a one-line evidence summary
/// (e.g. "Data Analytics Certificate, issued by …") shown in explanations.
/// </summary>
public sealed record LearnerSkill(
    long SkillId,
    EvidenceTier Tier,
    Proficiency? Level,
    double? Years,
    DateTimeOffset LastEvidenced,
    CredentialQaStatus CredentialQa = CredentialQaStatus.None,
    string? Evidence = null);
