using NewsBrief.Summariser.Llm;

namespace NewsBrief.Tests.Summariser.Llm;

public sealed class SummariserOptionsTests
{
    [Fact]
    public void Validator_Defaults_AreValidAndExtractive()
    {
        var options = new SummariserOptions();

        Assert.Empty(SummariserOptionsValidator.Failures(options));
        Assert.False(options.UsesModel);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Timeout);
        Assert.Equal(2, options.MaxRetries);
    }

    [Fact]
    public void Validator_WhenEndpointMissingForCompatible_NamesTheKey() =>
        Assert.Contains("Summariser:Endpoint: required when Summariser:Provider is openai-compatible",
            SummariserOptionsValidator.Failures(new SummariserOptions { Provider = "openai-compatible", Model = "m" }));

    [Fact]
    public void Validator_WhenProviderIsMisspelt_ListsTheValidOnes()
    {
        var error = Assert.Single(SummariserOptionsValidator.Failures(new SummariserOptions { Provider = "olama" }));

        Assert.Equal("Summariser:Provider: 'olama' is not known; valid providers: extractive, openai, azure-openai, openai-compatible", error);
    }

    [Theory]
    [InlineData("localhost:11434/v1")]
    [InlineData("ftp://host/v1")]
    [InlineData("/v1")]
    public void Validator_WhenEndpointIsNotAbsoluteHttp_SaysSo(string endpoint) =>
        Assert.Contains(SummariserOptionsValidator.Failures(new SummariserOptions { Provider = "openai-compatible", Model = "m", Endpoint = endpoint }),
            e => e.StartsWith("Summariser:Endpoint", StringComparison.Ordinal) && e.Contains("absolute http"));

    [Fact]
    public void Validator_ReportsEveryBadKey()
    {
        var errors = SummariserOptionsValidator.Failures(new SummariserOptions
        {
            Provider = "openai", Timeout = TimeSpan.Zero, MaxRetries = -1, Temperature = 3,
        });

        Assert.Contains(errors, e => e.StartsWith("Summariser:Model", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Summariser:ApiKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Summariser:Timeout", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Summariser:MaxRetries", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Summariser:Temperature", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_NeverShowsTheApiKey()
    {
        var options = new SummariserOptions { Provider = "openai", Model = "gpt-4o-mini", ApiKey = "sk-very-secret-123" };

        Assert.DoesNotContain("sk-very-secret-123", options.ToString());
        Assert.Contains("ApiKey = ***", options.ToString());
    }

    [Fact]
    public void KernelFactory_WhenOptionsAreBad_ThrowsNamingTheKeyWithoutTheSecret()
    {
        var e = Assert.Throws<ArgumentException>(() => SummariserKernelFactory.Create(
            new SummariserOptions { Provider = "openai-compatible", Model = "m", ApiKey = "sk-very-secret-123" }));

        Assert.Contains("Summariser:Endpoint", e.Message);
        Assert.DoesNotContain("sk-very-secret-123", e.Message);
    }

    [Fact]
    public void CostEstimate_UsesBothPricesAndIsNullWithoutAny()
    {
        var priced = new SummariserOptions { PromptPricePerMillion = 0.15m, CompletionPricePerMillion = 0.60m };

        Assert.Equal(0.00021m, CostEstimate.For(1000, 100, priced));
        Assert.Null(CostEstimate.For(1000, 100, new SummariserOptions()));
    }
}
