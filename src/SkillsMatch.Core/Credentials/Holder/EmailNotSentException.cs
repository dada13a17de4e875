namespace SkillsMatch.Credentials.Holder;

/// <summary>A sender could not hand the message over (server down, recipient or login refused); the message says why, for the log only.</summary>
public sealed class EmailNotSentException(string message, Exception inner) : Exception(message, inner);
