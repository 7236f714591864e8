using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using NewsBrief.Core.Configuration;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Summariser.Llm;

namespace NewsBrief.Bot.Configuration;

/// <summary>
/// Everything read from the configuration folder and the environment, validated: a bad value throws a
/// <see cref="ConfigurationException"/> naming the file and key. Environment variables prefixed
/// <c>NewsBrief__</c> override any key of appsettings.json.
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
    public required FetchOptions Fetch { get; init; }
    public required BriefOptions Brief { get; init; }
    public required ServiceOptions Service { get; init; }
    public required SummariserOptions Summariser { get; init; }
    public required TimeZoneInfo BriefTimeZone { get; init; }
    /// <summary>Where the store lives (<c>Storage:Provider</c>, <c>Storage:ConnectionString</c>); SQLite in the data folder by default.</summary>
    public StorageOptions Storage { get; init; } = new();

    public static AppConfiguration Load(string configDirectory, string dataDirectory)
    {
        if (!Directory.Exists(configDirectory))
            throw new ConfigurationException(configDirectory, "(folder)", $"the configuration folder does not exist ({Path.GetFullPath(configDirectory)})");
        var root = BuildRoot(configDirectory);
        var brief = Bind<BriefOptions>(root, BriefOptions.SectionName);
        return new AppConfiguration
        {
            ConfigDirectory = configDirectory,
            DataDirectory = dataDirectory,
            Root = root,
            Sources = SourceCatalog.Load(Path.Combine(configDirectory, SourceCatalog.FileName)),
            Topics = LoadTopics(configDirectory),
            Fetch = Bind<FetchOptions>(root, FetchOptions.SectionName),
            Brief = brief,
            Service = Bind<ServiceOptions>(root, ServiceOptions.SectionName),
            Summariser = LoadSummariser(root),
            BriefTimeZone = FindZone(brief.TimeZone),
            Storage = StorageSettings.Load(root),
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

    /// <summary>Binds a section and validates its data annotations; errors name the key (Section:Property).</summary>
    public static T Bind<T>(IConfiguration root, string section) where T : new()
    {
        T options;
        try
        {
            options = root.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            // "Failed to convert configuration value 'x' at 'Section:Key' to type ..."
            var at = System.Text.RegularExpressions.Regex.Match(e.Message, "at '([^']+)'");
            var key = at.Success ? at.Groups[1].Value : section;
            throw new ConfigurationException(AppSettingsFile, key, $"{e.Message.TrimEnd('.')} (check the value in {AppSettingsFile} or the {EnvironmentPrefix}{key.Replace(":", "__")} environment variable)");
        }
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            var first = results[0];
            var member = first.MemberNames.FirstOrDefault() ?? "";
            throw new ConfigurationException(AppSettingsFile, $"{section}:{member}", first.ErrorMessage ?? "invalid value");
        }
        return options;
    }

    /// <summary>The summariser settings; every problem names its key (e.g. Summariser:Endpoint).</summary>
    private static SummariserOptions LoadSummariser(IConfiguration root)
    {
        var options = Bind<SummariserOptions>(root, SummariserOptions.SectionName);
        var errors = options.Validate();
        if (errors.Count > 0) throw new ConfigurationException(AppSettingsFile, errors[0].Split(' ')[0], errors[0]);
        return options;
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ConfigurationException(AppSettingsFile, $"{BriefOptions.SectionName}:TimeZone", $"'{id}' is not a known IANA time zone (e.g. Europe/London)");
        }
    }
}
