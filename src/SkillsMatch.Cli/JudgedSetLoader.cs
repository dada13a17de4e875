using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Credentials.Trust;
using SkillsMatch.Demo;
using SkillsMatch.Jobs;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Cli;

/// <summary>Stored ids of a judged set's learners (by key) and postings (by identifier), and what loading added.</summary>
public sealed record LoadedJudgedSet(
    IReadOnlyDictionary<string, Guid> Learners, IReadOnlyDictionary<string, Guid> Postings, int NewLearners, int Credentials, int Verified);

/// <summary>
/// Loads a judged set through the product's own checks and stores, as the demo does: the shipped taxonomy when the
/// database has none, the issuers its credentials name (data/demo/issuers.json), each learner (experiences → inferred
/// skills, self-declared skills, minted credentials whose tiers the verifier and trust registry decide), then the postings
/// through the import pipeline. Idempotent by external ids, so a second run reuses what the first stored. The set stays
/// out of everyone's way: learners are hidden from employers and postings are closed (scoring reads them by id).
/// </summary>
public sealed class JudgedSetLoader(IServiceProvider services)
{
    /// <summary>Learners are stored under this prefix (as demo-gold-l01), so they never meet the demo's own.</summary>
    public const string KeyPrefix = "gold-";

    public async Task<LoadedJudgedSet> LoadAsync(JudgedSet set, IReadOnlyList<DemoIssuer> issuers, CancellationToken ct)
    {
        await services.GetRequiredService<DefaultTaxonomy>().EnsureAsync(null, ct);
        await DemoLoader.RegisterIssuersAsync(services.GetRequiredService<IssuerRegistry>(), issuers, ct);

        var demo = new DemoDataSet(issuers, [], [], [], set.Learners);
        var loader = ActivatorUtilities.CreateInstance<DemoLearners>(services);
        var learners = new Dictionary<string, Guid>(StringComparer.Ordinal);
        int created = 0, credentials = 0, verified = 0;
        foreach (var learner in set.Learners)
        {
            if (learner.Credentials.FirstOrDefault(c => issuers.All(i => i.Key != c.Issuer)) is { } unknown)
                throw new CliException($"learners.jsonl: learner {learner.Key}: unknown issuer '{unknown.Issuer}' (not in the issuers file)");
            DemoLearnerResult loaded;
            try
            {
                loaded = await loader.LoadAsync(demo, learner with { Key = KeyPrefix + learner.Key, Visible = false }, ct);
            }
            catch (InvalidDataException ex)
            {
                throw new CliException(ex.Message);
            }
            learners[learner.Key] = loaded.Id;
            (created, credentials, verified) = (created + (loaded.Created ? 1 : 0), credentials + loaded.Credentials, verified + loaded.Verified);
        }

        var processed = await services.GetRequiredService<JobPipeline>().ProcessAsync(set.Postings, ct);
        var saved = await services.GetRequiredService<JobPostingWriter>().SaveAsync(processed, isDemo: true, owner: null, ct);
        var store = services.GetRequiredService<JobPostingStore>();
        foreach (var (id, _, _) in saved) await store.CloseAsync(id, ct);
        var postings = saved.ToDictionary(s => s.ExternalId, s => s.Id, StringComparer.Ordinal);
        return new LoadedJudgedSet(learners, postings, created, credentials, verified);
    }
}
