namespace SkillsMatch.Matching.Explanation;

/// <summary>
/// Why a score is what it is: what the 0–100 scale means (<see cref="ScoreMeaning"/>), every requirement of the role
/// with its outcome, and each feature group's points from the reference candidate, which add up to the score.
/// </summary>
public sealed record MatchExplanation(
    string Summary, IReadOnlyList<RequirementExplanation> Requirements, IReadOnlyList<FeatureContribution> Contributions, string ScoreMeaning = MatchExplanation.Meaning)
{
    public const string Meaning =
        "0 is " + ScoreContributions.Reference + " (nothing related, an unrelated profile); 100 holds every requirement " +
        "credential-verified, recently, at the stated level, with a closely matching profile. Contributions are points " +
        "from that reference and add up to the score; profile similarity gives at most 10.";
}
