using SkillsMatch.Matching.Ranking;

namespace SkillsMatch.Matching.Training;

/// <summary>A training row: features, graded label and its group (one role's candidates).</summary>
public sealed class RankerTrainingRow : RankerFeatureRow
{
    public float Label { get; set; }

    public string Group { get; set; } = "";
}
