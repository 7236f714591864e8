using System.Text.RegularExpressions;

namespace NewsBrief.Core.Configuration;

/// <summary>
/// <c>${NAME}</c> in a sources.json value (a cookie or header that carries a credential) stands for the environment
/// variable NAME, so the secret stays out of the file. Expanded when a request is made, never written back.
/// </summary>
public static partial class EnvironmentReferences
{
    /// <summary>The value with every reference replaced; <paramref name="missing"/> names the first unset variable.</summary>
    public static string Expand(string value, out string? missing)
    {
        string? absent = null;
        var expanded = Reference().Replace(value, m =>
        {
            var found = Environment.GetEnvironmentVariable(m.Groups[1].Value);
            if (string.IsNullOrEmpty(found)) absent ??= m.Groups[1].Value;
            return found ?? "";
        });
        missing = absent;
        return expanded;
    }

    /// <summary>The value with every reference replaced (unset variables become empty; the catalogue refuses them at load).</summary>
    public static string Expand(string value) => Expand(value, out _);

    /// <summary>True when the value names at least one variable, i.e. is a secret kept in the environment.</summary>
    public static bool HasReference(string value) => Reference().IsMatch(value);

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]{0,127})\}")]
    private static partial Regex Reference();
}
