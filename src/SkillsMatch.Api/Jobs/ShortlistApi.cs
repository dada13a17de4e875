using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Errors;
using SkillsMatch.Jobs;

namespace SkillsMatch.Api.Jobs;

/// <summary>
/// An employer's shortlist for one of its postings. The store names the caller's organisation in every statement, so a
/// posting that is not theirs reads as not found; only learners visible to employers can be shortlisted, and each
/// shortlisted learner shown is audited as a candidate view.
/// </summary>
public static class ShortlistApi
{
    public static RouteGroupBuilder MapShortlists(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/jobs/{id:guid}/shortlist").WithTags("Jobs").ProducesCommonProblems().RequireRoles(Role.Employer);
        group.MapGet("/", List).WithSummary("The calling employer's shortlist for its posting (contact details only where the learner shares them).");
        group.MapPut("/{learnerId:guid}", Add).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Shortlist a learner who is visible to employers for the caller's own posting.");
        group.MapDelete("/{learnerId:guid}", Remove).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Take a learner off the shortlist.");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<ShortlistEntry>>> List(Guid id, ClaimsPrincipal user, HttpContext http, ShortlistStore store, AuditWriter audit, CancellationToken ct)
    {
        var caller = Caller.From(user)!;
        var entries = await store.ListAsync(id, caller.Subject ?? "", ct);
        foreach (var entry in entries)
            await audit.RecordAsync(new AuditEntry(DateTime.UtcNow, caller.KeyId, caller.Role.Name(), "candidate.view", entry.LearnerId, http.Request.Path, 200), CancellationToken.None);
        return TypedResults.Ok(entries);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Add(Guid id, Guid learnerId, ClaimsPrincipal user, ShortlistStore store, CancellationToken ct) =>
        await store.AddAsync(id, learnerId, Caller.From(user)!.Subject ?? "", ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Not found",
                detail: $"Posting {id} is not one of yours, or learner {learnerId} is not visible to employers (or the list is full).");

    public static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid id, Guid learnerId, ClaimsPrincipal user, ShortlistStore store, CancellationToken ct) =>
        await store.RemoveAsync(id, learnerId, Caller.From(user)!.Subject ?? "", ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"Learner {learnerId} is not on your shortlist for posting {id}.");
}
