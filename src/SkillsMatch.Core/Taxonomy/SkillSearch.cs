using Microsoft.Extensions.AI;
using Pgvector;

namespace SkillsMatch.Taxonomy;

/// <summary>
/// Skill autocomplete: label matches (exact, alias, prefix, word, typo) from the in-memory
/// <see cref="SkillLabelIndex"/> come first; when they leave room, semantic neighbours of the query fill
/// the rest. The index is rebuilt when the taxonomies in the database change (another process may import).
/// </summary>
public sealed class SkillSearch(TaxonomyStore store, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null) : IDisposable
{
    /// <summary>Below this cosine a neighbour is noise to a person typing (all-MiniLM-L6-v2 puts unrelated short labels near 0.4).</summary>
    public const double MinimumSemanticScore = 0.45;

    private readonly TaxonomyVersionedCache<SkillLabelIndex> index = new(store);

    public async Task<IReadOnlyList<SkillHit>> SearchAsync(string query, int? taxonomyId, string? type, int limit, CancellationToken ct)
    {
        var index = await IndexAsync(ct);
        var hits = index.Search(query, taxonomyId, type, limit).ToList();
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

    /// <summary>One index over every taxonomy's labels.</summary>
    public Task<SkillLabelIndex> IndexAsync(CancellationToken ct) =>
        index.GetAsync(0, async ct => new SkillLabelIndex(await store.LoadLabelsAsync(ct)), ct);

    public void Dispose() => index.Dispose();
}
