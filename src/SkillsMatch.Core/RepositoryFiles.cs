namespace SkillsMatch;

/// <summary>
/// Finds a file or folder shipped in the repository (scripts/postgres.sh, data/taxonomies/…) from wherever the program
/// runs: its bin folder under dotnet run and tests, or the working directory.
/// </summary>
public static class RepositoryFiles
{
    public static string? Find(params string[] relativePath)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine([dir.FullName, .. relativePath]);
                if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}
