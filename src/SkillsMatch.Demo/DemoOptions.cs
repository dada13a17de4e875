namespace SkillsMatch.Demo;

/// <summary>The run command's demo data (configuration section Demo).</summary>
public sealed record DemoOptions
{
    /// <summary>Load data/demo on start, once (see <see cref="DemoLoader"/>). The test host turns it off.</summary>
    public bool LoadOnStart { get; init; } = true;

    /// <summary>The demo folder; data/demo found by walking up from the program folder when empty.</summary>
    public string? Path { get; init; }

    /// <summary>
    /// Store the postings (about a minute for the shipped 287) after the API listens, so start-up stays quick; everything
    /// else loads before the first request. False: all of it before the API listens.
    /// </summary>
    public bool PostingsInBackground { get; init; } = true;

    public string ResolvePath() => Path is { Length: > 0 } configured ? configured
        : RepositoryFiles.Find("data", "demo") ?? throw new InvalidOperationException("data/demo was not found; set Demo:Path or Demo:LoadOnStart=false.");
}
