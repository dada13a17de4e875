using System.Diagnostics;
using System.Text;

namespace SkillsMatch.Extraction;

/// <param name="MatchMedianMicroseconds">Per posting, <see cref="LexicalMatcher.Match"/> alone.</param>
/// <param name="AnalyzeMedianMicroseconds">Per posting, the whole text side (<see cref="TextAnalysis.Analyze"/>).</param>
/// <param name="AnalyzePerSecond">Postings per second on one thread, from the mean analysis time.</param>
public sealed record LexicalBenchmarkResult(
    int Postings, double MeanChars, double MatchMedianMicroseconds, double MatchP95Microseconds,
    double AnalyzeMedianMicroseconds, double AnalyzeP95Microseconds, double AnalyzePerSecond, int MentionsPerPosting);

/// <summary>
/// Times the lexical side on one thread, posting by posting, for `skillsmatch bench`. Not a BenchmarkDotNet
/// run: enough to see microseconds per posting and whether the lexicon's size shows.
/// </summary>
public static class LexicalBenchmark
{
    public static LexicalBenchmarkResult Run(LexicalMatcher matcher, IReadOnlyList<string> postings, int warmupRounds = 2)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(postings);
        ArgumentOutOfRangeException.ThrowIfZero(postings.Count);
        for (int round = 0; round < warmupRounds; round++)
        {
            foreach (string posting in postings)
            {
                TextAnalysis.Analyze(posting, matcher);
            }
        }

        var match = new double[postings.Count];
        var analyze = new double[postings.Count];
        long chars = 0, mentions = 0;
        for (int i = 0; i < postings.Count; i++)
        {
            chars += postings[i].Length;
            long start = Stopwatch.GetTimestamp();
            matcher.Match(postings[i]);
            match[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            start = Stopwatch.GetTimestamp();
            mentions += TextAnalysis.Analyze(postings[i], matcher).Mentions.Count();
            analyze[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        return new LexicalBenchmarkResult(postings.Count, (double)chars / postings.Count, Percentile(match, 0.5),
            Percentile(match, 0.95), Percentile(analyze, 0.5), Percentile(analyze, 0.95), 1e6 / analyze.Average(),
            (int)(mentions / postings.Count));
    }

    /// <summary>
    /// Synthetic postings of about <paramref name="length"/> characters, with headings, bullets, cues and
    /// negations around labels drawn from <paramref name="labels"/>, so the automaton has real work.
    /// </summary>
    public static IReadOnlyList<string> SamplePostings(IReadOnlyList<string> labels, int count, int length = 2048, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfZero(labels.Count);
        var random = new Random(seed);
        string Label() => labels[random.Next(labels.Count)];
        var postings = new List<string>(count);
        var text = new StringBuilder(length + 256);
        for (int p = 0; p < count; p++)
        {
            text.Clear();
            text.Append("About the role\r\nWe are looking for an analyst to join our team in Ottawa, e.g. to ")
                .Append(Label()).Append(" and ").Append(Label()).Append(".\r\n\r\nRequirements:\r\n");
            int line = 0;
            while (text.Length < length)
            {
                string template = Templates[(p + line++) % Templates.Length];
                text.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Label(), Label()))
                    .Append("\r\n");
                if (line == 6)
                {
                    text.Append("Nice to have:\r\n");
                }
            }
            postings.Add(text.ToString(0, Math.Min(text.Length, length)));
        }
        return postings;
    }

    private static readonly string[] Templates =
    [
        "- 3+ years of experience with {0} and {1}.",
        "\u2022 Strong knowledge of {0}; familiarity with {1} is an asset.",
        "- No {0} experience required, but you should {1}.",
        "* You will {0} and work closely with product managers on {1} (C#, .NET, Node.js, CI/CD).",
        "- Proven experience in {0}, ideally also {1}.",
        "1. Ability to {0} in a fast-paced, R&D-heavy environment; {1} would be a plus.",
        "- Working knowledge of {0}, SQL, Python, Power BI and Excel.",
        "\u2022 2-4 yrs {0} and advanced {1} in a team of five.",
    ];

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
