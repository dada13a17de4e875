namespace SkillsMatch.Extraction.Evaluation;

/// <summary>
/// Figures for a gold set. RankedSentences: sentences with at least one gold skill (RP@5 and MRR are over
/// those, as the skill-linking benchmark defines them, ranked in the linking mode); precision, recall and F1
/// count every sentence, with the skills extraction reports (the extraction mode).
/// </summary>
public sealed record LinkingReport(
    int Sentences, int RankedSentences, double RPrecisionAt5, double Mrr,
    double Threshold, double Precision, double Recall, double F1, int IgnoredLabels);

/// <summary>The gold set's sentences, each ranked once; reports can then be read at any threshold.</summary>
public sealed class LinkingEvaluation
{
    private readonly List<(GoldSentence Gold, IReadOnlyList<(long SkillId, double Score)> Ranked, IReadOnlyList<(long SkillId, double Score)> Extracted)> ranked = [];
    private readonly int ignoredLabels;

    private LinkingEvaluation(int ignoredLabels) => this.ignoredLabels = ignoredLabels;

    public static async Task<LinkingEvaluation> RankAsync(SkillExtractor extractor, int taxonomyId, GoldSet gold, bool lexicalOnly, CancellationToken ct)
    {
        var evaluation = new LinkingEvaluation(gold.IgnoredLabels);
        var linking = new ExtractionOptions { LexicalOnly = lexicalOnly, Threshold = 0, LinkTopK = 100 };
        var extraction = linking with { LinkTopK = null };
        foreach (var sentence in gold.Sentences)
        {
            var linked = await extractor.ExtractAsync(sentence.Sentence, taxonomyId, linking, ct);
            var extracted = await extractor.ExtractAsync(sentence.Sentence, taxonomyId, extraction, ct);
            evaluation.ranked.Add((sentence, linked.Skills.Select(s => (s.SkillId, s.Confidence)).ToList(),
                extracted.Skills.Select(s => (s.SkillId, s.Confidence)).ToList()));
        }
        return evaluation;
    }

    public LinkingReport At(double threshold)
    {
        double rp = 0, rr = 0;
        int scored = 0, truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var (gold, list, extracted) in ranked)
        {
            var predicted = extracted.Where(r => r.Score >= threshold).Select(r => r.SkillId).ToHashSet();
            truePositives += predicted.Count(gold.Skills.Contains);
            falsePositives += predicted.Count(id => !gold.Skills.Contains(id));
            falseNegatives += gold.Skills.Count(id => !predicted.Contains(id));
            if (gold.Skills.Count == 0) continue;
            scored++;
            rp += (double)list.Take(5).Count(r => gold.Skills.Contains(r.SkillId)) / Math.Min(5, gold.Skills.Count);
            var first = list.Select((r, i) => (r.SkillId, Rank: i + 1)).FirstOrDefault(r => gold.Skills.Contains(r.SkillId));
            rr += first.Rank == 0 ? 0 : 1.0 / first.Rank;
        }
        var precision = truePositives + falsePositives == 0 ? 0 : (double)truePositives / (truePositives + falsePositives);
        var recall = truePositives + falseNegatives == 0 ? 0 : (double)truePositives / (truePositives + falseNegatives);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new LinkingReport(ranked.Count, scored, scored == 0 ? 0 : 100 * rp / scored, scored == 0 ? 0 : rr / scored,
            threshold, precision, recall, f1, ignoredLabels);
    }
}
