using Scalar.AspNetCore;
using SkillsMatch.Api;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Extraction;
using SkillsMatch.Api.Health;
using SkillsMatch.Api.Taxonomy;

var builder = WebApplication.CreateBuilder(args);
await builder.AddSkillsMatchAsync();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAccess();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs").AllowAnonymous();
app.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription().AllowAnonymous();

app.MapHealth();
app.MapTaxonomy();
app.MapCrosswalks();
app.MapExtraction();
app.MapAdmin();
app.MapPrivacy();

await app.PrepareDatabaseAsync();
await app.BootstrapKeysAsync();
await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
