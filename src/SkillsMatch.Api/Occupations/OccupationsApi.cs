using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Api.Errors;
using SkillsMatch.Api.Taxonomy;
using SkillsMatch.Occupations;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Occupations;

/// <summary>Occupations: search by title or code, detail with the skill profile, and job title → occupation normalisation.</summary>
public static class OccupationsApi
{
    public static RouteGroupBuilder MapOccupations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/occupations").WithTags("Taxonomy").ProducesCommonProblems();
        group.MapGet("/", SearchOccupations).AllowAnonymous().ProducesValidationProblem()
            .WithSummary("Occupation search by title, alternative title or code (NOC, ISCO, O*NET-SOC).");
        group.MapGet("/{id:long}", GetOccupation).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An occupation with its skill profile.");
        // Any key (the fallback policy): classification embeds the title, which costs more than a lookup.
        group.MapPost("/classify", Classify).ProducesBodyProblems()
            .WithSummary("Job title (and optional posting text) → the top-k occupations of a taxonomy, with scores and their lexical and semantic parts.");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<OccupationHit>>, ProblemHttpResult>> SearchOccupations(
        [AsParameters] OccupationQuery query, TaxonomyStore store, CancellationToken ct)
    {
        var taxonomyId = await TaxonomyApi.ResolveAsync(store, query.Taxonomy, ct);
        if (taxonomyId is { Problem: { } problem }) return problem;
        return TypedResults.Ok(await store.SearchOccupationsAsync(query.Q!, taxonomyId?.Id, query.Limit ?? 20, ct));
    }

    public static async Task<Results<Ok<OccupationDetail>, ProblemHttpResult>> GetOccupation(long id, TaxonomyStore store, CancellationToken ct) =>
        await store.GetOccupationAsync(id, ct) is { } occupation
            ? TypedResults.Ok(occupation)
            : TypedResults.Problem(statusCode: 404, title: "Occupation not found", detail: $"There is no occupation with id {id}.");

    /// <summary>An empty or whitespace-only title is refused by validation ([Required]) before this runs.</summary>
    public static async Task<Results<Ok<IReadOnlyList<OccupationMatch>>, ProblemHttpResult>> Classify(
        ClassifyRequest request, OccupationClassifier classifier, TaxonomyStore store, WorkingTaxonomy working, CancellationToken ct)
    {
        var reference = request.Taxonomy ?? working.Reference;
        if (await store.ResolveTaxonomyAsync(reference, ct) is not { } taxonomyId)
            return TypedResults.Problem(statusCode: 400, title: "Unknown taxonomy", detail: $"No taxonomy '{reference}' is loaded; GET /taxonomies lists them.");
        return TypedResults.Ok(await classifier.ClassifyAsync(request.Title!, request.Text, taxonomyId, request.K ?? 5, ct));
    }
}

public sealed record OccupationQuery(
    [property: Required, StringLength(200, MinimumLength = 1)] string? Q,
    string? Taxonomy,
    [property: Range(1, 100)] int? Limit);

/// <param name="Title">The job title as posted, e.g. "Sr. Data Analyst – Power BI".</param>
/// <param name="Text">Optional posting text: its start adds semantic evidence.</param>
/// <param name="Taxonomy">key, key@version or id; default the working taxonomy.</param>
public sealed record ClassifyRequest(
    [property: Required, StringLength(300)] string? Title,
    [property: StringLength(100_000)] string? Text,
    [property: StringLength(100)] string? Taxonomy,
    [property: Range(1, 50)] int? K);
