using Microsoft.Extensions.AI;
using SkillsMatch.Embeddings;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Occupations;

/// <summary>An occupation proposed for a job title, with the evidence behind its score.</summary>
/// <param name="LowConfidence">On the best match only: its score is weak, or the runner-up is close behind, so a person should check it.</param>
public sealed record OccupationMatch(
    long OccupationId, string ExternalId, string Title, double Score, double Lexical, double Semantic, string MatchedTitle, bool LowConfidence = false);

/// <summary>
/// Job title (and optionally the posting's text) → the closest occupations of a taxonomy. Lexical evidence
/// over every title and alternative title (<see cref="OccupationIndex"/>) is combined with the cosine between
/// the title's vector and each occupation's title vector, so "Class AZ Driver" finds a lorry driver
/// although no word is shared, and "Cook II" does not drift to a chef by meaning alone.
/// </summary>
/// <param name="lexicalWeight">The lexical share of the score; <see cref="LexicalWeight"/> unless an evaluation sweeps it.</param>
public sealed class OccupationClassifier(
    TaxonomyStore store, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null, double lexicalWeight = OccupationClassifier.LexicalWeight) : IDisposable
{
    public const double LexicalWeight = 0.55;
    /// <summary>When a posting's text is given, this share of the semantic evidence comes from title + text.</summary>
    public const double TextShare = 0.25;
    private const int TextPrefixLength = 600;

    /// <summary>
    /// The best match is flagged low-confidence below this score or within this margin of the second. Set by looking at
    /// the tuning half of the JobBERT development titles (docs/jobs.md, "Title to occupation").
    /// </summary>
    public const double LowConfidenceScore = 0.5, LowConfidenceMargin = 0.02;

    private readonly TaxonomyVersionedCache<OccupationIndex> indexes = new(store);

    public Task<IReadOnlyList<OccupationMatch>> ClassifyAsync(string title, string? text, int taxonomyId, int k, CancellationToken ct) =>
        ClassifyAsync(title, text, textVector: null, taxonomyId, k, ct);

    /// <summary>
    /// As above, with the vector of the posting's text already computed (bulk import passes the posting vector,
    /// <see cref="EmbeddingText.ForPosting"/>: title, skills and the start of the text), so the text is not embedded twice.
    /// </summary>
    public async Task<IReadOnlyList<OccupationMatch>> ClassifyAsync(string title, string? text, ReadOnlyMemory<float>? textVector, int taxonomyId, int k, CancellationToken ct)
    {
        var index = await IndexAsync(taxonomyId, ct);
        var variants = JobTitleText.Variants(title);
        if (variants[0].Length == 0 || index.Occupations.Count == 0) return [];
        var lexical = index.Lexical(variants.Select(OccupationIndex.Query.Of).ToList());

        double[]? semantic = null;
        if (embeddings is not null && index.HasVectors)
        {
            // The head ("data analyst" of "Sr. Data Analyst – Power BI") is what the title vectors are comparable with.
            var inputs = new List<string> { variants[^1] };
            if (textVector is null && !string.IsNullOrWhiteSpace(text)) inputs.Add($"{title.Trim()}. {Prefix(text)}");
            var vectors = await embeddings.GenerateAsync(inputs, cancellationToken: ct);
            semantic = index.Semantic(vectors[0].Vector.Span);
            var withTextVector = textVector ?? (vectors.Count > 1 ? vectors[1].Vector : (ReadOnlyMemory<float>?)null);
            if (withTextVector is { } textVectorFound)
            {
                var withText = index.Semantic(textVectorFound.Span);
                for (var i = 0; i < semantic.Length; i++) semantic[i] = (1 - TextShare) * semantic[i] + TextShare * withText[i];
            }
        }

        var depth = Math.Max(k, 2);
        var top = new PriorityQueue<int, double>(depth + 1);
        for (var i = 0; i < lexical.Length; i++)
        {
            top.Enqueue(i, Score(lexical[i].Score, semantic?[i]));
            if (top.Count > depth) top.Dequeue();
        }
        var matches = new List<OccupationMatch>(top.Count);
        while (top.TryDequeue(out var i, out var score))
        {
            var occupation = index.Occupations[i];
            matches.Add(new OccupationMatch(occupation.Id, occupation.ExternalId, occupation.Title, Math.Round(score, 4),
                Math.Round(lexical[i].Score, 4), Math.Round(semantic?[i] ?? 0, 4), lexical[i].Title ?? occupation.Title));
        }
        matches.Reverse();
        if (matches.Count > 0)
        {
            var margin = matches.Count > 1 ? matches[0].Score - matches[1].Score : 1;
            matches[0] = matches[0] with { LowConfidence = matches[0].Score < LowConfidenceScore || margin < LowConfidenceMargin };
        }
        return matches.Count > k ? matches[..k] : matches;
    }

    private double Score(double lexical, double? semantic) =>
        semantic is { } s ? lexicalWeight * lexical + (1 - lexicalWeight) * s : lexical;

    private static string Prefix(string text) =>
        text.Length <= TextPrefixLength ? text.Trim() : text[..TextPrefixLength].Trim();

    private Task<OccupationIndex> IndexAsync(int taxonomyId, CancellationToken ct) =>
        indexes.GetAsync(taxonomyId, async ct => new OccupationIndex(await store.LoadOccupationTitlesAsync(taxonomyId, ct)), ct);

    public void Dispose() => indexes.Dispose();
}
