using NewsBrief.Core.Storage;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NewsBrief.Tests.Support;

/// <summary>
/// A fact of a store test class that runs on both providers: the test class is abstract and takes the
/// provider; one derived class per provider, the PostgreSQL one marked <see cref="PostgresStoreAttribute"/>.
/// Its facts skip with <see cref="TestPostgres.SkipReason"/> when no PostgreSQL answers.
/// </summary>
[XunitTestCaseDiscoverer("NewsBrief.Tests.Support.StoreFactDiscoverer", "NewsBrief.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Marks the derived test class that runs its base's <see cref="StoreFactAttribute"/> facts on PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PostgresStoreAttribute : Attribute
{
    public const StorageProvider Provider = StorageProvider.Postgres;
}

/// <summary>Discovers <see cref="StoreFactAttribute"/> facts: on a <see cref="PostgresStoreAttribute"/> class they skip when PostgreSQL is absent.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        testMethod.TestClass.Class.GetCustomAttributes(typeof(PostgresStoreAttribute)).Any()
            ? new PostgresStoreTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
}

/// <summary>A fact on PostgreSQL: skipped, saying why, when the test server does not answer.</summary>
public sealed class PostgresStoreTestCase : XunitTestCase
{
    [Obsolete("for deserialization only")]
    public PostgresStoreTestCase() { }

    public PostgresStoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method) { }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) => TestPostgres.SkipReason ?? base.GetSkipReason(factAttribute);
}
