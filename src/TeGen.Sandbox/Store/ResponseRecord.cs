namespace TeGen.Sandbox.Store;

internal sealed class ResponseRecord : HexEntity
{
    public required long OwnerId { get; init; }

    public override long? Owner => OwnerId;

    public required long ContactId { get; init; }

    public required string SurveyId { get; init; }

    public required IReadOnlyList<Answer> Answers { get; init; }
}

internal sealed record Answer(string QuestionId, string Value);
