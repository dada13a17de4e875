using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Errors;
using SkillsMatch.Matching;

namespace SkillsMatch.Api.Access;

/// <summary>A learner's own controls: export, deletion, and which practitioners may see their profile.</summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        var learner = app.MapGroup("/learners/{id:guid}").WithTags("Privacy").ProducesCommonProblems();
        learner.MapGet("/export", Export).AuditLearner("id", "learner.export").RequireLearnerSelf("id")
            .WithSummary("Everything held about the learner, as JSON: profile, experiences, evidence, credentials and any other rows about them.");
        learner.MapDelete("", Delete).AuditLearner("id", "learner.delete").RequireLearnerSelf("id")
            .WithSummary("Delete the learner and everything about them (profile, credentials, skills, embeddings, match caches).");

        var practitioners = learner.MapGroup("/practitioners").RequireLearnerSelf("id");
        practitioners.MapGet("/", ListPractitioners).AuditLearner("id", "learner.view")
            .WithSummary("The practitioners this learner has granted access to.");
        practitioners.MapPost("/", GrantPractitioner).AuditLearner("id", "learner.grant").ProducesBodyProblems()
            .WithSummary("Grant a practitioner access: the learner joins their caseload.");
        practitioners.MapDelete("/{practitioner}", WithdrawPractitioner).AuditLearner("id", "learner.withdraw")
            .WithSummary("Withdraw a practitioner's access; it applies from the next request.");

        app.MapGroup("/practitioners").WithTags("Privacy").ProducesCommonProblems()
            .MapGet("/me/caseload", Caseload).RequireRoles(Role.Practitioner)
            .WithSummary("The learners who granted the calling practitioner access, by name, with when they did.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CaseloadLearner>>> Caseload(ClaimsPrincipal user, CaseloadStore caseload, CancellationToken ct) =>
        TypedResults.Ok(await caseload.ListForPractitionerAsync(Caller.From(user)!.Subject ?? "", CaseloadStore.MaxList, ct));

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Export(Guid id, LearnerDataStore data, CancellationToken ct) =>
        await data.ExportAsync(id, ct) is { } export ? TypedResults.Ok(export) : LearnerNotFound(id);

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, LearnerDataStore data, ApiKeyCache keys, RoleMatchCache matches, CancellationToken ct)
    {
        var deleted = await data.DeleteAsync(id, ct);
        keys.ForgetLearner(id);
        matches.Forget(id);
        return deleted ? TypedResults.NoContent() : LearnerNotFound(id);
    }

    public static async Task<Ok<IReadOnlyList<CaseloadGrant>>> ListPractitioners(Guid id, CaseloadStore caseload, CancellationToken ct) =>
        TypedResults.Ok(await caseload.ListForLearnerAsync(id, ct));

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> GrantPractitioner(
        Guid id, GrantRequest request, CaseloadStore caseload, ApiKeyStore keys, CancellationToken ct)
    {
        var practitioner = request.Practitioner!.Trim();
        if (!await keys.SubjectExistsAsync(Role.Practitioner, practitioner, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["Practitioner"] = [$"No practitioner '{practitioner}' has an active key."],
            });
        return await caseload.GrantAsync(id, practitioner, ct) ? TypedResults.NoContent() : LearnerNotFound(id);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> WithdrawPractitioner(Guid id, string practitioner, CaseloadStore caseload, CancellationToken ct) =>
        await caseload.WithdrawAsync(id, practitioner, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "No such grant", detail: $"Practitioner '{practitioner}' has no access to learner {id}.");

    private static ProblemHttpResult LearnerNotFound(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "Learner not found", detail: $"There is no learner {id}.");
}

/// <param name="Practitioner">The practitioner's name as their key's subject says it.</param>
public sealed record GrantRequest([property: Required, StringLength(300, MinimumLength = 1)] string? Practitioner);
