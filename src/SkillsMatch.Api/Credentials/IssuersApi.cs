using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Credentials.Trust;
using SkillsMatch.Api.Errors;

namespace SkillsMatch.Api.Credentials;

/// <summary>The issuer trust registry's admin API. The group is returned so an authorization policy can be attached to it.</summary>
public static class IssuersApi
{
    public static RouteGroupBuilder MapIssuers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/issuers").WithTags("Issuers").ProducesCommonProblems();
        group.MapPost("/", Create).RequireRoles(Role.Admin).ProducesBodyProblems().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Register an issuer (DID or https URL, exactly as credentials name issuer.id) and its quality assurance.");
        group.MapGet("/", List).WithSummary("Every registered issuer.");
        group.MapGet("/{id:guid}", Get).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One issuer.");
        group.MapPut("/{id:guid}", Update).RequireRoles(Role.Admin).ProducesBodyProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).WithSummary("Replace what is stated about an issuer; its learners' credentials are re-checked on the next pass.");
        group.MapDelete("/{id:guid}", Delete).RequireRoles(Role.Admin).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Remove an issuer; its credentials become 'issuer unknown' (attested) on the next pass.");
        return group;
    }

    public static async Task<Results<Created<Issuer>, ValidationProblem, ProblemHttpResult>> Create(IssuerRequest request, IssuerRegistry registry, CancellationToken ct)
    {
        if (Invalid(request) is { } invalid) return invalid;
        try
        {
            var issuer = await registry.AddAsync(request.ToDetails(), ct);
            return TypedResults.Created($"/issuers/{issuer.Id}", issuer);
        }
        catch (DuplicateIssuerException e)
        {
            return Conflict(e);
        }
    }

    public static async Task<Ok<IReadOnlyList<Issuer>>> List(IssuerRegistry registry, CancellationToken ct) =>
        TypedResults.Ok(await registry.ListAsync(ct));

    public static async Task<Results<Ok<Issuer>, ProblemHttpResult>> Get(Guid id, IssuerRegistry registry, CancellationToken ct) =>
        await registry.GetAsync(id, ct) is { } issuer ? TypedResults.Ok(issuer) : NotFound(id);

    public static async Task<Results<Ok<Issuer>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, IssuerRequest request, IssuerRegistry registry, CancellationToken ct)
    {
        if (Invalid(request) is { } invalid) return invalid;
        try
        {
            return await registry.UpdateAsync(id, request.ToDetails(), ct) is { } issuer ? TypedResults.Ok(issuer) : NotFound(id);
        }
        catch (DuplicateIssuerException e)
        {
            return Conflict(e);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, IssuerRegistry registry, CancellationToken ct) =>
        await registry.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id);

    private static ValidationProblem? Invalid(IssuerRequest request) =>
        IssuerDetails.UriProblem(request.IssuerUri!.Trim()) is { } problem
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["issuerUri"] = [problem] })
            : null;

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Issuer not found", detail: $"No issuer has id {id}.");

    private static ProblemHttpResult Conflict(DuplicateIssuerException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Issuer already registered", detail: e.Message);
}

/// <param name="IssuerUri">Exactly the issuer.id credentials carry: a DID (did:web:…, did:key:…) or an https URL.</param>
/// <param name="LastReview">When the issuer's quality assurance was last reviewed (yyyy-mm-dd).</param>
public sealed record IssuerRequest(
    [property: Required, StringLength(2000)] string? IssuerUri,
    [property: Required, StringLength(300, MinimumLength = 1)] string? Name,
    bool Trusted,
    [property: StringLength(300)] string? AccreditingBody,
    [property: StringLength(300)] string? Framework,
    DateOnly? LastReview,
    [property: StringLength(4000)] string? Notes)
{
    public IssuerDetails ToDetails() => new(IssuerUri!.Trim(), Name!.Trim(), Trusted, AccreditingBody, Framework, LastReview, Notes);
}
