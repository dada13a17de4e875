using System.Runtime.CompilerServices;

// The parsers (PNG chunks, base58, status bitstrings) are internal; their tests sit in SkillsMatch.Tests/Credentials.
[assembly: InternalsVisibleTo("SkillsMatch.Tests")]
