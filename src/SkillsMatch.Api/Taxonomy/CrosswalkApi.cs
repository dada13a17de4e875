using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Taxonomy;

public static class CrosswalkApi
{
    public static IEndpointRouteBuilder MapCrosswalks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/crosswalks", Build).WithTags("Taxonomy").RequireRoles(Role.Admin)
            .WithSummary("Link the skills of one taxonomy to another's: exact label, shared alias, then embedding similarity above a threshold.");
        return app;
    }

    public static async Task<Results<Ok<CrosswalkResult>, ProblemHttpResult>> Build(
        CrosswalkRequest request, TaxonomyStore store, CrosswalkBuilder builder, CancellationToken ct)
    {
        var from = await store.ResolveTaxonomyAsync(request.From!, ct);
        var to = await store.ResolveTaxonomyAsync(request.To!, ct);
        if (from is null || to is null)
            return TypedResults.Problem(statusCode: 400, title: "Unknown taxonomy",
                detail: $"No taxonomy '{(from is null ? request.From : request.To)}' is loaded; GET /taxonomies lists them.");
        if (from == to)
            return TypedResults.Problem(statusCode: 400, title: "Same taxonomy", detail: "A crosswalk links two different taxonomies.");
        return TypedResults.Ok(await builder.BuildAsync(from.Value, to.Value, request.Threshold ?? CrosswalkBuilder.DefaultThreshold, ct));
    }
}

public sealed record CrosswalkRequest(
    [property: Required, StringLength(100)] string? From,
    [property: Required, StringLength(100)] string? To,
    [property: Range(0.5, 1.0)] double? Threshold);
