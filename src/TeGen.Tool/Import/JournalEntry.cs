using System.Text.Json.Serialization;

namespace TeGen.Tool.Import;

/// <summary>One line of the checkpoint journal: a row's new state, or (first line) which input the journal belongs to.</summary>
internal sealed record JournalEntry
{
    // Both left out of the header line, which names the input instead of a row.
    [JsonPropertyName("line")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Line { get; init; }

    [JsonPropertyName("state")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public RowState State { get; init; }

    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Id { get; init; }

    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    [JsonPropertyName("retryable")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Retryable { get; init; }

    [JsonPropertyName("input_sha256")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InputSha256 { get; init; }

    /// <summary>Whether the row needs no further sending: TE answered, or refused it for good.</summary>
    [JsonIgnore]
    public bool IsSettled => State is RowState.Created or RowState.Duplicate || (State == RowState.Failed && !Retryable);
}
