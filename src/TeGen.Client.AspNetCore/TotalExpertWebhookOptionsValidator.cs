using Microsoft.Extensions.Options;

namespace TeGen.Client.AspNetCore;

// Refuses settings the receiver cannot work with at start-up, naming each, never showing a secret.
internal sealed class TotalExpertWebhookOptionsValidator : IValidateOptions<TotalExpertWebhookOptions>
{
    private const int MaxSecretLength = 255;

    public ValidateOptionsResult Validate(string? name, TotalExpertWebhookOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.Secret) || options.Secret.Length > MaxSecretLength)
        {
            failures.Add($"TotalExpert webhooks: Secret is required and at most {MaxSecretLength} characters (it is {options.Secret?.Length ?? 0}).");
        }

        if (options.PreviousSecret is { Length: > MaxSecretLength })
        {
            failures.Add($"TotalExpert webhooks: PreviousSecret is at most {MaxSecretLength} characters.");
        }

        if (options.RotationWindow < TimeSpan.Zero || options.DeduplicationWindow <= TimeSpan.Zero)
        {
            failures.Add("TotalExpert webhooks: RotationWindow must not be negative and DeduplicationWindow must be positive.");
        }

        if (options.QueueCapacity < 1 || options.MaxBodyBytes < 256)
        {
            failures.Add("TotalExpert webhooks: QueueCapacity must be at least 1 and MaxBodyBytes at least 256.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
