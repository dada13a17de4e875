namespace SkillsMatch.Credentials;

/// <summary>One failed or inconclusive check: a stable <see cref="Code"/> for code and a sentence for people.</summary>
public sealed record CredentialReason(string Code, string Message)
{
    public override string ToString() => Message;
}
