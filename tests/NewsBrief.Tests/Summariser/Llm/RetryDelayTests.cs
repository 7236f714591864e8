using NewsBrief.Summariser.Llm;

namespace NewsBrief.Tests.Summariser.Llm;

public sealed class RetryDelayTests
{
    [Fact]
    public void For_WithoutRetryAfter_DoublesFromTheBase() =>
        Assert.Equal([2, 4, 8], new[] { 1, 2, 3 }.Select(r => RetryDelay.For(r, TimeSpan.FromSeconds(2), null).TotalSeconds));

    [Fact]
    public void For_WithRetryAfter_UsesIt() =>
        Assert.Equal(TimeSpan.FromSeconds(7), RetryDelay.For(3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(7)));
}
