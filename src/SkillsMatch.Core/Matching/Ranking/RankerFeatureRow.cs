using Microsoft.ML.Data;
using SkillsMatch.Matching.Features;

namespace SkillsMatch.Matching.Ranking;

/// <summary>What the model reads: one features vector (public because ML.NET maps it by reflection).</summary>
public class RankerFeatureRow
{
    [VectorType(MatchFeatures.Count)]
    public float[] Features { get; set; } = [];
}
