namespace NewsBrief.Tests.Support;

/// <summary>A fact that needs the test PostgreSQL (<see cref="TestPostgres"/>); skipped, saying why, when it does not answer.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason) Skip = reason;
    }
}
