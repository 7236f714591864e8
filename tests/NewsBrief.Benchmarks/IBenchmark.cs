namespace NewsBrief.Benchmarks;

/// <summary>One benchmark or evaluation of the harness, found by reflection and run by name.</summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line (<c>dotnet run --project tests/NewsBrief.Benchmarks -- NAME</c>).</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Runs with the remaining arguments; prints its figures as tables; returns the exit code.</summary>
    Task<int> RunAsync(string[] args);
}
