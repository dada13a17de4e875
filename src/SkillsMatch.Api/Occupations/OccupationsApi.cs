using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Occupations;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Occupations;

/// <summary>Job title → occupation normalisation.</summary>
public static class OccupationsApi
{
    public static IEndpointRouteBuilder MapOccupationClassifier(this IEndpointRouteBuilder app)
    {
        app.MapPost("/occupations/classify", Classify).WithTags("Taxonomy")
            .WithSummary("Job title (and optional posting text) → the top-k occupations of a taxonomy, with scores and their lexical and semantic parts.");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<OccupationMatch>>, ProblemHttpResult>> Classify(
        ClassifyRequest request, OccupationClassifier classifier, TaxonomyStore store, WorkingTaxonomy working, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
            return TypedResults.Problem(statusCode: 400, title: "Empty title", detail: "The title is empty or only whitespace.");
        var reference = request.Taxonomy ?? working.Reference;
        if (await store.ResolveTaxonomyAsync(reference, ct) is not { } taxonomyId)
            return TypedResults.Problem(statusCode: 400, title: "Unknown taxonomy", detail: $"No taxonomy '{reference}' is loaded; GET /taxonomies lists them.");
        return TypedResults.Ok(await classifier.ClassifyAsync(request.Title, request.Text, taxonomyId, request.K ?? 5, ct));
    }
}

/// <param name="Title">The job title as posted, e.g. "Sr. Data Analyst – Power BI".</param>
/// <param name="Text">Optional posting text: its start adds semantic evidence.</param>
/// <param name="Taxonomy">key, key@version or id; default the working taxonomy.</param>
public sealed record ClassifyRequest(
    [property: Required, StringLength(300)] string? Title,
    [property: StringLength(100_000)] string? Text,
    [property: StringLength(100)] string? Taxonomy,
    [property: Range(1, 50)] int? K);
