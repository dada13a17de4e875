using Npgsql;
using NpgsqlTypes;
using Pgvector;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Training;

namespace SkillsMatch.Bench;

/// <summary>
/// Benchmark-only learners and postings drawn from occupation skill profiles: learners hold most essential and some
/// optional skills of an occupation plus a few unrelated ones, at mixed tiers; postings ask for an occupation's
/// skills. Vectors are the mean of the skills' vectors plus noise, like real profile embeddings cluster by occupation.
/// </summary>
public sealed class SyntheticPopulation(SkillGraph graph, IReadOnlyList<OccupationProfile> occupations, int seed)
{
    private static readonly string[] Regions = ["CA-ON", "CA-ON", "CA-ON", "CA-QC", "CA-QC", "CA-BC", "CA-BC", "CA-AB", "CA-MB", "CA-SK", "CA-NS", "CA-NB", "CA-NL"];
    // A COPY of a million evidence rows, foreign keys checked, outlasts the default 30 s command timeout.
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(30);
    private static readonly string[] VisibleParts = ["skills", "credentials"];
    private static readonly string[] Remote = ["onsite", "hybrid", "remote", "any"];
    private static readonly string[] Levels = ["beginner", "intermediate", "advanced", "expert"];
    private readonly Random _random = new(seed);
    private readonly long[] _allSkills = [.. occupations.SelectMany(o => o.Skills.Select(s => s.SkillId)).Distinct()];

    public async Task CopyLearnersAsync(NpgsqlConnection conn, int count, CancellationToken ct)
    {
        var evidence = new List<(Guid Learner, long Skill, short Tier, string Level)>();
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY learners (id, display_name, region, remote_preference, visible_to_employers, visible_parts, skill_ids, skill_tiers, embedding) FROM STDIN (FORMAT BINARY)", ct))
        {
            copy.Timeout = CopyTimeout;
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7();
                var held = Skills(occupations[_random.Next(occupations.Count)], essential: 0.65, optional: 0.25, noise: 2)
                    .Select(s => (Skill: s, Tier: Tier())).OrderBy(s => s.Skill).ToList();
                evidence.AddRange(held.Select(h => (id, h.Skill, h.Tier, Levels[_random.Next(Levels.Length)])));
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync($"Synthetic learner {i}", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(Regions[_random.Next(Regions.Length)], NpgsqlDbType.Text, ct);
                await copy.WriteAsync(Remote[_random.Next(Remote.Length)], NpgsqlDbType.Text, ct);
                await copy.WriteAsync(_random.NextDouble() < 0.8, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(VisibleParts, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(held.Select(h => h.Skill).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(held.Select(h => h.Tier).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(Vector(held.Select(h => h.Skill)), ct);
            }
            await copy.CompleteAsync(ct);
        }
        var now = DateTime.UtcNow;
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY learner_skill_evidence (learner_id, skill_id, tier, source, confidence, level, evidenced_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            copy.Timeout = CopyTimeout;
            foreach (var (learner, skill, tier, level) in evidence)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(learner, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(skill, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(tier, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(tier >= 3 ? "credential-alignment" : tier == 2 ? "experience" : "self", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(tier == 2 ? 0.8f : 1f, NpgsqlDbType.Real, ct);
                await copy.WriteAsync(level, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(now.AddDays(-_random.Next(1, 2000)), NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
    }

    public async Task CopyPostingsAsync(NpgsqlConnection conn, int count, CancellationToken ct)
    {
        var skills = new List<(Guid Posting, long Skill, string Requirement)>();
        var today = DateTime.UtcNow.Date;
        await using (var copy = await conn.BeginBinaryImportAsync("""
            COPY job_postings (id, external_id, title, description, region, remote, status, source, embedding, skill_ids, required_skill_ids,
                               occupation_ids, date_posted, valid_through) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            copy.Timeout = CopyTimeout;
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7();
                var occupation = occupations[_random.Next(occupations.Count)];
                var required = occupation.Skills.Where(s => s.Kind == RequirementKind.Essential && _random.NextDouble() < 0.8).Select(s => s.SkillId).ToList();
                var preferred = occupation.Skills.Where(s => s.Kind == RequirementKind.Optional && _random.NextDouble() < 0.4).Select(s => s.SkillId).ToList();
                var all = required.Concat(preferred).Distinct().Order().ToArray();
                skills.AddRange(required.Select(s => (id, s, "required")).Concat(preferred.Except(required).Select(s => (id, s, "preferred"))));
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync($"bench-{i}", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(occupation.Title, NpgsqlDbType.Text, ct);
                await copy.WriteAsync("Synthetic posting for the matching benchmark.", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(Regions[_random.Next(Regions.Length)], NpgsqlDbType.Text, ct);
                await copy.WriteAsync(Remote[_random.Next(3)], NpgsqlDbType.Text, ct);
                await copy.WriteAsync(_random.NextDouble() < 0.9 ? "open" : "closed", NpgsqlDbType.Text, ct);
                await copy.WriteAsync("{}", NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(Vector(all), ct);
                await copy.WriteAsync(all, NpgsqlDbType.Array | NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(required.Order().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(new[] { occupation.Id }, NpgsqlDbType.Array | NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(today.AddDays(-_random.Next(0, 60)), NpgsqlDbType.Date, ct);
                await copy.WriteAsync(today.AddDays(_random.Next(5, 90)), NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY job_posting_skills (posting_id, skill_id, requirement, source, confidence) FROM STDIN (FORMAT BINARY)", ct))
        {
            copy.Timeout = CopyTimeout;
            foreach (var (posting, skill, requirement) in skills)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(posting, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(skill, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(requirement, NpgsqlDbType.Text, ct);
                await copy.WriteAsync("extracted", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(0.9f, NpgsqlDbType.Real, ct);
            }
            await copy.CompleteAsync(ct);
        }
    }

    private IEnumerable<long> Skills(OccupationProfile occupation, double essential, double optional, int noise) =>
        occupation.Skills.Where(s => _random.NextDouble() < (s.Kind == RequirementKind.Essential ? essential : optional)).Select(s => s.SkillId)
            .Concat(Enumerable.Range(0, noise).Select(_ => _allSkills[_random.Next(_allSkills.Length)]))
            .Distinct();

    private short Tier()
    {
        var roll = _random.NextDouble();
        return roll < 0.3 ? (short)4 : roll < 0.45 ? (short)3 : roll < 0.8 ? (short)2 : (short)1;
    }

    private Vector Vector(IEnumerable<long> skills)
    {
        var mean = graph.MeanVector(skills.Select(s => (s, 1.0))) ?? new float[384];
        var noisy = new float[mean.Length];
        double norm = 0;
        for (var d = 0; d < noisy.Length; d++)
        {
            noisy[d] = mean[d] + (float)((_random.NextDouble() - 0.5) * 0.04);
            norm += noisy[d] * noisy[d];
        }
        var scale = (float)(1 / Math.Sqrt(Math.Max(norm, 1e-12)));
        for (var d = 0; d < noisy.Length; d++) noisy[d] *= scale;
        return new Vector(noisy);
    }
}
