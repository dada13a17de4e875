using System.Security.Claims;

namespace SkillsMatch.Access;

/// <summary>The key behind a request, read back from the claims the authentication handler issued.</summary>
public sealed record Caller(Guid KeyId, Role Role, Guid? LearnerId, string? Subject)
{
    public const string LearnerClaim = "skillsmatch:learner";
    public const string SubjectClaim = "skillsmatch:subject";

    public static ClaimsPrincipal ToPrincipal(ApiKey key, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(ClaimTypes.Role, key.Role.Name()),
        };
        if (key.LearnerId is { } learner) claims.Add(new Claim(LearnerClaim, learner.ToString()));
        if (key.Subject is { } subject) claims.Add(new Claim(SubjectClaim, subject));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The caller, or null for an anonymous request.</summary>
    public static Caller? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            || !Roles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role))
            return null;
        return new Caller(id, role,
            Guid.TryParse(user.FindFirstValue(LearnerClaim), out var learner) ? learner : null,
            user.FindFirstValue(SubjectClaim));
    }

    /// <summary>Issuer rule: an issuer manages only entries under its own URI; an admin manages all.</summary>
    public bool MayManageIssuer(string? issuerUri) =>
        Role == Role.Admin || (Role == Role.Issuer && issuerUri is not null && string.Equals(Subject, issuerUri, StringComparison.Ordinal));
}
