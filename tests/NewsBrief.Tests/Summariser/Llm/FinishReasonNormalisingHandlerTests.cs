using NewsBrief.Summariser.Llm;

namespace NewsBrief.Tests.Summariser.Llm;

public sealed class FinishReasonNormalisingHandlerTests
{
    [Theory]
    [InlineData("\"eos\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("\"end_turn\"")]
    public void Normalise_RewritesUnknownReasonsToStop(string reason)
    {
        var fixedBody = FinishReasonNormalisingHandler.Normalise($$"""{"choices":[{"index":0,"finish_reason":{{reason}}}]}""");

        Assert.Equal("""{"choices":[{"index":0,"finish_reason":"stop"}]}""", fixedBody);
    }

    [Theory]
    [InlineData("""{"choices":[{"finish_reason":"length"}]}""")]
    [InlineData("""{"choices":[{"message":{}}]}""")]
    [InlineData("not json")]
    public void Normalise_LeavesKnownMissingOrUnreadableAlone(string body) =>
        Assert.Null(FinishReasonNormalisingHandler.Normalise(body));
}
