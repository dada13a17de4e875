using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Errors;
using SkillsMatch.Matching.Outcomes;

namespace SkillsMatch.Api.Matching;

/// <summary>
/// What happened to candidates (issue 18, item 7): employers record outcomes for their own postings, practitioners for
/// the learners on their caseload; each is audited and deleted with the learner. Equity programs' aggregated reports by
/// the learners' own opt-in groups (item 9).
/// </summary>
public static class OutcomesApi
{
    /// <summary>Outcomes older than this say nothing about today's candidates (and would weigh nothing in training).</summary>
    public static readonly DateOnly EarliestOutcome = new(2000, 1, 1);

    internal const string StageMessage = "stage is shortlisted, interviewed, offered, hired, placed, employed_90_days, rejected or withdrew.";

    public static IEndpointRouteBuilder MapOutcomes(this IEndpointRouteBuilder app)
    {
        var outcomes = app.MapGroup("").WithTags("Outcomes").ProducesCommonProblems();
        outcomes.MapPost("/outcomes", Record).RequireRoles(Role.Admin, Role.Employer, Role.Practitioner).ProducesBodyProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record what happened to a learner for a posting: the posting's employer (for consenting candidates) or the learner's practitioner.");
        outcomes.MapGet("/jobs/{id:guid}/outcomes", ForPosting).RequireRoles(Role.Admin, Role.Employer, Role.Practitioner)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A posting's outcomes: all for an admin, the owning employer's consenting candidates, a practitioner's caseload.");
        outcomes.MapGet("/learners/{id:guid}/outcomes", ForLearner).AuditLearner("id", "learner.view").RequireLearnerAccess("id")
            .WithSummary("The learner's outcomes across postings.");
        outcomes.MapPut("/learners/{id:guid}/equity-groups", ReplaceEquityGroups).AuditLearner("id", "learner.update").RequireLearnerSelf("id")
            .ProducesBodyProblems()
            .WithSummary("The learner's own, opt-in, self-identified groups in equity programs (empty: opt out). Never used in matching or shown to employers.");
        outcomes.MapGet("/equity-programs/{program}/report", EquityReport).RequireRoles(Role.Admin, Role.Practitioner)
            .WithSummary("An equity program's outcomes by self-identified group, aggregated; cells under 5 learners suppressed.");
        return app;
    }

