using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using SkillsMatch.Access;

namespace SkillsMatch.Web.Components;

/// <summary>
/// A page rendered for a signed-in person. It applies the API's rules, not its own: <see cref="LearnerAccess"/> decides who
/// reaches a learner and every learner view goes to the same <see cref="AuditWriter"/>, with the page's path, as the API's do.
/// </summary>
public abstract class PersonaPage : ComponentBase
{
    [CascadingParameter] public HttpContext Http { get; set; } = default!;
    [Inject] protected LearnerAccess Access { get; set; } = default!;
    [Inject] protected AuditWriter Audit { get; set; } = default!;

    /// <summary>The signed-in caller (the page's authorization policy guarantees one).</summary>
    protected Caller Caller => Caller.From(Http.User) ?? throw new InvalidOperationException("A persona page needs a signed-in caller.");

    /// <summary>Null when the caller may see <paramref name="learnerId"/>; otherwise the refusal. The attempt is audited either way.</summary>
    protected async Task<string?> ViewLearnerAsync(Guid learnerId, string action = "learner.view", bool allowCaseload = true)
    {
        var refusal = await Access.RefusalAsync(Caller, learnerId, allowCaseload, Http.RequestAborted);
        await RecordAsync(action, learnerId, refusal is null ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden);
        if (refusal is not null) Http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return refusal;
    }

    protected ValueTask RecordAsync(string action, Guid learnerId, int status) =>
        Audit.RecordAsync(new AuditEntry(DateTime.UtcNow, Caller.KeyId, Caller.Role.Name(), action, learnerId, Http.Request.Path, status), CancellationToken.None);
}
