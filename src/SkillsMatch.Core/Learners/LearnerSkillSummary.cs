using Dapper;
using Microsoft.Extensions.AI;
using Npgsql;
using Pgvector;
using SkillsMatch.Embeddings;

namespace SkillsMatch.Learners;

/// <summary>
/// Keeps a learner's retrieval fields in step with their evidence and profile: <c>skill_ids</c>/<c>skill_tiers</c>
/// (best tier per skill) and the profile <c>embedding</c>. Every write of evidence, experiences or targets calls
/// <see cref="RefreshSkillSummaryAsync"/> inside its own transaction, so readers never see the two disagree.
/// </summary>
public sealed class LearnerSkillSummary(IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
{
    private volatile bool spaceChecked;

    public async Task RefreshSkillSummaryAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid learnerId, CancellationToken ct)
    {
        // Lock first, then summarise in a later statement: under READ COMMITTED that statement's snapshot then
        // includes evidence committed by a concurrent writer we waited for.
        await conn.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM learners WHERE id = @learnerId FOR UPDATE", new { learnerId }, tx, cancellationToken: ct));
        var text = await conn.QuerySingleOrDefaultAsync<ProfileText>(new CommandDefinition("""
            WITH best AS (
                SELECT coalesce(array_agg(skill_id ORDER BY skill_id), '{}') AS ids, coalesce(array_agg(tier ORDER BY skill_id), '{}') AS tiers
                  FROM (SELECT skill_id, max(tier) AS tier FROM learner_skill_evidence WHERE learner_id = @learnerId GROUP BY skill_id) s)
            UPDATE learners l SET skill_ids = best.ids, skill_tiers = best.tiers
              FROM best WHERE l.id = @learnerId
            RETURNING
                coalesce((SELECT array_agg(o.title ORDER BY array_position(l.target_occupation_ids, o.id))
                            FROM occupations o WHERE o.id = ANY(l.target_occupation_ids)), '{}') AS targets,
                coalesce((SELECT array_agg(s.preferred_label ORDER BY t.tier DESC, s.preferred_label)
                            FROM unnest(l.skill_ids, l.skill_tiers) t(skill_id, tier) JOIN skills s ON s.id = t.skill_id), '{}') AS skills,
                coalesce((SELECT array_agg(e.title ORDER BY e.start_date DESC NULLS FIRST, e.created_at DESC)
                            FROM learner_experiences e WHERE e.learner_id = l.id), '{}') AS experiences,
                l.embedded_text_hash AS hash
            """, new { learnerId }, tx, cancellationToken: ct));
        if (text is null || embeddings is null) return;

        var recipe = EmbeddingText.ForLearner(text.Targets, text.Skills, text.Experiences);
        var hash = recipe.Length == 0 ? null : EmbeddingText.Hash(recipe);
        if (hash is not null && text.Hash is not null && hash.AsSpan().SequenceEqual(text.Hash)) return;
        Vector? vector = null;
        if (hash is not null)
        {
            // Once per process: the check upserts the embedding_space row, which would otherwise be locked by every learner write.
            if (!spaceChecked) { await EmbeddingSpace.EnsureAsync(conn, embeddings, ct); spaceChecked = true; }
            vector = new Vector((await embeddings.GenerateAsync([recipe], cancellationToken: ct))[0].Vector);
        }
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE learners SET embedding = @vector, embedded_text_hash = @hash WHERE id = @learnerId",
            new { learnerId, vector, hash }, tx, cancellationToken: ct));
    }

    private sealed class ProfileText
    {
        public string[] Targets { get; init; } = [];
        public string[] Skills { get; init; } = [];
        public string[] Experiences { get; init; } = [];
        public byte[]? Hash { get; init; }
    }
}
