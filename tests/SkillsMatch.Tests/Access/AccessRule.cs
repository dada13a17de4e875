namespace SkillsMatch.Tests.Access;

/// <summary>The kinds of caller the access matrix tries on every endpoint. Employer owns the world's posting; EmployerOther is any other employer.</summary>
public enum Who
{
    NoKey, RevokedKey, EmployerOther, Employer, IssuerOther, IssuerOwn, LearnerOther, PractitionerOther, PractitionerCaseload, LearnerOwn, Admin,
}

/// <summary>What a caller gets: refused as unknown (401), refused as not allowed (403), or through (any other status).</summary>
public enum Outcome { Unauthorized, Forbidden, Allowed }

/// <summary>An endpoint's access rule, as docs/access.md states it, for each kind of caller.</summary>
public sealed record AccessRule(Func<Who, Outcome> For)
{
    /// <summary>No key needed; a presented key that is revoked is still refused.</summary>
    public static readonly AccessRule Public = new(who => who == Who.RevokedKey ? Outcome.Unauthorized : Outcome.Allowed);

    public static readonly AccessRule AnyKey = new(who => who is Who.NoKey or Who.RevokedKey ? Outcome.Unauthorized : Outcome.Allowed);

    /// <summary>The learner themself, a practitioner they granted, or an admin.</summary>
    public static readonly AccessRule LearnerAccess = Only(Who.Admin, Who.LearnerOwn, Who.PractitionerCaseload);

    /// <summary>The learner themself or an admin (export, delete, grants).</summary>
    public static readonly AccessRule LearnerSelf = Only(Who.Admin, Who.LearnerOwn);

    /// <summary>An admin, or the issuer whose URI the entry carries.</summary>
    public static readonly AccessRule IssuerOf = Only(Who.Admin, Who.IssuerOwn);

    public static AccessRule Roles(params Who[] allowed) => Only(allowed);

    private static AccessRule Only(params Who[] allowed) => new(who =>
        who is Who.NoKey or Who.RevokedKey ? Outcome.Unauthorized : allowed.Contains(who) ? Outcome.Allowed : Outcome.Forbidden);
}
