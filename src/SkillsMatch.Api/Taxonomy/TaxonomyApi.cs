using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SkillsMatch.Api.Errors;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Taxonomy;

/// <summary>Taxonomies and skills (autocomplete and detail); occupations are in OccupationsApi.</summary>
public static class TaxonomyApi
{
    public static IEndpointRouteBuilder MapTaxonomy(this IEndpointRouteBuilder app)
    {
        // "/taxonomies" keeps its path without a trailing slash: its group has no prefix.
        var taxonomies = app.MapGroup("").WithTags("Taxonomy").AllowAnonymous().ProducesCommonProblems();
        taxonomies.MapGet("/taxonomies", ListTaxonomies).WithSummary("Taxonomies loaded, with their licence and size.");

        var skills = app.MapGroup("/skills").WithTags("Taxonomy").AllowAnonymous().ProducesCommonProblems();
        skills.MapGet("/", SearchSkills).ProducesValidationProblem()
            .WithSummary("Autocomplete: exact, alias and prefix matches first, then typo-tolerant and semantic neighbours; lang=fr (or Accept-Language: fr) searches French labels first.");
        skills.MapGet("/{id:long}", GetSkill).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A skill with its broader, narrower and related skills, crosswalk links and the occupations that need it.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<TaxonomySummary>>> ListTaxonomies(TaxonomyStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListTaxonomiesAsync(ct));

    public static async Task<Results<Ok<IReadOnlyList<SkillHit>>, ProblemHttpResult>> SearchSkills(
        [AsParameters] SkillQuery query, SkillSearch search, TaxonomyStore store, CancellationToken ct)
    {
        var taxonomyId = await ResolveAsync(store, query.Taxonomy, ct);
        if (taxonomyId is { Problem: { } problem }) return problem;
        return TypedResults.Ok(await search.SearchAsync(query.Q!, taxonomyId?.Id, query.Type, query.Limit ?? 20, ct, LanguageOf(query.Lang, query.AcceptLanguage)));
    }

    /// <summary><c>lang</c> when given, else French when Accept-Language prefers French to English; null (English) otherwise.</summary>
    private static string? LanguageOf(string? lang, string? acceptLanguage)
    {
        if (lang is not null) return lang == "fr" ? "fr" : null;
        if (string.IsNullOrWhiteSpace(acceptLanguage)
            || !Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.TryParseList([acceptLanguage], out var languages)) return null;
        var preferred = languages
            .Where(l => l.Value.HasValue && (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value!.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is "fr" or "en");
        return preferred == "fr" ? "fr" : null;
    }

    public static async Task<Results<Ok<SkillDetail>, ProblemHttpResult>> GetSkill(long id, TaxonomyStore store, CancellationToken ct) =>
        await store.GetSkillAsync(id, ct) is { } skill
            ? TypedResults.Ok(skill)
            : TypedResults.Problem(statusCode: 404, title: "Skill not found", detail: $"There is no skill with id {id}.");

    /// <summary>The taxonomy a query names (null when it names none), or the 400 for one that is not loaded.</summary>
    internal static async Task<(int? Id, ProblemHttpResult? Problem)?> ResolveAsync(TaxonomyStore store, string? reference, CancellationToken ct)
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
    [property: Range(1, 100)] int? Limit,
    [property: AllowedValues(null, "en", "fr")] string? Lang = null,
    [FromHeader(Name = "Accept-Language")] string? AcceptLanguage = null);
