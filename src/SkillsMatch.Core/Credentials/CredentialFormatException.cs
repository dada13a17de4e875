namespace SkillsMatch.Credentials;

/// <summary>Input that is not a well-formed credential (or key, or status list); its message becomes a verdict reason.</summary>
public sealed class CredentialFormatException : Exception
{
    /// <summary>The <see cref="ReasonCodes"/> entry the verdict reports.</summary>
    public string Code { get; init; } = ReasonCodes.Malformed;

    public CredentialFormatException(string message) : base(message) { }

    public CredentialFormatException(string message, Exception innerException) : base(message, innerException) { }

    public CredentialFormatException() { }
}
