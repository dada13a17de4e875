using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Errors;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Taxonomy;

public static class CrosswalkApi
{
    public static RouteGroupBuilder MapCrosswalks(this IEndpointRouteBuilder app)
    {
        // A group without a prefix: one route, and MapPost("") under "/crosswalks" would publish it as "/crosswalks/".
        var group = app.MapGroup("").WithTags("Taxonomy").RequireRoles(Role.Admin).ProducesCommonProblems();
        group.MapPost("/crosswalks", Build).ProducesBodyProblems()
            .WithSummary("Link the skills of one taxonomy to another's: exact label, shared alias, then embedding similarity above a threshold.");
        return group;
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
