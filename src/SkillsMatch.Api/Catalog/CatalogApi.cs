using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Catalog;
using SkillsMatch.Taxonomy;
using SkillsMatch.Api.Errors;

namespace SkillsMatch.Api.Catalog;

/// <summary>The microcredential catalog: offerings and the skills they teach.</summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/catalog").WithTags("Catalog").ProducesCommonProblems();
        group.MapPost("/", CreateOffering).RequireRoles(Role.Admin, Role.Issuer).ProducesBodyProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add an offering; its skills come from its alignments, or are extracted from title and description.");
        group.MapGet("/", SearchOfferings).ProducesValidationProblem().WithSummary("Offerings by words, skill taught, format, language and maximum cost (CAD).");
        group.MapGet("/{id:guid}", GetOffering).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("An offering with its skills and, when registered, its issuer's trust registry entry.");
        group.MapPut("/{id:guid}", ReplaceOffering).RequireIssuerOf("id", IssuerOfAsync).ProducesBodyProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replace an offering; its skills are settled again.");
        group.MapDelete("/{id:guid}", DeleteOffering).RequireIssuerOf("id", IssuerOfAsync).WithSummary("Delete an offering.");
        return group;
    }

    public static async Task<Results<Created<CatalogOffering>, ValidationProblem, ProblemHttpResult>> CreateOffering(
        CatalogOfferingInput input, ClaimsPrincipal user, CatalogChecks checks, CatalogStore store, CancellationToken ct)
    {
        if (NotOwnIssuer(user, input) is { } refused) return refused;
        var (offering, errors) = await checks.PrepareAsync(input, ct);
        if (offering is null) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await store.CreateAsync(offering, ct) is not { } id) return ExternalIdTaken(offering);
        return TypedResults.Created($"/catalog/{id}", await store.GetAsync(id, ct));
    }

    public static async Task<Results<Ok<Page<CatalogOffering>>, ValidationProblem>> SearchOfferings(
        [AsParameters] CatalogQuery query, CatalogStore store, TaxonomyStore taxonomies, WorkingTaxonomy working, CancellationToken ct)
    {
        var errors = new InputErrors();
        var format = query.Format is null ? null : CatalogChecks.NormalizeFormat(query.Format);
        if (query.Format is not null && format is null) errors.Add("format", $"'{query.Format}' is not one of {string.Join(", ", CatalogChecks.Formats)}.");
        var language = query.Language is null ? null : CatalogChecks.NormalizeLanguage(query.Language);
        if (query.Language is not null && language is null) errors.Add("language", $"'{query.Language}' is not en or fr.");
        long? skillId = null;
        if (!string.IsNullOrWhiteSpace(query.Skill))
        {
            var resolved = await taxonomies.ResolveSkillsAsync(await working.GetIdAsync(ct), [query.Skill], ct);
            if (resolved.TryGetValue(query.Skill, out var id)) skillId = id;
            else errors.Add("skill", $"'{query.Skill}' is not a skill (id, external id or label) of the working taxonomy '{working.Reference}'.");
        }
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        return TypedResults.Ok(await store.SearchAsync(query.Q, skillId, format, language, query.MaxCost, query.Limit ?? 20, query.Offset ?? 0, ct));
    }

    public static async Task<Results<Ok<CatalogOffering>, ProblemHttpResult>> GetOffering(Guid id, CatalogStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } offering ? TypedResults.Ok(offering) : OfferingNotFound(id);

    public static async Task<Results<Ok<CatalogOffering>, ValidationProblem, ProblemHttpResult>> ReplaceOffering(
        Guid id, CatalogOfferingInput input, ClaimsPrincipal user, CatalogChecks checks, CatalogStore store, CancellationToken ct)
    {
        if (NotOwnIssuer(user, input) is { } refused) return refused;
        var (offering, errors) = await checks.PrepareAsync(input, ct);
        if (offering is null) return TypedResults.ValidationProblem(errors.ToDictionary());
        return await store.ReplaceAsync(id, offering, ct) switch
        {
            ReplaceOutcome.NotFound => OfferingNotFound(id),
            ReplaceOutcome.Conflict => ExternalIdTaken(offering),
            _ => TypedResults.Ok((await store.GetAsync(id, ct))!),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteOffering(Guid id, CatalogStore store, CancellationToken ct) =>
        await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : OfferingNotFound(id);

    /// <summary>An issuer key may only write offerings that name its own issuer URI.</summary>
    private static ProblemHttpResult? NotOwnIssuer(ClaimsPrincipal user, CatalogOfferingInput input) =>
        Caller.From(user) is { } caller && !caller.MayManageIssuer(input.IssuerUri?.Trim())
            ? TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: $"An issuer key writes only offerings whose issuerUri is its own ('{caller.Subject}').")
            : null;

    private static async Task<string?> IssuerOfAsync(IServiceProvider services, string id, CancellationToken ct) =>
        Guid.TryParse(id, out var offeringId) && await services.GetRequiredService<CatalogStore>().GetAsync(offeringId, ct) is { } offering
            ? offering.IssuerUri ?? ""
            : null;

    private static ProblemHttpResult OfferingNotFound(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "Offering not found", detail: $"There is no catalog offering with id {id}.");

    /// <summary>External ids are unique per issuer: the answer speaks only of the writer's own issuer, never of another's offerings.</summary>
    private static ProblemHttpResult ExternalIdTaken(PreparedOffering offering) =>
        TypedResults.Problem(statusCode: 409, title: "External id taken", detail: offering.IssuerUri is { } issuer
            ? $"Issuer '{issuer}' already has another offering with externalId '{offering.ExternalId}'."
            : $"Another offering without an issuerUri already has externalId '{offering.ExternalId}'.");
}
