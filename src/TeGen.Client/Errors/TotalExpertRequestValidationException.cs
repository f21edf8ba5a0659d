namespace TeGen.Client;

/// <summary>One reason a request was refused before it was sent.</summary>
/// <param name="Field">The TE field (JSON name, dotted for nested members), e.g. <c>owner</c> or <c>question_responses[max_price]</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record RequestProblem(string Field, string Message);

/// <summary>
/// A request TE would reject (or silently misfile) was refused before anything was sent: nothing reached TE, so
/// nothing needs undoing. <see cref="ArgumentException.ParamName"/> and <see cref="Field"/> name the first wrong
/// field; <see cref="Problems"/> lists all of them.
/// </summary>
public sealed class TotalExpertRequestValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that was refused, e.g. <c>CreateContact</c>.</param>
    /// <param name="problems">What is wrong; at least one.</param>
    public TotalExpertRequestValidationException(string operation, IReadOnlyList<RequestProblem> problems)
        : base(Compose(operation, problems), problems[0].Field)
    {
        Operation = operation;
        Problems = problems;
    }

    /// <summary>The refused operation, e.g. <c>CreateContact</c>.</summary>
    public string Operation { get; }

    /// <summary>The first wrong field.</summary>
    public string Field => Problems[0].Field;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RequestProblem> Problems { get; }

    /// <inheritdoc />
    public override string Message => Compose(Operation, Problems);

    private static string Compose(string operation, IReadOnlyList<RequestProblem> problems)
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        var lines = problems.Select(p => $"'{p.Field}': {p.Message}");
        return $"{operation} was not sent to TE. " + string.Join(" ", lines);
    }
}
