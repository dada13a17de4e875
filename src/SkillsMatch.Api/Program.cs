using Scalar.AspNetCore;
using SkillsMatch.Api;
using SkillsMatch.Api.Credentials;
using SkillsMatch.Api.Demo;
using SkillsMatch.Api.Errors;
using SkillsMatch.Api.Catalog;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Extraction;
using SkillsMatch.Api.Health;
using SkillsMatch.Api.Learners;
using SkillsMatch.Api.Matching;
using SkillsMatch.Api.Jobs;
using SkillsMatch.Api.Occupations;
using SkillsMatch.Api.Storage;
using SkillsMatch.Api.Taxonomy;
using SkillsMatch.Api.Telemetry;

var builder = WebApplication.CreateBuilder(args);
await builder.AddSkillsMatchAsync();
builder.AddTelemetry();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseAccess();
app.UseReadRouting();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs").AllowAnonymous();
app.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription().AllowAnonymous();

app.MapHealth();
app.MapTelemetry();
app.MapTaxonomy();
app.MapCrosswalks();
app.MapExtraction();
app.MapIssuers();
app.MapLearnerCredentials();
app.MapLearners();
app.MapCatalog();
app.MapOccupations();
app.MapJobs();
app.MapMatching();
app.MapAdmin();
app.MapPrivacy();

await app.PrepareDatabaseAsync();
await app.LoadDemoDataAsync();
await app.BootstrapKeysAsync();
await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
