using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Configuration;
using NewsBrief.Core.Configuration;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Composition;

/// <summary>
/// One mechanism for every options class: each record with a <c>SectionName</c> in the bot, scrapers and summariser
/// is registered by the composition root with its section's annotations validator and validated on start.
/// </summary>
public sealed class OptionsValidationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static IEnumerable<Type> OptionsClasses() =>
        new[] { typeof(AppConfiguration).Assembly, typeof(NewsBrief.Scrapers.Fetching.FetchOptions).Assembly, typeof(NewsBrief.Summariser.Llm.SummariserOptions).Assembly,
                typeof(NewsBrief.Discord.DiscordOptions).Assembly, typeof(NewsBrief.Core.Storage.StorageOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    [Fact]
    public void EveryOptionsClass_IsBoundAndValidatedOnStart_ByTheCompositionRoot()
    {
        // A Discord token turns the Discord section on; every other section is always there.
        var config = new TestConfigFolder(_dir.File("config")).WriteSettings("""{ "Discord": { "Token": "abc.def" } }""").WriteTopics().WriteSources();
        var services = new ServiceCollection().AddNewsBrief(AppConfiguration.Load(config.Path, _dir.File("data")), TimeProvider.System, new ConsoleOutput(TextWriter.Null, false));

        var classes = OptionsClasses().ToList();
        Assert.True(classes.Count >= 13, $"found only {classes.Count} options classes");
        foreach (var type in classes)
        {
            var validator = typeof(SectionAnnotationsValidator<>).MakeGenericType(type);
            Assert.True(services.Any(d => d.ServiceType == typeof(IValidateOptions<>).MakeGenericType(type) && d.ImplementationInstance?.GetType() == validator),
                $"{type.Name} has no section validator: register it with AddValidatedOptions");
            Assert.True(services.Any(d => d.ServiceType == type), $"{type.Name} is not registered as a plain singleton");
        }
    }

    [Fact]
    public void AFailure_NamesSectionAndKey_NotTheFrameworksWording()
    {
        var result = new SectionAnnotationsValidator<BriefOptions>(BriefOptions.SectionName).Validate(null, new BriefOptions { MaxStories = 0, DailyTime = "8" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Brief:MaxStories: ", StringComparison.Ordinal));
        Assert.Contains("Brief:DailyTime: must be a time of day like 08:00", result.Failures!);
        Assert.DoesNotContain(result.Failures!, f => f.Contains("DataAnnotation", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
