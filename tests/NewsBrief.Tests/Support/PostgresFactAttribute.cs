namespace NewsBrief.Tests.Support;

/// <summary>A fact that needs the tests' PostgreSQL server; skipped with <see cref="TestPostgres.SkipReason"/> when none answers.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } why) Skip = why;
    }
}
