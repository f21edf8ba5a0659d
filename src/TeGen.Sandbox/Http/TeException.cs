namespace TeGen.Sandbox;

// Rule checks sit deep inside handlers; throwing the finished answer keeps each handler a straight line.
internal sealed class TeException(TeReply reply) : Exception(reply.Body["error"]?.ToString())
{
    public TeReply Reply { get; } = reply;

    public TeException(int status, string message)
        : this(TeReply.Error(status, message))
    {
    }

    public static TeException Relationship(string name) =>
        new(StatusCodes.Status422UnprocessableEntity, $"Unable to find target for relationship: '{name}'");

    public static TeException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
}