    public static async Task<Results<Created<OutcomeRecorded>, ValidationProblem, ProblemHttpResult>> Record(
        OutcomeRequest request, HttpContext http, OutcomeStore store, AuditWriter audit, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var occurred = request.OccurredOn ?? today;
        if (occurred > today || occurred < EarliestOutcome)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["occurredOn"] = [occurred > today ? $"{occurred:yyyy-MM-dd} is in the future; record an outcome once it happened." : $"{occurred:yyyy-MM-dd} is before {EarliestOutcome:yyyy-MM-dd}."],
            });
        var (id, refusal) = await store.RecordAsync(caller,
            new NewOutcome(request.Learner!.Value, request.Posting!.Value, request.Stage!, occurred, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim()), ct);
        var status = refusal switch { OutcomeRefusal.None => 201, OutcomeRefusal.NotYourPosting or OutcomeRefusal.NotOnCaseload => 403, _ => 404 };
        await audit.RecordAsync(new AuditEntry(DateTime.UtcNow, caller.KeyId, caller.Role.Name(), "outcome.record", request.Learner, http.Request.Path, status), CancellationToken.None);
        return refusal switch
        {
            OutcomeRefusal.None => TypedResults.Created($"/learners/{request.Learner}/outcomes", new OutcomeRecorded(id!.Value, request.Learner.Value, request.Posting.Value, request.Stage!, occurred)),
            OutcomeRefusal.UnknownPosting => Problem(404, "Unknown job posting", $"No job posting has id {request.Posting}."),
            OutcomeRefusal.NotYourPosting => Problem(403, "Forbidden", "An employer records outcomes only for its own organisation's postings."),
            OutcomeRefusal.NotOnCaseload => Problem(403, "Forbidden", "This learner has not granted you access (they are not on your caseload)."),
            _ => Problem(404, "Unknown learner", caller.Role == Role.Employer
                ? $"No learner with id {request.Learner} shares their profile with employers."
                : $"No learner has id {request.Learner}."),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<OutcomeRecord>>, ProblemHttpResult>> ForPosting(
        Guid id, HttpContext http, OutcomeStore store, AuditWriter audit, CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        var (outcomes, refusal) = await store.ForPostingAsync(caller, id, ct);
        if (refusal == OutcomeRefusal.NotYourPosting) return Problem(403, "Forbidden", "An employer sees outcomes only for its own organisation's postings.");
        if (outcomes is null) return Problem(404, "Unknown job posting", $"No job posting has id {id}.");
        foreach (var learner in outcomes.Select(o => o.LearnerId).Distinct())
            await audit.RecordAsync(new AuditEntry(DateTime.UtcNow, caller.KeyId, caller.Role.Name(), "outcome.view", learner, http.Request.Path, 200), CancellationToken.None);
        return TypedResults.Ok(outcomes);
    }

    public static async Task<Results<Ok<IReadOnlyList<OutcomeRecord>>, ProblemHttpResult>> ForLearner(Guid id, OutcomeStore store, CancellationToken ct) =>
        await store.ForLearnerAsync(id, ct) is { } outcomes ? TypedResults.Ok(outcomes) : Problem(404, "Unknown learner", $"No learner has id {id}.");

    public static async Task<Results<Ok<IReadOnlyList<EquityGroup>>, ValidationProblem, ProblemHttpResult>> ReplaceEquityGroups(
        Guid id, EquityGroupsRequest request, EquityStore store, CancellationToken ct)
    {
        var groups = request.Groups!.Select(g => new EquityGroup(g.Program?.Trim() ?? "", g.SelfIdentified?.Trim() ?? "")).ToList();
        var problems = new Dictionary<string, string[]>();
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Program.Length == 0) problems[$"groups[{i}].program"] = ["A program name is required."];
            if (groups[i].SelfIdentified.Length == 0) problems[$"groups[{i}].selfIdentified"] = ["Say which group you identify with, or leave the program out."];
        }
        if (groups.GroupBy(g => g.Program).Any(g => g.Count() > 1)) problems["groups"] = ["A program is listed twice; give one group per program."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        if (!await store.ReplaceAsync(id, groups, ct)) return Problem(404, "Unknown learner", $"No learner has id {id}.");
        return TypedResults.Ok(await store.ForLearnerAsync(id, ct));
    }

    public static async Task<Ok<EquityReport>> EquityReport(string program, EquityStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ReportAsync(program, ct));

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);
}

/// <param name="Stage">shortlisted, interviewed, offered, hired, placed, employed_90_days, rejected or withdrew.</param>
/// <param name="OccurredOn">When it happened (default today); not in the future.</param>
public sealed record OutcomeRequest(
    [property: Required] Guid? Learner,
    [property: Required] Guid? Posting,
    [property: Required(ErrorMessage = OutcomesApi.StageMessage),
               AllowedValues("shortlisted", "interviewed", "offered", "hired", "placed", "employed_90_days", "rejected", "withdrew", ErrorMessage = OutcomesApi.StageMessage)] string? Stage,
    DateOnly? OccurredOn,
    [property: StringLength(1000)] string? Note);

public sealed record OutcomeRecorded(long Id, Guid Learner, Guid Posting, string Stage, DateOnly OccurredOn);

/// <param name="Groups">At most one group per program; an empty list opts out of every program.</param>
public sealed record EquityGroupsRequest([property: Required, MaxLength(10)] IReadOnlyList<EquityGroupInput>? Groups);

public sealed record EquityGroupInput(
    [property: Required, StringLength(100, MinimumLength = 1)] string? Program,
    [property: Required, StringLength(100, MinimumLength = 1)] string? SelfIdentified);
