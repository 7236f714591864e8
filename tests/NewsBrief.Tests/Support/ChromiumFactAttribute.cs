namespace NewsBrief.Tests.Support;

/// <summary>A fact that needs Debian's Chromium; skipped, with a message saying how to install it, when it is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path)) Skip = $"{Path} is not installed (apt-get install -y chromium); the browser tests are skipped";
    }
}
