using Microsoft.ML.Data;

namespace SkillsMatch.Matching;

/// <summary>What the model reads: one features vector (public because ML.NET maps it by reflection).</summary>
public class RankerFeatureRow
{
    [VectorType(MatchFeatures.Count)]
    public float[] Features { get; set; } = [];
}

/// <summary>A training row: features, graded label and its group (one role's candidates).</summary>
public sealed class RankerTrainingRow : RankerFeatureRow
{
    public float Label { get; set; }

    public string Group { get; set; } = "";
}

/// <summary>What the model writes: its raw score.</summary>
public sealed class RankerScoreRow
{
    public float Score { get; set; }
}
