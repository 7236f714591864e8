namespace NewsBrief.Tests.Support;

/// <summary>The checkout's root folder (where NewsBrief.sln is), found from the test binary.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "NewsBrief.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NewsBrief.sln not found above the test binary");
    }
}
