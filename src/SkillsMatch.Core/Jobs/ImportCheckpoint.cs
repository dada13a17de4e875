namespace SkillsMatch.Jobs;

/// <summary>
/// How far an import file has got: every record starting at or before <see cref="Line"/> is stored or was
/// rejected. Written in the transaction that stores the batch ending there, so a stored posting and the
/// checkpoint past it commit together and a resumed import neither skips nor repeats a posting.
/// </summary>
public sealed record ImportCheckpoint(byte[] FileSha256, string FileName, int Line);
