using SkillsMatch.Api;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Analytics;
using SkillsMatch.Api.Assistant;
using SkillsMatch.Api.Catalog;
using SkillsMatch.Api.Credentials;
using SkillsMatch.Api.Errors;
using SkillsMatch.Api.Extraction;
using SkillsMatch.Api.Health;
using SkillsMatch.Api.Input;
using SkillsMatch.Api.Jobs;
using SkillsMatch.Api.Learners;
using SkillsMatch.Api.Matching;
using SkillsMatch.Api.Occupations;
using SkillsMatch.Api.Storage;
using SkillsMatch.Api.Taxonomy;
using SkillsMatch.Api.Telemetry;
using SkillsMatch.Demo;
using SkillsMatch.Hosting;
using SkillsMatch.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddSkillsMatch();
builder.AddDemoData();
builder.AddSkillsMatchApi();
builder.AddAssistant();
builder.AddSkillsMatchWeb();
var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseAccess();
app.UseInputPolicy();
app.UseReadRouting();

app.MapApiDocs(); app.MapSkillsMatchWeb();
app.MapHealth(); app.MapTaxonomy(); app.MapCrosswalks(); app.MapExtraction(); app.MapIssuers(); app.MapLearnerCredentials(); app.MapHolderBinding();
app.MapLearners(); app.MapCatalog(); app.MapOccupations(); app.MapJobs(); app.MapMatching(); app.MapAdmin(); app.MapPrivacy();
app.MapAssistant(); app.MapTelemetry(); app.MapOutcomes(); app.MapAnalytics();
await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
