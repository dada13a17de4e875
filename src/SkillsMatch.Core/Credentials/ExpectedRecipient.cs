namespace SkillsMatch.Credentials;

/// <summary>The learner a credential should belong to: a DID and/or an email (compared against hashed identifiers).</summary>
public sealed record ExpectedRecipient(string? Did = null, string? Email = null);
