using SkillsMatch.Matching.Ranking;

namespace SkillsMatch.Matching;

/// <summary>Configuration section Matching.</summary>
public sealed class MatchingOptions
{
    /// <summary>The ranker model; the committed models/ranker.zip when empty.</summary>
    public string? RankerPath { get; set; }

    /// <summary>False computes every learner's matches afresh (e.g. to measure the uncached path).</summary>
    public bool RememberMatches { get; set; } = true;

    public string ResolveRankerPath() => RankerPath is { Length: > 0 } configured ? configured
        : MatchScorer.DefaultModelPath
          ?? throw new InvalidOperationException("models/ranker.zip was not found next to the program or under the working directory; set Matching:RankerPath.");
}
