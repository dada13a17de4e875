using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SkillsMatch.Access;
using SkillsMatch.Catalog;
using SkillsMatch.Credentials.Trust;
using SkillsMatch.Jobs;

namespace SkillsMatch.Demo;

/// <summary>
/// Loads the demo (data/demo) through the same checks and stores as the API, in order: issuers into the trust registry,
/// catalog offerings, learners (profiles, experiences, self-declared skills, minted credentials), the demo practitioner's
/// caseload, then the postings (the slow part: extraction and embeddings, ~5 postings/s on two cores).
/// <para>
/// Once: each finished part is recorded in <c>demo_loads</c> under an advisory lock, and 'complete' at the end, so a second
/// start loads nothing and hosts starting together load once. A load that stopped midway resumes: parts without a record are
/// redone, each idempotent by external ids (issuer URI, offering and posting external id, learner external ref).
/// </para>
/// </summary>
public sealed class DemoLoader(
    DemoLoadStore loads, IssuerRegistry issuers, CatalogChecks catalogChecks, CatalogStore catalog, DemoLearners learners,
    CaseloadStore caseloads, JobPipeline pipeline, JobPostingWriter postingWriter, JobPostingStore postings,
    TimeProvider time, ILogger<DemoLoader> logger)
{
    private const int PostingBatch = 32;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Loads what is missing. With <paramref name="deferPostings"/> everything but the postings (so the API can start
    /// listening and a later call, e.g. in the background, adds them and completes the load).
    /// </summary>
    public async Task<DemoLoadReport> LoadAsync(DemoDataSet demo, bool deferPostings, CancellationToken ct)
    {
        await using var held = await loads.LockAsync(ct);
        var done = await loads.DonePartsAsync(ct);
        var report = new DemoLoadReport();
        if (done.ContainsKey(DemoLoadStore.Complete))
        {
            logger.LogInformation("demo data: already loaded, nothing to do");
            return report with { AlreadyComplete = true };
        }

        if (!done.ContainsKey("issuers")) report = report with { Issuers = await PartAsync("issuers", () => LoadIssuersAsync(demo, ct), ct) };
        if (!done.ContainsKey("catalog")) report = report with { Offerings = await PartAsync("catalog", () => LoadCatalogAsync(demo, ct), ct) };
        foreach (var learner in demo.Learners.Where(l => !done.ContainsKey("learner:" + l.Key)))
        {
            var loaded = await learners.LoadAsync(demo, learner, ct);
            await loads.MarkDoneAsync("learner:" + learner.Key, loaded.Credentials, ct);
            logger.LogInformation("demo data: learner {Learner}: {Experiences} experiences, {Credentials} credentials ({Verified} credential-verified)",
                learner.Key, loaded.Experiences, loaded.Credentials, loaded.Verified);
            report = report with
            {
                Learners = report.Learners + (loaded.Created ? 1 : 0),
                Credentials = report.Credentials + loaded.Credentials,
                VerifiedCredentials = report.VerifiedCredentials + loaded.Verified,
            };
        }
        if (!done.ContainsKey("caseload")) report = report with { CaseloadGrants = await PartAsync("caseload", () => GrantCaseloadAsync(demo, ct), ct) };
        if (deferPostings) return report;

        if (!done.ContainsKey("postings")) report = report with { Postings = await PartAsync("postings", () => LoadPostingsAsync(demo, ct), ct) };
        await loads.MarkDoneAsync(DemoLoadStore.Complete, 0, ct);
        logger.LogInformation("demo data: complete ({Learners} learners, {Postings} postings, {Offerings} offerings, {Issuers} issuers)",
            demo.Learners.Count, demo.Postings.Count, demo.CatalogOfferings.Count, demo.Issuers.Count(i => i.InRegistry));
        return report with { Complete = true };
    }

    private async Task<int> PartAsync(string part, Func<Task<int>> load, CancellationToken ct)
    {
        var added = await load();
        await loads.MarkDoneAsync(part, added, ct);
        return added;
    }

    /// <summary>Registers the issuers learners.json says are in the registry; one already registered (perhaps edited since) is left alone.</summary>
    private async Task<int> LoadIssuersAsync(DemoDataSet demo, CancellationToken ct)
    {
        var added = await RegisterIssuersAsync(issuers, demo.Issuers, ct);
        logger.LogInformation("demo data: {Added} issuers registered ({Trusted} trusted)", added, demo.Issuers.Count(i => i.InRegistry && i.Trusted));
        return added;
    }

    /// <summary>Registers those of <paramref name="demoIssuers"/> that are in the registry and not yet registered; how many were added.</summary>
    public static async Task<int> RegisterIssuersAsync(IssuerRegistry registry, IEnumerable<DemoIssuer> demoIssuers, CancellationToken ct)
    {
        var added = 0;
        foreach (var issuer in demoIssuers.Where(i => i.InRegistry))
        {
            if (await registry.FindAsync(issuer.Id, ct) is not null) continue;
            await registry.AddAsync(new IssuerDetails(issuer.Id, issuer.Name, issuer.Trusted, issuer.AccreditingBody, issuer.Framework, issuer.LastReview,
                "Demo issuer (invented). Its signing key is public in data/demo/issuers.json: never trust it outside the demo."), ct);
            added++;
        }
        return added;
    }

    /// <summary>All offerings checked, then stored in one transaction (an upsert by external id: a resumed load repeats it harmlessly).</summary>
    private async Task<int> LoadCatalogAsync(DemoDataSet demo, CancellationToken ct)
    {
        var inputs = demo.CatalogOfferings.Select(o => o.Deserialize<CatalogOfferingInput>(Json)!).ToList();
        var prepared = await catalogChecks.PrepareManyAsync(inputs, ct);
        var problems = prepared.Select((p, i) => p.Offering is null ? $"{inputs[i].ExternalId}: {p.Errors}" : null).OfType<string>().ToList();
        if (problems.Count > 0) throw new InvalidDataException("demo data: catalog.jsonl: " + string.Join("; ", problems));
        var saved = await catalog.SaveAsync(prepared.Select(p => p.Offering! with { IsDemo = true }).ToList(), ct);
        logger.LogInformation("demo data: {Count} catalog offerings stored", saved.Count);
        return saved.Count(s => s.Inserted);
    }

    private async Task<int> GrantCaseloadAsync(DemoDataSet demo, CancellationToken ct)
    {
        // The demo practitioner key (DemoKeys) speaks for every practitioner of learners.json: there is one, Priya.
        var granted = 0;
        foreach (var key in demo.Practitioners.SelectMany(p => p.Caseload).Distinct(StringComparer.Ordinal))
        {
            var learner = demo.Learners.Single(l => l.Key == key);
            var id = await learners.FindAsync(learner, ct) ?? throw new InvalidOperationException($"demo learner {key} was not stored");
            if (await caseloads.GrantAsync(id, DemoKeys.DemoPractitioner, ct)) granted++;
        }
        logger.LogInformation("demo data: caseload of {Count} learners granted to {Practitioner}", granted, DemoKeys.DemoPractitioner);
        return granted;
    }

    /// <summary>Postings not stored yet, dates shifted to today, through the import pipeline a batch at a time (one transaction each).</summary>
    private async Task<int> LoadPostingsAsync(DemoDataSet demo, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var parsed = demo.Postings.Select(p => JobPostingParser.Parse(DemoDataSet.ShiftDates(p, today).ToJsonString())).ToList();
        var problems = parsed.Where(p => p.Posting is null).Select(p => string.Join("; ", p.Errors)).ToList();
        if (problems.Count > 0) throw new InvalidDataException("demo data: postings.jsonl: " + string.Join(" | ", problems.Take(5)));
        var all = parsed.Select(p => p.Posting!).ToList();
        var stored = await postings.StoredExternalIdsAsync(all.Select(p => p.ExternalId).ToList(), ct);
        var todo = all.Where(p => !stored.Contains(p.ExternalId)).ToList();
        logger.LogInformation("demo data: {Count} postings to extract and store ({Stored} already stored)", todo.Count, stored.Count);

        var clock = Stopwatch.StartNew();
        for (var start = 0; start < todo.Count; start += PostingBatch)
        {
            var batch = todo.GetRange(start, Math.Min(PostingBatch, todo.Count - start));
            await postingWriter.SaveAsync(await pipeline.ProcessAsync(batch, ct), isDemo: true, owner: null, ct);
            var doneCount = start + batch.Count;
            logger.LogInformation("demo data: postings {Done}/{Total} ({Rate:F1}/s)", doneCount, todo.Count, doneCount / clock.Elapsed.TotalSeconds);
        }
        return todo.Count;
    }
}

/// <summary>What one <see cref="DemoLoader.LoadAsync"/> added; all zero when the demo was in already.</summary>
public sealed record DemoLoadReport(
    int Issuers = 0, int Offerings = 0, int Learners = 0, int Credentials = 0, int VerifiedCredentials = 0, int CaseloadGrants = 0, int Postings = 0,
    bool Complete = false, bool AlreadyComplete = false);
