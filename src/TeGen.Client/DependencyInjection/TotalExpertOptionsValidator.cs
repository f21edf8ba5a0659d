using Microsoft.Extensions.Options;
using TeGen.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Validates <see cref="TotalExpertClientOptions"/> for the options system (and so for <c>ValidateOnStart</c>).</summary>
internal sealed class TotalExpertOptionsValidator : IValidateOptions<TotalExpertClientOptions>
{
    public ValidateOptionsResult Validate(string? name, TotalExpertClientOptions options) =>
        options.Problem() is { } problem
            ? ValidateOptionsResult.Fail(TotalExpertClientOptions.Invalid(problem.Setting, problem.Message).Message)
            : ValidateOptionsResult.Success;
}
