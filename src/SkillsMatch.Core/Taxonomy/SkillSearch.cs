using Microsoft.Extensions.AI;
using Pgvector;

namespace SkillsMatch.Taxonomy;

/// <summary>
/// Skill autocomplete: label matches (exact, alias, prefix, word, typo) from the in-memory
/// <see cref="SkillLabelIndex"/> come first; when they leave room, semantic neighbours of the query fill
/// the rest. The index is rebuilt when the taxonomies in the database change (another process may import).
/// In French (<c>language</c> "fr") the skills' French labels are searched first, accents folded ("securite" finds
/// "sécurité"), then the English ones (product names are the same in both); hits show the French preferred label when
/// the skill has one, and no semantic neighbours are added: the embedding model reads English only.
/// </summary>
public sealed class SkillSearch(TaxonomyStore store, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null) : IDisposable
{
    /// <summary>Below this cosine a neighbour is noise to a person typing (all-MiniLM-L6-v2 puts unrelated short labels near 0.4).</summary>
    public const double MinimumSemanticScore = 0.45;

    private readonly TaxonomyVersionedCache<SkillLabelIndex> index = new(store);

    private readonly TaxonomyVersionedCache<FrenchIndex> french = new(store);

    public async Task<IReadOnlyList<SkillHit>> SearchAsync(
        string query, int? taxonomyId, string? type, int limit, CancellationToken ct, string? language = null)
    {
        var index = await IndexAsync(ct);
        if (language == "fr") return await SearchFrenchAsync(index, query, taxonomyId, type, limit, ct);
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

    private async Task<IReadOnlyList<SkillHit>> SearchFrenchAsync(
        SkillLabelIndex english, string query, int? taxonomyId, string? type, int limit, CancellationToken ct)
    {
        var fr = await french.GetAsync(0, async ct =>
        {
            var labels = await store.LoadTranslatedLabelsAsync("fr", ct);
            var folded = labels.Select(l => l with { Text = LabelWords.FoldAccents(l.Text) }).ToList();
            var originals = new Dictionary<(long, string), string>();
            for (var i = 0; i < labels.Count; i++) originals.TryAdd((labels[i].SkillId, folded[i].Text), labels[i].Text);
            return new FrenchIndex(new SkillLabelIndex(folded), labels.GroupBy(l => l.SkillId).ToDictionary(g => g.Key, g => g.First().PreferredLabel), originals);
        }, ct);
        var hits = fr.Index.Search(LabelWords.FoldAccents(query), taxonomyId, type, limit)
            .Select(h => h with { MatchedLabel = fr.Originals.GetValueOrDefault((h.Id, h.MatchedLabel), h.MatchedLabel) }).ToList();
        var seen = hits.Select(h => h.Id).ToHashSet();
        foreach (var hit in english.Search(query, taxonomyId, type, limit))
            if (hits.Count < limit && seen.Add(hit.Id))
                hits.Add(fr.Preferred.TryGetValue(hit.Id, out var label) ? hit with { Label = label } : hit);
        return hits;
    }

    /// <summary>The French labels' index (accents folded) and each skill's French preferred label.</summary>
    private sealed record FrenchIndex(
        SkillLabelIndex Index, IReadOnlyDictionary<long, string> Preferred, IReadOnlyDictionary<(long, string), string> Originals);

    public void Dispose()
    {
        index.Dispose();
        french.Dispose();
    }
}
