using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace SkillsMatch.Bench.Load;

/// <summary>
/// The writes of a load run and what the client saw of each, then checked against the database. Writes are
/// "POST /learners" (a learner named with the run's tag) and "PUT /learners/{id}/skills/self" on a learner that same
/// worker created, so the writes to one learner are strictly ordered and their outcome can be judged exactly.
/// </summary>
public sealed class WriteJournal(string runTag, string key, IReadOnlyList<long> skills)
{
    private static readonly string[] SkillsOnly = ["skills"];
    private static readonly HttpRequestOptionsKey<SkillWrite> WriteOption = new("skillsmatch.write");
    private readonly ConcurrentDictionary<int, List<Guid>> _owned = new();
    private readonly ConcurrentQueue<Guid> _created = new();
    private readonly ConcurrentDictionary<Guid, List<SkillWrite>> _skillWrites = new();

    public string RunTag => runTag;

    /// <summary>A new learner when the worker has few, else a replacement of one of its learners' self-declared skills.</summary>
    public LoadRequest Request(int weight) => new("write", weight, Create, Observe);

    private HttpRequestMessage Create(LoadWorker worker)
    {
        var owned = _owned.GetOrAdd(worker.Index, _ => []);
        if (owned.Count < 3 || worker.Random.NextDouble() < 0.2)
            return Requests.Send(HttpMethod.Post, "/learners", key, new
            {
                displayName = $"{runTag} w{worker.Index} {Guid.NewGuid():N}",
                region = "CA-ON",
                consent = new { visibleToEmployers = true, parts = SkillsOnly },
            });
        var learner = worker.Random.Pick(owned);
        var chosen = Enumerable.Range(0, worker.Random.Next(1, 6)).Select(_ => worker.Random.Pick(skills)).Distinct().Order().ToArray();
        var write = new SkillWrite(learner, chosen);
        _skillWrites.GetOrAdd(learner, _ => []).Add(write);
        var request = Requests.Send(HttpMethod.Put, $"/learners/{learner}/skills/self", key,
            new { skills = chosen.Select(id => new { skillId = id, level = "intermediate" }) });
        request.Options.Set(WriteOption, write);
        return request;
    }

    private void Observe(LoadWorker worker, HttpRequestMessage request, int status, string body)
    {
        if (request.Options.TryGetValue(WriteOption, out var write))
        {
            write.Status = status;
            return;
        }
        if (status != 201) return;
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        _owned[worker.Index].Add(id);
        _created.Enqueue(id);
    }

    /// <summary>
    /// Every learner the client saw created exists; every tagged learner's skill summary equals its evidence (the
    /// two are written in one transaction); its self-declared skills are those of its last acknowledged write, or
    /// of a later write whose outcome the client never learnt (no answer or a 5xx).
    /// </summary>
    public async Task<ConsistencyReport> CheckAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var created = _created.ToArray();
        var found = (await conn.QueryAsync<Guid>("SELECT id FROM learners WHERE id = ANY(@created)", new { created })).ToHashSet();
        var rows = (await conn.QueryAsync<(Guid Id, long[] Summary, long[] Evidence, long[] Self)>(new CommandDefinition("""
            SELECT l.id, coalesce(l.skill_ids, '{}'),
                   array(SELECT DISTINCT e.skill_id FROM learner_skill_evidence e WHERE e.learner_id = l.id ORDER BY 1),
                   array(SELECT e.skill_id FROM learner_skill_evidence e WHERE e.learner_id = l.id AND e.source = 'self' ORDER BY 1)
              FROM learners l WHERE l.display_name LIKE @prefix
            """, new { prefix = runTag + " %" }, cancellationToken: ct))).ToList();

        var problems = new List<string>();
        problems.AddRange(created.Where(id => !found.Contains(id)).Select(id => $"learner {id} was acknowledged (201) but is missing"));
        var appliedDespiteError = 0;
        foreach (var row in rows)
        {
            if (!row.Summary.Order().SequenceEqual(row.Evidence))
                problems.Add($"learner {row.Id}: skill summary [{string.Join(',', row.Summary)}] ≠ evidence [{string.Join(',', row.Evidence)}] (half-applied)");
            var writes = _skillWrites.GetValueOrDefault(row.Id) ?? [];
            var lastAcknowledged = writes.FindLastIndex(w => w.Status is >= 200 and < 300);
            var allowed = new List<long[]> { lastAcknowledged < 0 ? [] : writes[lastAcknowledged].Skills };
            allowed.AddRange(writes.Skip(lastAcknowledged + 1).Where(w => w.Status is 0 or >= 500).Select(w => w.Skills));
            var matched = allowed.FindIndex(a => a.SequenceEqual(row.Self));
            if (matched < 0)
                problems.Add($"learner {row.Id}: self-declared skills [{string.Join(',', row.Self)}] match no write the client sent after its last acknowledged one");
            else if (matched > 0 && !allowed[0].SequenceEqual(row.Self)) appliedDespiteError++;
        }
        return new ConsistencyReport(created.Length, rows.Count, _skillWrites.Values.Sum(w => w.Count(x => x.Status is >= 200 and < 300)),
            appliedDespiteError, problems);
    }

    private sealed class SkillWrite(Guid learner, long[] skills)
    {
        public Guid Learner { get; } = learner;
        public long[] Skills { get; } = skills;
        public int? Status { get; set; }
    }
}

/// <param name="AppliedDespiteError">Writes answered with an error (or not at all) that the database nevertheless holds: allowed (the answer was lost), but counted.</param>
public sealed record ConsistencyReport(int LearnersAcknowledged, int TaggedLearners, int SkillWritesAcknowledged, int AppliedDespiteError, IReadOnlyList<string> Problems);
