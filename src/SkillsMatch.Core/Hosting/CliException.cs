namespace SkillsMatch.Hosting;

/// <summary>
/// A failure the user of a command can act on (the <c>skillsmatch</c> CLI and its bench and load commands): printed as
/// one line, no stack trace, non-zero exit.
/// </summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
