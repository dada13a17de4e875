using System.Numerics.Tensors;

namespace SkillsMatch.Extraction;

/// <summary>
/// A taxonomy's skill vectors as one contiguous matrix. Exact top-k by dot product (the vectors are unit
/// length, so dot = cosine) in process, with no round trip: <see cref="DotProductTopK"/>.
/// </summary>
public sealed class SkillVectors
{
    private readonly long[] ids;
    private readonly float[] matrix;
    private readonly Dictionary<long, int> rowOf;
    private readonly DotProductTopK? search;

    public SkillVectors(IReadOnlyList<ExtractionSkill> skills)
    {
        var embedded = skills.Where(s => s.Vector is not null).ToList();
        ids = embedded.Select(s => s.Id).ToArray();
        Dimensions = embedded.Count == 0 ? 0 : embedded[0].Vector!.Length;
        matrix = new float[ids.Length * Dimensions];
        for (var i = 0; i < embedded.Count; i++) embedded[i].Vector!.CopyTo(matrix, i * Dimensions);
        rowOf = new Dictionary<long, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++) rowOf[ids[i]] = i;
        search = ids.Length == 0 ? null : new DotProductTopK(matrix, ids.Length, Dimensions);
    }

    public int Count => ids.Length;

    /// <summary>Cosine of one skill with the query, or null when the skill has no vector.</summary>
    public double? Similarity(long skillId, ReadOnlySpan<float> query) =>
        rowOf.TryGetValue(skillId, out var row) ? TensorPrimitives.Dot(query, matrix.AsSpan(row * Dimensions, Dimensions)) : null;

    public int Dimensions { get; }

    /// <summary>Each query's k closest skills, best first (exact: every skill is scored).</summary>
    public IReadOnlyList<(long SkillId, double Score)>[] Nearest(IReadOnlyList<ReadOnlyMemory<float>> queries, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (search is null || k <= 0) return [.. queries.Select(_ => Array.Empty<(long, double)>())];
        var packed = new float[queries.Count * Dimensions];
        for (var q = 0; q < queries.Count; q++) queries[q].Span.CopyTo(packed.AsSpan(q * Dimensions, Dimensions));
        return [.. search.Search(packed, k).Select(best => best.Select(hit => (ids[hit.Row], (double)hit.Score)).ToList())];
    }
}
