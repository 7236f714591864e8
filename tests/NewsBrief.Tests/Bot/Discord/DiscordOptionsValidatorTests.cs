using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsBrief.Discord;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>Bad Discord settings stop start-up with a message naming the key.</summary>
public sealed class DiscordOptionsValidatorTests
{
    private static readonly DiscordOptions Good = new() { Token = "abc.def.ghi", GuildId = "290926798626357999", AdminRoleIds = ["555"] };

    [Fact]
    public void Validate_GoodOptions_Succeed() =>
        Assert.True(new DiscordOptionsValidator().Validate(null, Good).Succeeded);

    [Theory]
    [InlineData("token", "Discord:Token")]
    [InlineData("bot-prefix", "Discord:Token")]
    [InlineData("guild", "Discord:GuildId")]
    [InlineData("role", "Discord:AdminRoleIds")]
    [InlineData("api", "Discord:ApiBaseUrl")]
    [InlineData("webhook", "Discord:WebhookUrl")]
    public void Validate_ABadValue_FailsNamingTheKey(string what, string key)
    {
        var options = what switch
        {
            "token" => Good with { Token = "" },
            "bot-prefix" => Good with { Token = "Bot abc" },
            "guild" => Good with { GuildId = "my-server" },
            "role" => Good with { AdminRoleIds = ["admins"] },
            "api" => Good with { ApiBaseUrl = "discord.com" },
            _ => Good with { WebhookUrl = "https://example.org/hook" },
        };

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage);
    }

    [Fact]
    public void AddDiscordOptions_BindsTheSectionAndRejectsAMissingTokenOnFirstUse()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:GuildId"] = "123", ["Discord:AdminRoleIds:0"] = "555",
        }).Build();
        using var provider = new ServiceCollection().AddDiscordOptions(config).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:Token", error.Message);
    }

    [Fact]
    public void AddDiscordOptions_BindsEveryKey()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "abc.def", ["Discord:GuildId"] = "123", ["Discord:AdminRoleIds:0"] = "555", ["Discord:UserRateWindow"] = "00:02:00",
        }).Build();
        using var provider = new ServiceCollection().AddDiscordOptions(config).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal(("abc.def", "123", "555", TimeSpan.FromMinutes(2), "https://discord.com/api/v10"),
            (options.Token, options.GuildId, options.AdminRoleIds.Single(), options.UserRateWindow, options.ApiBaseUrl));
    }
}
