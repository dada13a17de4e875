using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Errors;
using SkillsMatch.Credentials.Holder;
using SkillsMatch.Credentials.Storage;

namespace SkillsMatch.Api.Credentials;

/// <summary>
/// A learner binds credentials to themself: verify an e-mail with a one-time code, or prove a DID with a Verifiable
/// Presentation over our challenge. Each binding upgrades the stored credentials that name it, without resubmission.
/// </summary>
public static class HolderBindingApi
{
    public static RouteGroupBuilder MapHolderBinding(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/learners/{learnerId:guid}/holder").WithTags("Credentials").ProducesCommonProblems();
        group.MapGet("/", Get).AuditLearner("learnerId", "learner.view").RequireLearnerAccess("learnerId")
            .WithSummary("The learner's verified e-mails, proven DIDs and addresses waiting for their code.");
        group.MapPost("/emails", AddEmail).ProducesBodyProblems().AuditLearner("learnerId", "learner.update").RequireLearnerAccess("learnerId")
            .WithSummary("Send a one-time code to an address (202 whatever the address; a new code at most once a minute).");
        group.MapPost("/emails/verify", VerifyEmail).ProducesBodyProblems().AuditLearner("learnerId", "learner.update").RequireLearnerAccess("learnerId")
            .WithSummary("Confirm an address with its code; stored credentials naming it are upgraded at once.");
        group.MapPost("/challenges", Challenge).AuditLearner("learnerId", "learner.update").RequireLearnerAccess("learnerId")
            .WithSummary("A single-use challenge (5 minutes) and the domain a DID presentation must be signed over.");
        group.MapPost("/dids", ProveDid).ProducesBodyProblems().ProducesProblem(StatusCodes.Status422UnprocessableEntity).AuditLearner("learnerId", "learner.update").RequireLearnerAccess("learnerId")
            .WithSummary("Prove control of a DID with a Verifiable Presentation (VC-JWT or Data Integrity) over a challenge; stored credentials naming it are upgraded.");
        group.MapGet("/outbox", Outbox).AuditLearner("learnerId", "learner.view").RequireLearnerStaff("learnerId")
            .WithSummary("What the default (outbox) sender sent the learner: for their practitioner or an admin, never the learner's own key.");
        return group;
    }

    public static async Task<Results<Ok<HolderIdentities>, ProblemHttpResult>> Get(Guid learnerId, LearnerCredentialStore learners, HolderStore store, CancellationToken ct) =>
        await learners.FindLearnerAsync(learnerId, ct) is null ? LearnerNotFound(learnerId) : TypedResults.Ok(await store.IdentitiesAsync(learnerId, ct));

    public static async Task<Results<Accepted<CodeSent>, ValidationProblem, ProblemHttpResult>> AddEmail(
        Guid learnerId, EmailInput input, LearnerCredentialStore learners, EmailVerification emails, HolderOptions options, CancellationToken ct)
    {
        if (!EmailVerification.LooksLikeAddress(input.Address))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["address"] = ["An e-mail address such as ada@example.org."] });
        if (await learners.FindLearnerAsync(learnerId, ct) is null) return LearnerNotFound(learnerId);
        await emails.SendCodeAsync(learnerId, input.Address!, ct);
        // The same answer whether the address is new, pending, already verified or known elsewhere: no oracle.
        return TypedResults.Accepted((string?)null, new CodeSent(EmailVerification.Normalize(input.Address!),
            $"If this address can receive mail, a code is on its way; it expires in {(int)options.CodeLifetime.TotalMinutes} minutes."));
    }

    public static async Task<Results<Ok<EmailBound>, ValidationProblem, ProblemHttpResult>> VerifyEmail(
        Guid learnerId, EmailCodeInput input, EmailVerification emails, LearnerCredentials credentials, CancellationToken ct)
    {
        if (!EmailVerification.LooksLikeAddress(input.Address) || string.IsNullOrWhiteSpace(input.Code) || input.Code.Length > 12)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["The address and the six-digit code sent to it."] });
        if (!await emails.ConfirmAsync(learnerId, input.Address!, input.Code, ct))
            return TypedResults.Problem(statusCode: 400, title: "Code not accepted",
                detail: "The code is wrong, expired or used up, or no code was sent to this address; ask for a new one.");
        return TypedResults.Ok(new EmailBound(EmailVerification.Normalize(input.Address!), await credentials.RebindAsync(learnerId, ct)));
    }

    public static async Task<Results<Created<HolderChallenge>, ProblemHttpResult>> Challenge(
        Guid learnerId, LearnerCredentialStore learners, DidBinding dids, CancellationToken ct)
    {
        if (await learners.FindLearnerAsync(learnerId, ct) is null) return LearnerNotFound(learnerId);
        return TypedResults.Created((string?)null, await dids.IssueChallengeAsync(learnerId, ct));
    }

    public static async Task<Results<Ok<DidBound>, ValidationProblem, ProblemHttpResult>> ProveDid(
        Guid learnerId, PresentationInput input, LearnerCredentialStore learners, DidBinding dids, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Presentation) || input.Presentation.Length > 64 * 1024)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["presentation"] = ["A Verifiable Presentation (a compact VC-JWT, or JSON with a Data Integrity proof) of at most 64 KB."] });
        if (await learners.FindLearnerAsync(learnerId, ct) is null) return LearnerNotFound(learnerId);
        var proof = await dids.ProveAsync(learnerId, input.Presentation, ct);
        return proof.Problem is { } problem
            ? TypedResults.Problem(statusCode: 422, title: "Presentation not accepted", detail: problem)
            : TypedResults.Ok(new DidBound(proof.Did!, proof.Upgraded));
    }

    public static async Task<Ok<IReadOnlyList<OutboxEntry>>> Outbox(Guid learnerId, HolderStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.OutboxAsync(learnerId, ct));

    private static ProblemHttpResult LearnerNotFound(Guid learnerId) =>
        TypedResults.Problem(statusCode: 404, title: "Learner not found", detail: $"No learner has id {learnerId}.");
}

public sealed record EmailInput(string? Address);

public sealed record EmailCodeInput(string? Address, string? Code);

public sealed record PresentationInput(string? Presentation);

public sealed record CodeSent(string Address, string Message);

/// <summary>The address now verified and how many stored credentials it upgraded.</summary>
public sealed record EmailBound(string Address, int Upgraded);

/// <summary>The DID now proven and how many stored credentials it upgraded.</summary>
public sealed record DidBound(string Did, int Upgraded);
