namespace TeGen.Sandbox.Store;

internal sealed class SurveyRecord : HexEntity
{
    public override long? Owner => null;

    // Replaced as a whole on update, so a rejected update leaves the questions as they were.
    public IReadOnlyList<QuestionRecord> Questions { get; set; } = [];
}

internal sealed record QuestionRecord(string Id, string QuestionText, string SystemName, string DataType, long SortOrder, IReadOnlyList<ChoiceRecord> Choices);

internal sealed record ChoiceRecord(string Value, string SystemName, long SortOrder);
