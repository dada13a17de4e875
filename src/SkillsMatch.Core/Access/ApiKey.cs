namespace SkillsMatch.Access;

/// <summary>A stored key as lists show it: never the secret, only its prefix.</summary>
public sealed record ApiKey(
    Guid Id,
    string Prefix,
    Role Role,
    Guid? LearnerId,
    string? Subject,
    string? Label,
    DateTime CreatedAt,
    DateTime? RevokedAt,
    DateTime? LastUsedAt);

/// <summary>What a new key is for. A learner key names its learner; practitioner, employer and issuer keys their subject.</summary>
public sealed record NewApiKey(Role Role, Guid? LearnerId = null, string? Subject = null, string? Label = null);

/// <summary>A key just created: <see cref="Secret"/> is the whole key, shown this once and stored only as a hash.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
