namespace SkillsMatch.Tests.Support;

public static class Fixtures
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "Taxonomy", "Fixtures", .. parts]);

    /// <summary>A writable copy of a fixture folder, so a test can break one line of it.</summary>
    public static string CopyOf(string fixture)
    {
        var target = Directory.CreateTempSubdirectory("skillsmatch-fixture-").FullName;
        foreach (var file in Directory.GetFiles(Path(fixture)))
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        return target;
    }

    /// <summary>Replaces the line starting with <paramref name="startsWith"/> (or appends when null) and returns its 1-based number.</summary>
    public static int EditLine(string file, string? startsWith, string replacement)
    {
        var lines = File.ReadAllLines(file).ToList();
        var index = startsWith is null ? -1 : lines.FindIndex(l => l.StartsWith(startsWith, StringComparison.Ordinal));
        if (startsWith is not null && index < 0) throw new InvalidOperationException($"no line starts with {startsWith}");
        if (index < 0) { lines.Add(replacement); index = lines.Count - 1; }
        else lines[index] = replacement;
        File.WriteAllLines(file, lines);
        return index + 1;
    }
}
