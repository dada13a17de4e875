using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace SkillsMatch.Matching.Features;

/// <summary>
/// A taxonomy's skill links (broader/narrower, related, crosswalk) and skill vectors, loaded once
/// (see <see cref="MatchingStore.LoadSkillGraphAsync"/>), answering: for a required skill a learner lacks,
/// which skill they hold comes closest, and how close. Immutable but for a thread-safe memo of similar skills, so one
/// instance serves every thread.
/// </summary>
public sealed class SkillGraph
{
    /// <summary>Below this cosine, an unlinked skill gives no credit: MiniLM puts unrelated skill labels around 0.2–0.5.</summary>
    public const double SimilarThreshold = 0.7;

    /// <summary>
    /// Below this similarity even a taxonomy link gives no partial credit: links between skills whose labels are
    /// barely alike (cosine 0.1–0.2) told learners they were "partly there" when they were not (issue 18).
    /// </summary>
    public const double MinimumPartialSimilarity = 0.5;

    // Without vectors, a link still gives credit: a narrower skill (a specific tool for a general one) the most.
    private static readonly Dictionary<SkillRelationKind, double> DefaultSimilarity = new()
    {
        [SkillRelationKind.Narrower] = 0.8,
        [SkillRelationKind.Broader] = 0.6,
        [SkillRelationKind.Related] = 0.6,
        [SkillRelationKind.Crosswalk] = 0.9,
    };

    private readonly Dictionary<long, (long SkillId, SkillRelationKind Kind, double Similarity)[]> neighbours;
    private readonly Dictionary<long, int> rowOf;
    private readonly float[] matrix;
    private readonly ConcurrentDictionary<long, (long SkillId, double Similarity)[]> similar = new();

    public SkillGraph(IEnumerable<SkillEdge> edges, IReadOnlyDictionary<long, float[]> vectors)
    {
        Dimensions = vectors.Count == 0 ? 0 : vectors.Values.First().Length;
        rowOf = new Dictionary<long, int>(vectors.Count);
        matrix = new float[vectors.Count * Dimensions];
        foreach (var (id, vector) in vectors)
        {
            if (vector.Length != Dimensions) throw new ArgumentException($"skill {id} has a {vector.Length}-dimension vector, others {Dimensions}");
            // Rows are kept at unit length, so a cosine is one dot product: partial credit computes many per request.
            var row = matrix.AsSpan(rowOf.Count * Dimensions, Dimensions);
            vector.CopyTo(row);
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0) TensorPrimitives.Divide(row, norm, row);
            rowOf[id] = rowOf.Count;
        }

