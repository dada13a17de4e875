using Microsoft.Extensions.AI;
using Pgvector;

namespace SkillsMatch.Taxonomy;

/// <summary>
/// Skill autocomplete: label matches (exact, alias, prefix, word, typo) come first; when they leave room,
/// semantic neighbours of the query fill the rest. Without an embedding generator it is label search alone.
/// </summary>
public sealed class SkillSearch(TaxonomyStore store, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
{
    /// <summary>Below this cosine a neighbour is noise to a person typing (all-MiniLM-L6-v2 puts unrelated short labels near 0.4).</summary>
    public const double MinimumSemanticScore = 0.45;

    public async Task<IReadOnlyList<SkillHit>> SearchAsync(string query, int? taxonomyId, string? type, int limit, CancellationToken ct)
    {
        var hits = (await store.SearchSkillLabelsAsync(query, taxonomyId, type, limit, ct)).ToList();
        if (hits.Count >= limit || embeddings is null) return hits;

        var vector = await embeddings.GenerateVectorAsync(query.Trim(), cancellationToken: ct);
        var seen = hits.Select(h => h.Id).ToHashSet();
        foreach (var neighbour in await store.NearestSkillsAsync(new Vector(vector), taxonomyId, type, limit, ct))
        {
            if (hits.Count >= limit || neighbour.Score < MinimumSemanticScore) break;
            if (seen.Add(neighbour.Id)) hits.Add(neighbour);
        }
        return hits;
    }
}
