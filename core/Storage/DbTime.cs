namespace NewsBrief.Core.Storage;

/// <summary>Times are stored as Unix milliseconds (UTC), so range queries compare integers.</summary>
internal static class DbTime
{
    public static object ToDb(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeMilliseconds() : DBNull.Value;

    public static DateTimeOffset? FromDb(object value) =>
        value is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
