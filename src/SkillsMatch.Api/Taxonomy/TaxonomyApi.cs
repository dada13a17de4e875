using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Taxonomy;

/// <summary>Taxonomies, skills (autocomplete and detail) and occupations.</summary>
public static class TaxonomyApi
{
    public static IEndpointRouteBuilder MapTaxonomy(this IEndpointRouteBuilder app)
    {
        app.MapGet("/taxonomies", ListTaxonomies).WithTags("Taxonomy").AllowAnonymous().WithSummary("Taxonomies loaded, with their licence and size.");

        var skills = app.MapGroup("/skills").WithTags("Taxonomy").AllowAnonymous();
        skills.MapGet("/", SearchSkills).WithSummary("Autocomplete: exact, alias and prefix matches first, then typo-tolerant and semantic neighbours.");
        skills.MapGet("/{id:long}", GetSkill).WithSummary("A skill with its broader, narrower and related skills, crosswalk links and the occupations that need it.");

        var occupations = app.MapGroup("/occupations").WithTags("Taxonomy").AllowAnonymous();
        occupations.MapGet("/", SearchOccupations).WithSummary("Occupation search by title, alternative title or code (NOC, ISCO, O*NET-SOC).");
        occupations.MapGet("/{id:long}", GetOccupation).WithSummary("An occupation with its skill profile.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<TaxonomySummary>>> ListTaxonomies(TaxonomyStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListTaxonomiesAsync(ct));

    public static async Task<Results<Ok<IReadOnlyList<SkillHit>>, ProblemHttpResult>> SearchSkills(
        [AsParameters] SkillQuery query, SkillSearch search, TaxonomyStore store, CancellationToken ct)
    {
        var taxonomyId = await ResolveAsync(store, query.Taxonomy, ct);
        if (taxonomyId is { Problem: { } problem }) return problem;
        return TypedResults.Ok(await search.SearchAsync(query.Q!, taxonomyId?.Id, query.Type, query.Limit ?? 20, ct));
    }

    public static async Task<Results<Ok<SkillDetail>, ProblemHttpResult>> GetSkill(long id, TaxonomyStore store, CancellationToken ct) =>
        await store.GetSkillAsync(id, ct) is { } skill
            ? TypedResults.Ok(skill)
            : TypedResults.Problem(statusCode: 404, title: "Skill not found", detail: $"There is no skill with id {id}.");

    public static async Task<Results<Ok<IReadOnlyList<OccupationHit>>, ProblemHttpResult>> SearchOccupations(
        [AsParameters] OccupationQuery query, TaxonomyStore store, CancellationToken ct)
    {
        var taxonomyId = await ResolveAsync(store, query.Taxonomy, ct);
        if (taxonomyId is { Problem: { } problem }) return problem;
        return TypedResults.Ok(await store.SearchOccupationsAsync(query.Q!, taxonomyId?.Id, query.Limit ?? 20, ct));
    }

    public static async Task<Results<Ok<OccupationDetail>, ProblemHttpResult>> GetOccupation(long id, TaxonomyStore store, CancellationToken ct) =>
        await store.GetOccupationAsync(id, ct) is { } occupation
            ? TypedResults.Ok(occupation)
            : TypedResults.Problem(statusCode: 404, title: "Occupation not found", detail: $"There is no occupation with id {id}.");

    private static async Task<(int? Id, ProblemHttpResult? Problem)?> ResolveAsync(TaxonomyStore store, string? reference, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        var id = await store.ResolveTaxonomyAsync(reference, ct);
        return id is null
            ? (null, TypedResults.Problem(statusCode: 400, title: "Unknown taxonomy",
                detail: $"No taxonomy '{reference}' is loaded; GET /taxonomies lists them (use key, key@version or id)."))
            : (id, null);
    }
}

public sealed record SkillQuery(
    [property: Required, StringLength(200, MinimumLength = 1)] string? Q,
    string? Taxonomy,
    [property: AllowedValues(null, "skill", "knowledge", "tool", "transversal", "language")] string? Type,
    [property: Range(1, 100)] int? Limit);

public sealed record OccupationQuery(
    [property: Required, StringLength(200, MinimumLength = 1)] string? Q,
    string? Taxonomy,
    [property: Range(1, 100)] int? Limit);
