using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Api.Access;
using SkillsMatch.Credentials;
using SkillsMatch.Credentials.Storage;
using SkillsMatch.Api.Errors;

namespace SkillsMatch.Api.Credentials;

/// <summary>
/// A learner's credentials: submit (JSON credential or OB 2.0 assertion, compact VC-JWT, baked PNG/SVG, or
/// <c>{"url": …}</c> for a hosted OB 2.0 assertion), list, read, delete, re-verify now.
/// </summary>
public static class LearnerCredentialsApi
{
    public static RouteGroupBuilder MapLearnerCredentials(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/learners/{learnerId:guid}/credentials").WithTags("Credentials").ProducesCommonProblems();
        group.MapPost("/", Submit).AuditLearner("learnerId", "learner.update").RequireLearnerAccess("learnerId")
            .Accepts<JsonElement>("application/json", "application/ld+json", "application/jwt", "application/vc+jwt", "text/plain", "image/png", "image/svg+xml")
            // Bodies over the one global limit (RequestBodyLimit.MaxBytes) are refused with 413 before they are read;
            // 400: empty body or a hosted-assertion url that is not https; 409: bound to another learner; 422: not authentic, nothing stored.
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Submit a credential: verified, judged against the issuer trust registry, stored with its skills (422 and nothing stored when forged or malformed).");
        group.MapGet("/", List).AuditLearner("learnerId", "learner.view").RequireLearnerAccess("learnerId").WithSummary("The learner's credentials with their verdicts and skill evidence.");
        group.MapGet("/{credentialId:guid}", Get).AuditLearner("learnerId", "learner.view").RequireLearnerAccess("learnerId").WithSummary("One credential with its verdict and skill evidence.");
        group.MapDelete("/{credentialId:guid}", Delete).AuditLearner("learnerId", "learner.update").RequireLearnerAccess("learnerId").WithSummary("Remove a credential and the skill evidence it gave.");
        group.MapPost("/{credentialId:guid}/verify", Reverify).AuditLearner("learnerId", "learner.update").RequireLearnerAccess("learnerId")
            .WithSummary("Re-verify now (status, expiry, keys, issuer trust); the skills' tiers follow the new verdict at once.");
        return group;
    }

    public static async Task<Results<Created<StoredCredential>, Ok<StoredCredential>, ProblemHttpResult>> Submit(
        Guid learnerId, HttpRequest request, LearnerCredentials credentials, CredentialVerifierOptions limits, CancellationToken ct)
    {
        var body = await CredentialBody.ReadAsync(request, limits.MaxInputBytes, ct);
        if (body.Problem is { } problem) return problem;
        var outcome = await credentials.SubmitAsync(learnerId, body.Content!, body.MediaType!, ct);
        return outcome.Result switch
        {
            SubmitResult.LearnerNotFound => LearnerNotFound(learnerId),
            SubmitResult.Rejected => Rejected(outcome.Assessment!),
            SubmitResult.ClaimedByAnother => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Credential claimed by another learner",
                detail: "This credential is already held, bound to its subject, by another learner; nothing was stored.",
                extensions: new Dictionary<string, object?> { ["reason"] = ReasonCodes.AlreadyClaimed }),
            SubmitResult.AlreadyStored => TypedResults.Ok(outcome.Credential!),
            _ => TypedResults.Created($"/learners/{learnerId}/credentials/{outcome.Credential!.Id}", outcome.Credential),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<StoredCredential>>, ProblemHttpResult>> List(Guid learnerId, LearnerCredentialStore store, CancellationToken ct) =>
        await store.FindLearnerAsync(learnerId, ct) is null ? LearnerNotFound(learnerId) : TypedResults.Ok(await store.ListAsync(learnerId, ct));

    public static async Task<Results<Ok<StoredCredential>, ProblemHttpResult>> Get(Guid learnerId, Guid credentialId, LearnerCredentialStore store, CancellationToken ct)
    {
        if (await store.FindLearnerAsync(learnerId, ct) is null) return LearnerNotFound(learnerId);
        return await store.GetAsync(learnerId, credentialId, ct) is { } credential ? TypedResults.Ok(credential) : CredentialNotFound(credentialId);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid learnerId, Guid credentialId, LearnerCredentialStore store, CancellationToken ct)
    {
        if (await store.FindLearnerAsync(learnerId, ct) is null) return LearnerNotFound(learnerId);
        return await store.DeleteAsync(learnerId, credentialId, ct) ? TypedResults.NoContent() : CredentialNotFound(credentialId);
    }

    public static async Task<Results<Ok<StoredCredential>, ProblemHttpResult>> Reverify(
        Guid learnerId, Guid credentialId, LearnerCredentials credentials, LearnerCredentialStore store, CancellationToken ct)
    {
        if (await store.FindLearnerAsync(learnerId, ct) is null) return LearnerNotFound(learnerId);
        return await credentials.ReverifyAsync(learnerId, credentialId, ct) is { } credential ? TypedResults.Ok(credential) : CredentialNotFound(credentialId);
    }

    private static ProblemHttpResult Rejected(CredentialAssessment assessment)
    {
        var verdict = assessment.Verdict;
        var reasons = verdict.Reasons.Where(r => r.Code is not (ReasonCodes.IssuerUnknown or ReasonCodes.IssuerNotTrusted)).ToList();
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: assessment.Withdrawn ? "Credential revoked or suspended" : "Credential not authentic",
            detail: (assessment.Withdrawn ? "The issuer has revoked or suspended this credential" : "The credential could not be verified as authentic")
                    + $"; nothing was stored: {string.Join("; ", reasons.Select(r => r.Message))}",
            extensions: new Dictionary<string, object?>
            {
                ["reasons"] = reasons,
                ["format"] = verdict.Format,
                ["signatureValid"] = verdict.SignatureValid,
                ["keyBoundToIssuer"] = verdict.KeyBoundToIssuer,
                ["credentialStatus"] = verdict.Status, // not "status": that is the HTTP status of a ProblemDetails
            });
    }

    private static ProblemHttpResult LearnerNotFound(Guid learnerId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Learner not found", detail: $"No learner has id {learnerId}.");

    private static ProblemHttpResult CredentialNotFound(Guid credentialId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Credential not found", detail: $"The learner has no credential with id {credentialId}.");
}
