namespace NewsBrief.Core.Configuration;

/// <summary>Bad configuration: names the file and the key at fault, and why. The CLI exits 2 on it.</summary>
public sealed class ConfigurationException(string file, string key, string reason)
    : Exception($"{file}: {key}: {reason}")
{
    public string File { get; } = file;
    public string Key { get; } = key;
    public string Reason { get; } = reason;
}
