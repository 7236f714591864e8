using System.Text.Json;
using Microsoft.Extensions.Configuration;
using NewsBrief.Core.Configuration;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;

namespace NewsBrief.Bot.Configuration;

/// <summary>
/// The configuration folder read: appsettings.json with user secrets and the environment over it
/// (<c>NewsBrief__</c> prefixed variables override any key), and the source and topic catalogues, which
/// throw a <see cref="ConfigurationException"/> naming the file and key. The sections of appsettings.json are
/// bound and validated by the host (<see cref="ValidatedOptions"/>), not here.
/// </summary>
public sealed record AppConfiguration
{
    public const string AppSettingsFile = "appsettings.json";
    public const string EnvironmentPrefix = "NewsBrief__";

    public required string ConfigDirectory { get; init; }
    public required string DataDirectory { get; init; }
    public required IConfiguration Root { get; init; }
    public required IReadOnlyList<Source> Sources { get; init; }
    public required IReadOnlyList<(Topic Topic, TopicQuery Query)> Topics { get; init; }

    public static AppConfiguration Load(string configDirectory, string dataDirectory)
    {
        if (!Directory.Exists(configDirectory))
            throw new ConfigurationException(configDirectory, "(folder)", $"the configuration folder does not exist ({Path.GetFullPath(configDirectory)})");
        var root = BuildRoot(configDirectory);
        return new AppConfiguration
        {
            ConfigDirectory = configDirectory,
            DataDirectory = dataDirectory,
            Root = root,
            Sources = SourceCatalog.Load(Path.Combine(configDirectory, SourceCatalog.FileName)),
            Topics = LoadTopics(configDirectory),
        };
    }

    private static IConfigurationRoot BuildRoot(string configDirectory)
    {
        var settings = Path.Combine(Path.GetFullPath(configDirectory), AppSettingsFile);
        var builder = new ConfigurationBuilder();
        if (File.Exists(settings))
        {
            // JsonDocument gives a line and position for a syntax error, which the JSON provider does not.
            try { using var _ = JsonDocument.Parse(File.ReadAllText(settings), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
            catch (JsonException e) { throw new ConfigurationException(AppSettingsFile, "(file)", $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}"); }
            builder.AddJsonFile(settings, optional: false, reloadOnChange: false);
        }
        builder.AddUserSecrets(typeof(AppConfiguration).Assembly, optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        return builder.Build();
    }

    private static IReadOnlyList<(Topic, TopicQuery)> LoadTopics(string configDirectory)
    {
        var path = Path.Combine(configDirectory, TopicCatalog.FileName);
        return File.Exists(path) ? TopicCatalog.Load(path) : [];
    }

    /// <summary>
    /// Where the value of <paramref name="key"/> (e.g. Brief:TimeZone) was read, for error messages: the environment
    /// variable, user secrets, or appsettings.json (also when the key is unset and its default is at fault).
    /// </summary>
    public string OriginOf(string key)
    {
        if (Root is not IConfigurationRoot root) return AppSettingsFile;
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _)) continue;
            return provider switch
            {
                Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider => $"environment {EnvironmentPrefix}{key.Replace(":", "__")}",
                Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider { Source.Path: { } path } when !path.EndsWith(AppSettingsFile, StringComparison.OrdinalIgnoreCase) => "user secrets",
                _ => AppSettingsFile,
            };
        }
        return AppSettingsFile;
    }
}
