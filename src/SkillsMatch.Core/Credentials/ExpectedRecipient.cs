namespace SkillsMatch.Credentials;

/// <summary>
/// The learner a credential should belong to: a DID and/or an e-mail (compared against plain, <c>mailto:</c> and hashed
/// identifiers), or, for a stored learner, every DID they proved and every e-mail they verified.
/// </summary>
public sealed record ExpectedRecipient(string? Did = null, string? Email = null)
{
    public IReadOnlyList<string> Dids { get; init; } = [];
    public IReadOnlyList<string> Emails { get; init; } = [];

    internal IReadOnlyList<string> AllDids => Did is null ? Dids : [Did, .. Dids];
    internal IReadOnlyList<string> AllEmails => Email is null ? Emails : [Email, .. Emails];
}
