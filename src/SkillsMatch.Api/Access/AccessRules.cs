using SkillsMatch.Access;

namespace SkillsMatch.Api.Access;

/// <summary>
/// An endpoint's learner rule (<see cref="AccessEndpoints.RequireLearnerAccess{TBuilder}"/>,
/// <see cref="AccessEndpoints.RequireLearnerSelf{TBuilder}"/>), kept as endpoint metadata so the assistant's tools apply
/// the very same rule to the very same learner without going through HTTP.
/// </summary>
public sealed record LearnerRule(string RouteParameter, bool AllowCaseload)
{
    /// <summary>Why <paramref name="caller"/> may not reach <paramref name="learnerId"/>, or null when they may.</summary>
    public async Task<string?> RefusalAsync(Caller caller, Guid learnerId, IServiceProvider services, CancellationToken ct)
    {
        if (await services.GetRequiredService<LearnerAccess>().RefusalAsync(caller, learnerId, AllowCaseload, ct) is null) return null;
        return caller.Role switch
        {
            Role.Practitioner when AllowCaseload => "This learner has not granted you access (they are not on your caseload).",
            Role.Learner => "A learner key reaches only its own learner.",
            _ when AllowCaseload => $"A learner's data is for the learner, a practitioner they granted, or an admin; not for {caller.Role.Name()} keys.",
            _ => $"Only the learner themself or an admin may do this; not {caller.Role.Name()} keys.",
        };
    }
}

/// <summary>An endpoint's ownership rule (<see cref="AccessEndpoints.RequireOwnerOf{TBuilder}"/>), kept as endpoint metadata.</summary>
public sealed record OwnerRule(Role OwnerRole, string RouteParameter, Func<IServiceProvider, string, CancellationToken, Task<string?>> OwnerOf, string Refusal)
{
    /// <summary>(404, …) when there is no such entry, (403, …) when it is not the caller's; null when the caller may manage it.</summary>
    public async Task<(int Status, string Detail)?> RefusalAsync(Caller caller, string value, IServiceProvider services, CancellationToken ct)
    {
        if (caller.Role == Role.Admin) return null;
        var owner = await OwnerOf(services, value, ct);
        if (owner is null) return (404, $"There is no entry '{value}'.");
        return caller.Subject is { } subject && string.Equals(subject, owner, StringComparison.Ordinal) ? null : (403, Refusal);
    }
}

/// <summary>An endpoint's audit rule (<see cref="AccessEndpoints.AuditLearner{TBuilder}"/>): the action recorded and where the learner id is.</summary>
public sealed record AuditRule(string RouteParameter, string Action);
