namespace SkillsMatch.Matching.Features;

/// <summary>One (learner, role) pair's features as the model reads them: <see cref="MatchFeature"/> order.</summary>
public sealed class MatchFeatures
{
    /// <summary>The number of <see cref="MatchFeature"/> values (a constant because ML.NET's vector column attribute needs one).</summary>
    public const int Count = 9;

    public static readonly IReadOnlyList<string> Names = Enum.GetNames<MatchFeature>();

    public MatchFeatures(float[] values)
    {
        if (values.Length != Count) throw new ArgumentException($"expected {Count} feature values, got {values.Length}", nameof(values));
        Values = values;
    }

    public float[] Values { get; }

    public float this[MatchFeature feature]
    {
        get => Values[(int)feature];
        set => Values[(int)feature] = value;
    }

    public MatchFeatures With(MatchFeature feature, float value)
    {
        var copy = new MatchFeatures((float[])Values.Clone());
        copy[feature] = value;
        return copy;
    }
}
