using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Demo;
using SkillsMatch.Api.Errors;
using SkillsMatch.Credentials;
using SkillsMatch.Credentials.Storage;
using SkillsMatch.Credentials.Trust;
using Microsoft.Extensions.AI;
using SkillsMatch.Embeddings;
using SkillsMatch.Extraction;
using SkillsMatch.Learners;
using SkillsMatch.Catalog;
using SkillsMatch.Jobs;
using SkillsMatch.Matching;
using SkillsMatch.Matching.Explanation;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Placements;
using SkillsMatch.Matching.Plans;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Occupations;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api;

/// <summary>All of the API's wiring, so Program.cs stays a screen long.</summary>
public static class SkillsMatchSetup
{
    public static async Task AddSkillsMatchAsync(this WebApplicationBuilder builder)
    {
        var databaseOptions = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        databaseOptions = databaseOptions with
        {
            ConnectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName),
        };
        var connectionString = await Database.ResolveConnectionStringAsync(databaseOptions);
        builder.Services.AddSingleton(Options.Create(databaseOptions));
        builder.Services.AddStorage(connectionString);
        builder.Services.AddReadRouting(builder.Configuration.GetConnectionString(ReadRoutingServiceCollectionExtensions.ReadersConnectionStringName));
        builder.Services.AddOptions<EmbeddingOptions>().BindConfiguration("Embeddings").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddEmbeddings(builder.Configuration.GetSection("Embeddings").Get<RemoteEmbeddingOptions>() ?? new RemoteEmbeddingOptions());
        builder.Services.AddSingleton<TaxonomyStore>();
        builder.Services.AddSingleton<DefaultTaxonomy>();
        builder.Services.AddSingleton(services => new WorkingTaxonomy(
            services.GetRequiredService<TaxonomyStore>(), builder.Configuration["Taxonomy:Working"] ?? WorkingTaxonomy.DefaultReference));
        builder.Services.AddSingleton<CrosswalkBuilder>();
        builder.Services.AddSingleton<ExtractionStore>();
        builder.Services.AddSingleton<ExtractionModels>();
        builder.Services.AddSingleton(services => new SkillExtractor(services.GetRequiredService<ExtractionModels>(),
            services.GetKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingsServiceCollectionExtensions.ExtractionKey)));
        builder.Services.AddSingleton(services => new LearnerSkillSummary(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>()));
        builder.Services.AddSingleton<LearnerSkillView>();
        builder.Services.AddSingleton<LearnerChecks>();
        builder.Services.AddSingleton<LearnerStore>();
        builder.Services.AddSingleton<CatalogChecks>();
        builder.Services.AddSingleton<CatalogStore>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes);
        builder.AddCredentials();
        builder.Services.AddSingleton(services => new OccupationClassifier(
            services.GetRequiredService<TaxonomyStore>(), services.GetService<IEmbeddingGenerator<string, Embedding<float>>>()));
        builder.Services.AddSingleton(services => new JobPipeline(services.GetRequiredService<SkillExtractor>(), services.GetRequiredService<OccupationClassifier>(),
            services.GetRequiredService<WorkingTaxonomy>(), services.GetService<IEmbeddingGenerator<string, Embedding<float>>>()));
        builder.Services.AddSingleton<JobPostingWriter>();
        builder.Services.AddSingleton<JobPostingStore>();
        builder.Services.AddSingleton(services => new SkillSearch(
            services.GetRequiredService<TaxonomyStore>(), services.GetService<IEmbeddingGenerator<string, Embedding<float>>>()));

        builder.AddMatching();
        builder.AddDemoData();

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            ValidationErrorNames.UseJsonNames(context.ProblemDetails);
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.AddValidation();
        builder.AddAccess();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SkillsMatch API";
            document.Info.Description =
                "Verified microcredentials and job postings on one skills taxonomy, matched by an explained embedding-plus-ranking pipeline.";
            // So /docs can send a key: every endpoint but the public ones needs one (see the README's access section).
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (sm_…) as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.",
            };
            return Task.CompletedTask;
        }));
    }

    /// <summary>
    /// Verification (Credentials:Http limits, Credentials:Verifier), the issuer trust registry, learners' stored credentials
    /// and their scheduled re-verification (Credentials:Recheck).
    /// </summary>
    private static void AddCredentials(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Credentials");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(section.GetSection("Verifier").Get<CredentialVerifierOptions>() ?? new CredentialVerifierOptions());
        builder.Services.AddSingleton(section.GetSection("Recheck").Get<CredentialRecheckOptions>() ?? new CredentialRecheckOptions());
        builder.Services.AddSingleton(_ => new CredentialHttpClient(section.GetSection("Http").Get<CredentialHttpOptions>() ?? new CredentialHttpOptions()));
        builder.Services.AddSingleton(services => new CredentialVerifier(
            services.GetRequiredService<CredentialHttpClient>(), services.GetRequiredService<CredentialVerifierOptions>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(services => new IssuerRegistry(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<CredentialSkills>();
        builder.Services.AddSingleton<LearnerCredentialStore>();
        builder.Services.AddSingleton<LearnerCredentials>();
        builder.Services.AddSingleton<ScheduledReverification>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ScheduledReverification>());
    }

    /// <summary>
    /// The matching pipeline: retrieval, the learned ranker (Matching:RankerPath, default the committed models/ranker.zip),
    /// explanations, and the taxonomy's skill graph cached in memory.
    /// </summary>
    private static void AddMatching(this WebApplicationBuilder builder)
    {
        var rankerPath = builder.Configuration["Matching:RankerPath"] ?? MatchScorer.DefaultModelPath
            ?? throw new InvalidOperationException("models/ranker.zip was not found next to the program or under the working directory; set Matching:RankerPath.");
        builder.Services.AddSingleton(_ => MatchScorer.Load(rankerPath));
        builder.Services.AddSingleton<MatchingStore>();
        builder.Services.AddSingleton<SkillGraphCache>();
        builder.Services.AddSingleton<MatchInputsStore>();
        builder.Services.AddSingleton<MatchRetrieval>();
        builder.Services.AddSingleton<RoleMatchCache>();
        builder.Services.AddSingleton<MatchExplainer>();
        builder.Services.AddSingleton<TopMatches>();
        builder.Services.AddSingleton<GapStore>();
        // Matching:RememberMatches=false computes every learner's matches afresh (e.g. to measure the uncached path).
        var remember = builder.Configuration.GetValue("Matching:RememberMatches", true);
        builder.Services.AddSingleton(s => new RolesForLearner(s.GetRequiredService<MatchInputsStore>(), s.GetRequiredService<MatchRetrieval>(),
            s.GetRequiredService<TopMatches>(), remember ? s.GetRequiredService<RoleMatchCache>() : null));
        builder.Services.AddSingleton<CandidatesForRole>();
        builder.Services.AddSingleton<GapsForLearner>();
        builder.Services.AddSingleton<PlacementsForCohort>();
    }

    /// <summary>
    /// Before the API takes requests: apply pending migrations (Database:MigrateOnStart) and load the shipped
    /// taxonomy on first start (Taxonomy:SeedOnStart, path Taxonomy:DefaultPath). Both on by default.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStart)
        {
            var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
            var migrator = app.Services.GetRequiredService<Migrator>();
            await Task.Run(() => migrator.Migrate(dataSource.ConnectionString));
        }
        if (app.Configuration.GetValue("Taxonomy:SeedOnStart", true))
        {
            await app.Services.GetRequiredService<DefaultTaxonomy>().EnsureAsync(app.Configuration["Taxonomy:DefaultPath"], app.Lifetime.ApplicationStopping);
            // Build the in-memory label index now, not on the first person's keystroke.
            await app.Services.GetRequiredService<SkillSearch>().IndexAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
