namespace NewsBrief.Tests.Support;

/// <summary>
/// Locates <c>../shared/data</c> (the evaluation data beside the checkout). Tests that need it
/// skip with a message when it is absent.
/// </summary>
public static class SharedData
{
    public const string MissingMessage = "../shared/data is absent beside the checkout; this test reads real evaluation data from there";

    /// <summary>The data folder, or null when it is not there.</summary>
    public static string? Root { get; } = Find();

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException(MissingMessage), .. parts]);

    private static string? Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", "data");
            if (File.Exists(System.IO.Path.Combine(candidate, "README.md"))) return System.IO.Path.GetFullPath(candidate);
            dir = dir.Parent;
        }
        return null;
    }
}
