namespace SkillsMatch.Matching.Features;

/// <summary>
/// What the learner has for one requirement: the skill itself (<see cref="Held"/>), a related skill
/// (<see cref="Partial"/>, with <see cref="PartialSkill"/> the evidence for it) or nothing.
/// </summary>
public sealed record RequirementOutcome(RoleRequirement Requirement, RequirementStatus Status, LearnerSkill? Held, PartialCredit? Partial, LearnerSkill? PartialSkill)
{
    /// <summary>1 for the skill itself, the similarity for a related one, 0 when missing.</summary>
    public double Credit => Status switch
    {
        RequirementStatus.Matched => 1,
        RequirementStatus.Partial => Partial!.Similarity,
        _ => 0,
    };
}
