namespace SkillsMatch.Embeddings;

/// <summary>
/// Splits texts sorted by token count into inference batches at the least cost, where a batch costs a fixed
/// overhead plus its rows times its longest row (every row is padded to it). One run of MiniLM streams all
/// of its ~90 MB of weights, which on this machine costs as much as ~20 tokens of compute (5–6 ms of CPU for
/// a 6-token text, then ~0.27 ms per token more), so a batch is split only where padding wastes more than that.
/// </summary>
public static class BatchPlan
{
    /// <summary>The fixed cost of one inference run, in tokens of compute.</summary>
    public const int RunOverheadTokens = 20;

    /// <returns>Consecutive ranges [Start, End) of <paramref name="ascendingLengths"/>, in order.</returns>
    public static List<(int Start, int End)> Split(IReadOnlyList<int> ascendingLengths, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(ascendingLengths);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        int n = ascendingLengths.Count;
        var cost = new long[n + 1];
        var cut = new int[n + 1];
        for (int end = 1; end <= n; end++)
        {
            cost[end] = long.MaxValue;
            for (int start = Math.Max(0, end - maxRows); start < end; start++)
            {
                long candidate = cost[start] + RunOverheadTokens + (long)(end - start) * ascendingLengths[end - 1];
                if (candidate < cost[end])
                {
                    cost[end] = candidate;
                    cut[end] = start;
                }
            }
        }
        var batches = new List<(int, int)>();
        for (int end = n; end > 0; end = cut[end])
        {
            batches.Add((cut[end], end));
        }
        batches.Reverse();
        return batches;
    }
}
