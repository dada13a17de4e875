using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SkillsMatch.Access;
using SkillsMatch.Analytics;
using SkillsMatch.Catalog;
using SkillsMatch.Credentials;
using SkillsMatch.Credentials.Holder;
using SkillsMatch.Credentials.Storage;
using SkillsMatch.Credentials.Trust;
using SkillsMatch.Embeddings;
using SkillsMatch.Extraction;
using SkillsMatch.Jobs;
using SkillsMatch.Learners;
using SkillsMatch.Matching;
using SkillsMatch.Matching.Explanation;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Outcomes;
using SkillsMatch.Matching.Placements;
using SkillsMatch.Matching.Plans;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Occupations;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Hosting;

/// <summary>
/// The one composition root: every service of the product, for the API (WebApplication.CreateBuilder) and the CLI
/// (Host.CreateApplicationBuilder) alike, so both honour the same settings. Registration only; the start-up work
/// (embedded cluster, migrations, shipped taxonomy) is <see cref="SkillsMatchStartup"/>.
/// </summary>
public static class SkillsMatchServices
{
    public static IHostApplicationBuilder AddSkillsMatch(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // First hosted service, so the database is ready before any other one starts.
        services.AddHostedService<SkillsMatchStartup>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddStorage();
        services.AddReadRouting(builder.Configuration.GetConnectionString(ReadRoutingServiceCollectionExtensions.ReadersConnectionStringName));
        services.AddOptions<EmbeddingOptions>().BindConfiguration("Embeddings").ValidateDataAnnotations().ValidateOnStart();
        // The provider decides what is registered (a remote client or the local models), so it is read here.
        services.AddEmbeddings(builder.Configuration.GetSection("Embeddings").Get<RemoteEmbeddingOptions>() ?? new RemoteEmbeddingOptions());
        services.AddOptions<TaxonomyOptions>().BindConfiguration("Taxonomy").ValidateOnStart();
        services.AddSingleton<TaxonomyStore>();
        services.AddSingleton<DefaultTaxonomy>();
        services.AddSingleton(s => new WorkingTaxonomy(s.GetRequiredService<TaxonomyStore>(), s.GetRequiredService<IOptions<TaxonomyOptions>>().Value.Working));
        services.AddSingleton<CrosswalkBuilder>();
        services.AddSingleton(s => new SkillSearch(s.GetRequiredService<TaxonomyStore>(), s.GetService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.AddSingleton<ExtractionStore>();
        services.AddSingleton<ExtractionModels>();
        services.AddSingleton(s => new SkillExtractor(s.GetRequiredService<ExtractionModels>(),
            s.GetKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingsServiceCollectionExtensions.ExtractionKey)));
        services.AddSingleton(s => new OccupationClassifier(s.GetRequiredService<TaxonomyStore>(), s.GetService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.AddSingleton(s => new LearnerSkillSummary(s.GetService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.AddSingleton<LearnerSkillView>();
        services.AddSingleton<LearnerChecks>();
        services.AddSingleton<LearnerStore>();
        services.AddSingleton<CatalogChecks>();
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<CatalogImport>();
        services.AddSingleton(s => new JobPipeline(s.GetRequiredService<SkillExtractor>(), s.GetRequiredService<OccupationClassifier>(),
            s.GetRequiredService<WorkingTaxonomy>(), s.GetKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingsServiceCollectionExtensions.PostingKey)));
        services.AddSingleton<JobPostingWriter>();
        services.AddSingleton<JobPostingStore>();
        services.AddSingleton<ShortlistStore>();
        services.AddSingleton<OrganisationBrands>();
        services.AddSingleton<ImportCheckpointStore>();
        services.AddSingleton<PostingVectorRefresh>();
        services.AddSingleton<JobImport>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<CaseloadStore>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<LearnerDataStore>();
        services.AddSingleton<FirstAdminKey>();
        services.AddCredentials();
        services.AddMatching();
        return builder;
    }

    /// <summary>
    /// Verification (Credentials:Http limits, Credentials:Verifier), the issuer trust registry, learners' stored credentials
    /// and their scheduled re-verification (Credentials:Recheck), and holder binding (Credentials:Holder: domain, code and
    /// challenge lifetimes, EmailSender outbox|smtp with Credentials:Holder:Smtp).
    /// </summary>
    private static void AddCredentials(this IServiceCollection services)
    {
        services.AddOptions<CredentialVerifierOptions>().BindConfiguration("Credentials:Verifier").ValidateOnStart();
        services.AddOptions<CredentialRecheckOptions>().BindConfiguration("Credentials:Recheck").ValidateOnStart();
        services.AddOptions<CredentialHttpOptions>().BindConfiguration("Credentials:Http").ValidateOnStart();
        services.AddSingleton(s => s.GetRequiredService<IOptions<CredentialVerifierOptions>>().Value);
        services.AddSingleton(s => s.GetRequiredService<IOptions<CredentialRecheckOptions>>().Value);
        services.AddSingleton(s => new CredentialHttpClient(s.GetRequiredService<IOptions<CredentialHttpOptions>>().Value,
            s.GetRequiredService<ILogger<CredentialHttpClient>>()));
        services.AddSingleton(s => new CredentialVerifier(
            s.GetRequiredService<CredentialHttpClient>(), s.GetRequiredService<CredentialVerifierOptions>(), s.GetRequiredService<TimeProvider>()));
        services.AddSingleton(s => new IssuerRegistry(s.GetRequiredService<NpgsqlDataSource>(), s.GetRequiredService<TimeProvider>()));
        services.AddOptions<HolderOptions>().BindConfiguration("Credentials:Holder").ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration("Credentials:Holder:Smtp");
        services.AddSingleton(s => s.GetRequiredService<IOptions<HolderOptions>>().Value);
        services.AddSingleton<HolderStore>();
        services.AddSingleton<EmailVerification>();
        services.AddSingleton<IPresentationVerifier, VcJwtPresentationVerifier>();
        services.AddSingleton<IPresentationVerifier, DataIntegrityPresentationFormat>();
        services.AddSingleton<DidBinding>();
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<IEmailSender>(s => string.Equals(s.GetRequiredService<HolderOptions>().EmailSender, "smtp", StringComparison.OrdinalIgnoreCase)
            ? new SmtpEmailSender(s.GetRequiredService<IOptions<SmtpOptions>>().Value)
            : s.GetRequiredService<OutboxEmailSender>());
        services.AddSingleton<CredentialSkills>();
        services.AddSingleton<LearnerCredentialStore>();
        services.AddSingleton<LearnerCredentials>();
        services.AddSingleton<ScheduledReverification>();
        services.AddHostedService(s => s.GetRequiredService<ScheduledReverification>());
    }

    /// <summary>
    /// The matching pipeline: retrieval, the learned ranker (Matching:RankerPath, default the committed models/ranker.zip),
    /// explanations, and the taxonomy's skill graph cached in memory. Matching:RememberMatches=false computes every
    /// learner's matches afresh (e.g. to measure the uncached path).
    /// </summary>
    private static void AddMatching(this IServiceCollection services)
    {
        services.AddOptions<MatchingOptions>().BindConfiguration("Matching").ValidateOnStart();
        services.AddSingleton(s => MatchScorer.Load(s.GetRequiredService<IOptions<MatchingOptions>>().Value.ResolveRankerPath()));
        services.AddSingleton<MatchingStore>();
        services.AddSingleton<SkillGraphCache>();
        services.AddSingleton<MatchInputsStore>();
        services.AddSingleton<MatchRetrieval>();
        services.AddSingleton<RoleMatchCache>();
        services.AddSingleton<MatchExplainer>();
        services.AddSingleton<TopMatches>();
        services.AddSingleton<Matching.Evaluation.JudgedPairScorer>();
        services.AddSingleton<GapStore>();
        services.AddSingleton(s => new RolesForLearner(s.GetRequiredService<MatchInputsStore>(), s.GetRequiredService<MatchRetrieval>(),
            s.GetRequiredService<TopMatches>(),
            s.GetRequiredService<IOptions<MatchingOptions>>().Value.RememberMatches ? s.GetRequiredService<RoleMatchCache>() : null));
        services.AddSingleton<CandidatesForRole>();
        services.AddSingleton<GapsForLearner>();
        services.AddSingleton<PlacementsForCohort>();
        services.AddSingleton<OutcomeStore>();
        services.AddSingleton<EquityStore>();
        services.AddSingleton<AnalyticsStore>();
        services.AddSingleton<CaseloadHighlightsStore>();
    }
}
