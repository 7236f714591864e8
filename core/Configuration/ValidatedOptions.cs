using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NewsBrief.Core.Configuration;

/// <summary>
/// The one way an options class is read: bound from its section, checked by its data annotations and any
/// <see cref="IValidateOptions{TOptions}"/> registered for it, and validated when the host starts
/// (<c>ValidateOnStart</c>). Every failure reads "Section:Key: reason", so the operator knows what to change.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>
    /// Registers <typeparamref name="T"/> from <paramref name="section"/> of <paramref name="configuration"/>;
    /// also as a plain singleton, the validated value, for constructors that take the record itself.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new SectionAnnotationsValidator<T>(section)));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>()
            .Configure(options => BindSection(configuration.GetSection(section), options))
            .ValidateOnStart();
    }

    /// <summary>Binds, turning the binder's "failed to convert" into a failure that names the key and the value.</summary>
    private static void BindSection<T>(IConfigurationSection section, T options) where T : class
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // "Failed to convert configuration value 'x' at 'Section:Key' to type 'System.TimeSpan'."
            var at = System.Text.RegularExpressions.Regex.Match(e.Message, "value '(?<value>[^']*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'");
            var failure = !at.Success ? $"{section.Path}: {e.Message}"
                : EnumOf<T>(at.Groups["type"].Value) is { } choices
                    ? $"{at.Groups["key"].Value}: '{at.Groups["value"].Value}' is not one of {choices}"
                    : $"{at.Groups["key"].Value}: '{at.Groups["value"].Value}' is not a valid {FriendlyType(at.Groups["type"].Value)}";
            throw new OptionsValidationException(Options.DefaultName, typeof(T), [failure]);
        }
    }

    /// <summary>
    /// When <paramref name="type"/> is the enum of a property of <typeparamref name="T"/>, its names in lowercase, as
    /// "sqlite or postgres" (an alias, a second name for a value, is accepted but not listed); else null.
    /// </summary>
    private static string? EnumOf<T>(string type)
    {
        var found = typeof(T).GetProperties().Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .FirstOrDefault(t => t.IsEnum && t.FullName == type);
        if (found is null) return null;
        var names = found.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .DistinctBy(f => f.GetRawConstantValue()).Select(f => f.Name.ToLowerInvariant()).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }

    private static string FriendlyType(string type) => type switch
    {
        "System.TimeSpan" => "duration (e.g. 00:15:00)",
        "System.Int32" or "System.Int64" => "whole number",
        "System.Double" or "System.Decimal" => "number",
        "System.Boolean" => "true or false",
        "System.Uri" => "URL",
        _ => type.Split('.')[^1],
    };
}
