using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace NewsBrief.Core.Configuration;

/// <summary>
/// The data annotations of an options class (<c>[Range]</c>, <c>[Required]</c>, ...), each failure written
/// "Section:Member: message" rather than the framework's "DataAnnotation validation failed for ...".
/// </summary>
public sealed class SectionAnnotationsValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(results.Select(r => $"{section}:{r.MemberNames.FirstOrDefault() ?? "(section)"}: {r.ErrorMessage ?? "invalid value"}"));
    }
}
