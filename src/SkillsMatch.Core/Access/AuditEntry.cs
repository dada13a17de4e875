namespace SkillsMatch.Access;

/// <summary>One access to a learner's data: who (key id and role), what (e.g. learner.view), which learner, the outcome.</summary>
public sealed record AuditEntry(DateTime At, Guid PrincipalId, string PrincipalRole, string Action, Guid? LearnerId, string Path, int Status);

/// <summary>Filters for the admin audit query; every bound optional.</summary>
public sealed record AuditQuery(Guid? Learner, Guid? Principal, DateTime? From, DateTime? To, int Limit);
