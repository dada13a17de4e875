namespace SkillsMatch.Matching.Ranking;

/// <summary>What the model writes: its raw score.</summary>
public sealed class RankerScoreRow
{
    public float Score { get; set; }
}
