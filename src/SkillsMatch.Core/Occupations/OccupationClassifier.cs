using Microsoft.Extensions.AI;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Occupations;

/// <summary>An occupation proposed for a job title, with the evidence behind its score.</summary>
public sealed record OccupationMatch(long OccupationId, string ExternalId, string Title, double Score, double Lexical, double Semantic, string MatchedTitle);

/// <summary>
/// Job title (and optionally the posting's text) → the closest occupations of a taxonomy. Lexical evidence
/// over every title and alternative title (<see cref="OccupationIndex"/>) is combined with the cosine between
/// the title's vector and each occupation's title vector, so "Class AZ Driver" finds a lorry driver
/// although no word is shared, and "Cook II" does not drift to a chef by meaning alone.
/// </summary>
public sealed class OccupationClassifier(TaxonomyStore store, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null) : IDisposable
{
    public const double LexicalWeight = 0.55;
    /// <summary>When a posting's text is given, this share of the semantic evidence comes from title + text.</summary>
    public const double TextShare = 0.25;
    private const int TextPrefixLength = 600;

    private readonly TaxonomyVersionedCache<OccupationIndex> indexes = new(store);

    public async Task<IReadOnlyList<OccupationMatch>> ClassifyAsync(string title, string? text, int taxonomyId, int k, CancellationToken ct)
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
            if (!string.IsNullOrWhiteSpace(text)) inputs.Add($"{title.Trim()}. {Prefix(text)}");
            var vectors = await embeddings.GenerateAsync(inputs, cancellationToken: ct);
            semantic = index.Semantic(vectors[0].Vector.Span);
            if (vectors.Count > 1)
            {
                var withText = index.Semantic(vectors[1].Vector.Span);
                for (var i = 0; i < semantic.Length; i++) semantic[i] = (1 - TextShare) * semantic[i] + TextShare * withText[i];
            }
        }

        var top = new PriorityQueue<int, double>(k + 1);
        for (var i = 0; i < lexical.Length; i++)
        {
            top.Enqueue(i, Score(lexical[i].Score, semantic?[i]));
            if (top.Count > k) top.Dequeue();
        }
        var matches = new List<OccupationMatch>(top.Count);
        while (top.TryDequeue(out var i, out var score))
        {
            var occupation = index.Occupations[i];
            matches.Add(new OccupationMatch(occupation.Id, occupation.ExternalId, occupation.Title, Math.Round(score, 4),
                Math.Round(lexical[i].Score, 4), Math.Round(semantic?[i] ?? 0, 4), lexical[i].Title ?? occupation.Title));
        }
        matches.Reverse();
        return matches;
    }

    private static double Score(double lexical, double? semantic) =>
        semantic is { } s ? LexicalWeight * lexical + (1 - LexicalWeight) * s : lexical;

    private static string Prefix(string text) =>
        text.Length <= TextPrefixLength ? text.Trim() : text[..TextPrefixLength].Trim();

    private Task<OccupationIndex> IndexAsync(int taxonomyId, CancellationToken ct) =>
        indexes.GetAsync(taxonomyId, async ct => new OccupationIndex(await store.LoadOccupationTitlesAsync(taxonomyId, ct)), ct);

    public void Dispose() => indexes.Dispose();
}