        var links = new Dictionary<long, Dictionary<long, (SkillRelationKind Kind, double Similarity)>>();
        void Add(long required, long held, SkillRelationKind kind, double? confidence)
        {
            if (required == held) return;
            var similarity = kind == SkillRelationKind.Crosswalk && confidence is { } c ? c
                : Cosine(required, held) is { } cosine ? Math.Clamp(cosine, 0, 1) : DefaultSimilarity[kind];
            if (!links.TryGetValue(required, out var byHeld)) links[required] = byHeld = [];
            if (!byHeld.TryGetValue(held, out var known) || similarity > known.Similarity) byHeld[held] = (kind, similarity);
        }
        foreach (var edge in edges)
            switch (edge.Kind)
            {
                case SkillRelationKind.Broader: // From's parent is To
                    Add(edge.From, edge.To, SkillRelationKind.Broader, null);
                    Add(edge.To, edge.From, SkillRelationKind.Narrower, null);
                    break;
                case SkillRelationKind.Related or SkillRelationKind.Crosswalk:
                    Add(edge.From, edge.To, edge.Kind, edge.Confidence);
                    Add(edge.To, edge.From, edge.Kind, edge.Confidence);
                    break;
                default:
                    throw new ArgumentException($"a stored link is broader, related or crosswalk, not {edge.Kind}");
            }
        neighbours = links.ToDictionary(l => l.Key, l => l.Value.Select(n => (n.Key, n.Value.Kind, n.Value.Similarity)).ToArray());
    }

    public int Dimensions { get; }

    public int SkillsWithVectors => rowOf.Count;

    /// <summary>Skills linked to <paramref name="skillId"/> in the taxonomy, seen from a role asking for it.</summary>
    public IReadOnlyList<(long SkillId, SkillRelationKind Kind, double Similarity)> Neighbours(long skillId) =>
        neighbours.TryGetValue(skillId, out var n) ? n : [];

    /// <summary>The skill's vector at unit length; empty when it has none.</summary>
    public ReadOnlySpan<float> Vector(long skillId) =>
        rowOf.TryGetValue(skillId, out var row) ? matrix.AsSpan(row * Dimensions, Dimensions) : [];

    /// <summary>Cosine of two skills' vectors, or null when either has none.</summary>
    public double? Cosine(long a, long b)
    {
        if (!rowOf.TryGetValue(a, out var ra) || !rowOf.TryGetValue(b, out var rb)) return null;
        return TensorPrimitives.Dot(matrix.AsSpan(ra * Dimensions, Dimensions), matrix.AsSpan(rb * Dimensions, Dimensions));
    }

    /// <summary>
    /// The held skill closest to a required one the learner lacks: the best of the taxonomy links they hold and the
    /// skill vectors above <see cref="SimilarThreshold"/>; null when nothing comes within <see cref="MinimumPartialSimilarity"/>.
    /// The best of both, so a learner who gains a skill never loses credit (a weak link no longer hides a close vector).
    /// </summary>
    public PartialCredit? BestPartial(long requiredSkillId, LearnerSkills learner)
    {
        PartialCredit? best = null;
        foreach (var (skillId, kind, similarity) in Neighbours(requiredSkillId))
            if (similarity >= MinimumPartialSimilarity && learner.TryGet(skillId, out _) && (best is null || similarity > best.Similarity))
                best = new PartialCredit(skillId, kind, similarity);
        if (!rowOf.ContainsKey(requiredSkillId)) return best;

        foreach (var (skillId, cosine) in SimilarSkills(requiredSkillId))
            if (learner.TryGet(skillId, out _))
                return best is null || cosine > best.Similarity ? new PartialCredit(skillId, SkillRelationKind.Similar, cosine) : best;
        return best;
    }

    /// <summary>
    /// Every skill whose vector is at least <see cref="SimilarThreshold"/> close to <paramref name="skillId"/>'s, closest
    /// first. Worked out the first time a role asks for the skill, then kept: the same required skills come back in
    /// request after request, and comparing a learner's skills with them was most of a match request's CPU time.
    /// </summary>
    private (long SkillId, double Similarity)[] SimilarSkills(long skillId) => similar.GetOrAdd(skillId, static (id, graph) =>
    {
        var vector = graph.Vector(id);
        var found = new List<(long SkillId, double Similarity)>();
        foreach (var (other, row) in graph.rowOf)
        {
            if (other == id) continue;
            double cosine = TensorPrimitives.Dot(vector, graph.matrix.AsSpan(row * graph.Dimensions, graph.Dimensions));
            if (cosine >= SimilarThreshold) found.Add((other, cosine));
        }
        return [.. found.OrderByDescending(f => f.Similarity).ThenBy(f => f.SkillId)];
    }, this);

    /// <summary>Unit-length mean of the given skills' vectors (those that have one); null when none has.</summary>
    public float[]? MeanVector(IEnumerable<(long SkillId, double Weight)> skills)
    {
        if (Dimensions == 0) return null;
        var sum = new float[Dimensions];
        var any = false;
        foreach (var (skillId, weight) in skills)
        {
            var vector = Vector(skillId);
            if (vector.IsEmpty) continue;
            TensorPrimitives.MultiplyAdd(vector, (float)weight, sum, sum);
            any = true;
        }
        if (!any) return null;
        var norm = TensorPrimitives.Norm(sum);
        if (norm > 0) TensorPrimitives.Divide(sum, norm, sum);
        return sum;
    }
}
