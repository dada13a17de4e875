namespace SkillsMatch.Access;

/// <summary>
/// Who may reach a learner: that learner's own key, a practitioner the learner granted (caseload, read per call) and an
/// admin; employers and issuers never. The API's endpoint filters and the web app's pages both ask here.
/// </summary>
public sealed class LearnerAccess(CaseloadStore caseload)
{
    /// <summary>Null when <paramref name="caller"/> may reach <paramref name="learnerId"/>; otherwise why not.</summary>
    /// <param name="allowCaseload">False for what only the learner or an admin may do (export, deletion, grants).</param>
    public async Task<string?> RefusalAsync(Caller caller, Guid learnerId, bool allowCaseload, CancellationToken ct)
    {
        var allowed = caller.Role switch
        {
            Role.Admin => true,
            Role.Learner => caller.LearnerId == learnerId,
            Role.Practitioner when allowCaseload && caller.Subject is { } practitioner =>
                await caseload.HasAccessAsync(practitioner, learnerId, ct),
            _ => false,
        };
        if (allowed) return null;
        return caller.Role == Role.Practitioner && allowCaseload
            ? "This learner has not granted you access (they are not on your caseload)."
            : "A learner key reaches only its own learner.";
    }
}
