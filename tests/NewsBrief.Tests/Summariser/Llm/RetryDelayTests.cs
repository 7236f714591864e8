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

    [Fact]
    public void ParseRetryAfter_ReadsSecondsAndHttpDates()
    {
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(12), RetryDelay.ParseRetryAfter("12", now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryDelay.ParseRetryAfter("Thu, 01 Jan 2026 12:00:30 GMT", now));
        Assert.Null(RetryDelay.ParseRetryAfter("soon", now));
    }
}
