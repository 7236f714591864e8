namespace NewsBrief.Benchmarks;

/// <summary>Finds <c>../shared/data</c> above the working folder or the binary.</summary>
public static class DataFolder
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "..", "shared", "data");
                if (File.Exists(Path.Combine(candidate, "README.md"))) return Path.GetFullPath(candidate);
            }
        }
        return null;
    }

    public static string Require() => Find() ?? throw new DirectoryNotFoundException("../shared/data not found beside the checkout");
}
