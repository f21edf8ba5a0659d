namespace TeGen.Sandbox.Replies;

// Rule checks sit deep inside handlers; throwing the finished answer keeps each handler a straight line. Made only by
// TeErrors.
internal sealed class TeException(TeReply reply) : Exception(reply.Body["error"]?.ToString())
{
    public TeReply Reply { get; } = reply;
}
