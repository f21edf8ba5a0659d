using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeGen.Benchmarks.Baseline;

// Hand-written DTOs as a hand-rolled integration would write them: the fields the canned payloads carry, typed
// as TE documents them, nothing else.

/// <summary>A TE user reference.</summary>
public sealed class RawOwner
{
    [JsonPropertyName("id")] public long? Id { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("username")] public string? Username { get; set; }
    [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
}

/// <summary>A contact group reference.</summary>
public sealed class RawGroup
{
    [JsonPropertyName("id")] public long? Id { get; set; }
    [JsonPropertyName("group_name")] public string? GroupName { get; set; }
}

/// <summary>An id of the contact in another system.</summary>
public sealed class RawExternalId
{
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
}

/// <summary>A custom field value.</summary>
public sealed class RawCustomField
{
    [JsonPropertyName("field_name")] public string? FieldName { get; set; }
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
}

/// <summary>Contact preferences.</summary>
public sealed class RawPreferences
{
    [JsonPropertyName("is_silenced")] public bool? IsSilenced { get; set; }
}

/// <summary>A contact as TE returns it.</summary>
public sealed class RawContact
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("last_name")] public string? LastName { get; set; }
    [JsonPropertyName("nickname")] public string? Nickname { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("email_work")] public string? EmailWork { get; set; }
    [JsonPropertyName("phone_cell")] public string? PhoneCell { get; set; }
    [JsonPropertyName("phone_home")] public string? PhoneHome { get; set; }
    [JsonPropertyName("phone_office")] public string? PhoneOffice { get; set; }
    [JsonPropertyName("address")] public string? Address { get; set; }
    [JsonPropertyName("address_2")] public string? Address2 { get; set; }
    [JsonPropertyName("city")] public string? City { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("zip_code")] public string? ZipCode { get; set; }
    [JsonPropertyName("employer_name")] public string? EmployerName { get; set; }
    [JsonPropertyName("employer_address")] public string? EmployerAddress { get; set; }
    [JsonPropertyName("employer_city")] public string? EmployerCity { get; set; }
    [JsonPropertyName("employer_state")] public string? EmployerState { get; set; }
    [JsonPropertyName("employer_zip")] public string? EmployerZip { get; set; }
    [JsonPropertyName("license_number")] public string? LicenseNumber { get; set; }
    [JsonPropertyName("birthday")] public DateOnly? Birthday { get; set; }
    [JsonPropertyName("close_date")] public DateTimeOffset? CloseDate { get; set; }
    [JsonPropertyName("creation_date")] public DateTimeOffset? CreationDate { get; set; }
    [JsonPropertyName("last_contacted_date")] public DateTimeOffset? LastContactedDate { get; set; }
    [JsonPropertyName("credit_score")] public string? CreditScore { get; set; }
    [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("ok_to_call")] public bool? OkToCall { get; set; }
    [JsonPropertyName("ok_to_email")] public bool? OkToEmail { get; set; }
    [JsonPropertyName("ok_to_mail")] public bool? OkToMail { get; set; }
    [JsonPropertyName("linkedin_url")] public string? LinkedinUrl { get; set; }
    [JsonPropertyName("referred_by")] public string? ReferredBy { get; set; }
    [JsonPropertyName("preferences")] public RawPreferences? Preferences { get; set; }
    [JsonPropertyName("owner")] public RawOwner? Owner { get; set; }
    [JsonPropertyName("contact_groups")] public List<RawGroup>? ContactGroups { get; set; }
    [JsonPropertyName("external_ids")] public List<RawExternalId>? ExternalIds { get; set; }
    [JsonPropertyName("custom")] public List<RawCustomField>? Custom { get; set; }
    [JsonPropertyName("internal_created_at")] public DateTimeOffset? InternalCreatedAt { get; set; }
    [JsonPropertyName("internal_updated_at")] public DateTimeOffset? InternalUpdatedAt { get; set; }
}

/// <summary>Paging links (page numbers).</summary>
public sealed class RawLinks
{
    [JsonPropertyName("first")] public int First { get; set; }
    [JsonPropertyName("last")] public int Last { get; set; }
    [JsonPropertyName("next")] public int? Next { get; set; }
    [JsonPropertyName("prev")] public int? Prev { get; set; }
}

/// <summary>One page of contacts.</summary>
public sealed class RawContactPage
{
    [JsonPropertyName("items")] public List<RawContact> Items { get; set; } = [];
    [JsonPropertyName("links")] public RawLinks? Links { get; set; }
}

/// <summary>The body of a contact create.</summary>
public sealed class RawNewContact
{
    [JsonPropertyName("source")] public required string Source { get; set; }
    [JsonPropertyName("first_name")] public required string FirstName { get; set; }
    [JsonPropertyName("last_name")] public required string LastName { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("phone_cell")] public string? PhoneCell { get; set; }
    [JsonPropertyName("ok_to_email")] public bool? OkToEmail { get; set; }
    [JsonPropertyName("owner")] public RawOwner? Owner { get; set; }
    [JsonPropertyName("contact_groups")] public List<RawGroup>? ContactGroups { get; set; }
}

/// <summary>TE's reply to a create.</summary>
public sealed class RawCreateResult
{
    [JsonPropertyName("created")] public string? Created { get; set; }
    [JsonPropertyName("duplicate")] public string? Duplicate { get; set; }
    [JsonPropertyName("id")] public long Id { get; set; }
}

/// <summary>One allowed answer of a choice question.</summary>
public sealed class RawChoiceAnswer
{
    [JsonPropertyName("value")] public string? Value { get; set; }
    [JsonPropertyName("system_name")] public string? SystemName { get; set; }
    [JsonPropertyName("sort_order")] public int? SortOrder { get; set; }
}

/// <summary>A survey question.</summary>
public sealed class RawSurveyQuestion
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("question_text")] public string? QuestionText { get; set; }
    [JsonPropertyName("system_name")] public string? SystemName { get; set; }
    [JsonPropertyName("data_type")] public string? DataType { get; set; }
    [JsonPropertyName("sort_order")] public int? SortOrder { get; set; }
    [JsonPropertyName("possible_choice_answers")] public List<RawChoiceAnswer>? PossibleChoiceAnswers { get; set; }
}

/// <summary>A survey with its questions.</summary>
public sealed class RawSurvey
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("survey_name")] public string? SurveyName { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("version")] public string? Version { get; set; }
    [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
    [JsonPropertyName("internal_created_at")] public DateTimeOffset? InternalCreatedAt { get; set; }
    [JsonPropertyName("questions")] public List<RawSurveyQuestion>? Questions { get; set; }
}
