using Microsoft.OpenApi;

namespace TeGen.Spec.Tests;

/// <summary>Structural rules the authored spec must keep so that generated clients stay typed and stable.</summary>
public class SpecShapeTests
{
    /// <summary>The operations TeGen's spec promises (resource, operationId); adding one is a deliberate change here.</summary>
    public static readonly string[] ExpectedOperationIds =
    [
        "RequestToken", "GetHeartbeat", "GetTeapot",
        "ListContacts", "GetContact", "CreateContact", "UpdateContact", "DeleteContact",
        "ListContactGroups", "GetContactGroup", "CreateContactGroup", "UpdateContactGroup", "DeleteContactGroup",
        "ListContactSurveys", "GetContactSurvey", "CreateContactSurvey", "UpdateContactSurvey",
        "ListContactSurveyResponses", "GetContactSurveyResponse", "CreateContactSurveyResponse",
        "ListInsights", "GetInsight", "CreateInsight", "ListInsightTypes",
        "ListContactNotes", "GetContactNote", "CreateContactNote", "UpdateContactNote", "DeleteContactNote",
        "ListUsers", "GetUser", "ListCustomFieldSchema", "ListParticipantRoleSchema",
        "ListLoanTypes", "GetLoanType", "CreateLoanType",
        "ListLoanStatuses", "GetLoanStatus", "CreateLoanStatus",
        "ListLoanPurposes", "GetLoanPurpose", "CreateLoanPurpose",
        "ListLoanPrograms", "GetLoanProgram", "CreateLoanProgram",
        "ListAccounts", "GetAccount", "CreateAccount", "UpdateAccount",
        "ListAccountTypes", "GetAccountType", "CreateAccountType", "UpdateAccountType",
        "ListAccountStatuses", "GetAccountStatus", "CreateAccountStatus", "UpdateAccountStatus",
        "ListAccountClassifications",
        "ListScenarios", "GetScenario", "CreateScenario", "UpdateScenario", "DeleteScenario",
        "ListLoans", "GetLoan", "CreateLoan", "UpdateLoan", "DeleteLoan",
        "ListLeadOpportunities", "GetLeadOpportunity", "CreateLeadOpportunity", "UpdateLeadOpportunity",
        "CreateAlmLead", "GetAlmLead", "UpdateAlmLead",
        "ListWebhookActions", "ListWebhookSubscriptions", "GetWebhookSubscription", "CreateWebhookSubscription", "UpdateWebhookSubscription", "DeleteWebhookSubscription",
        "CreateUser", "UpdateUser", "UploadUserImage",
        "ListUserRoles", "GetUserRole", "GetRolePermissions", "ListPermissions", "GetPermission",
        "ListTeams", "GetTeam", "CreateTeam", "UpdateTeam", "DeleteTeam",
        "ListEntities", "GetEntity", "CreateEntity", "UpdateEntity", "DeleteEntity", "ListEntityRelationshipTypes",
        "ListContactRecruits", "GetContactRecruit", "CreateContactRecruit", "UpdateContactRecruit", "DeleteContactRecruit",
        "ListContactRecruitStatuses", "ListContactRecruitMetrics", "ListContactRecruitMetricUnits",
        "ListCampaigns", "GetCampaign", "CreateCampaign",
        "ListCampaignActivities", "GetCampaignActivity", "CreateCampaignActivity", "DeleteCampaignActivity",
        "ListChannels", "ListWlpAccessTypes", "ListEmailDomains",
        "ListEmailUnsubscribes", "GetEmailUnsubscribe", "CreateEmailUnsubscribe",
        "OptInSms", "OptOutSms",
        "ListActivities", "GetActivity",
        "UpdateContactByFields", "GetArchivedEmail", "RenderEmailTemplate",
    ];

    [Fact]
    public void Spec_parses_without_errors_or_warnings()
    {
        var diagnostic = SpecDocument.Read.Diagnostic;
        Assert.NotNull(SpecDocument.Read.Document);
        Assert.Empty(diagnostic?.Errors ?? []);
        Assert.Empty(diagnostic?.Warnings ?? []);
        Assert.StartsWith("3.0", diagnostic?.SpecificationVersion.ToString().Replace("OpenApi", "").Replace('_', '.'));
    }

    [Fact]
    public void Spec_passes_the_OpenApi_validation_rules()
    {
        var errors = SpecDocument.Document.Validate(ValidationRuleSet.GetDefaultRuleSet());
        Assert.Empty(errors ?? []);
    }

    [Fact]
    public void Operation_ids_are_present_and_unique()
    {
        var ids = SpecDocument.Operations.Select(o => o.Operation.OperationId).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        var duplicates = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Spec_holds_exactly_the_promised_operations()
    {
        var actual = SpecDocument.Operations.Select(o => o.Operation.OperationId!).Order().ToList();
        var expected = ExpectedOperationIds.Order().ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_operation_has_one_declared_tag_and_a_description()
    {
        var declared = SpecDocument.Document.Tags?.Select(t => t.Name).ToHashSet() ?? [];
        Assert.All(SpecDocument.Operations, o =>
        {
            var tag = Assert.Single(o.Operation.Tags ?? new HashSet<OpenApiTagReference>());
            Assert.Contains(tag.Name, declared);
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.Summary), $"{o.Operation.OperationId} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.Description), $"{o.Operation.OperationId} has no description");
        });
    }

    [Fact]
    public void Every_request_body_is_a_named_component_schema()
    {
        foreach (var (_, _, operation) in SpecDocument.Operations.Where(o => o.Operation.RequestBody is not null))
        {
            // A raw upload (an image) is described inline as `format: binary`: NSwag reads an inline binary schema as
            // a stream to send (a FileParameter), a $ref to one as JSON to serialize.
            if (SpecDocument.JsonSchema(operation.RequestBody!.Content) is null
                && operation.RequestBody.Content!.Values.All(media => media.Schema?.Format == "binary"))
            {
                continue;
            }

            var schema = SpecDocument.JsonSchema(operation.RequestBody!.Content);
            Assert.True(SpecDocument.ReferenceId(schema) is not null,
                $"{operation.OperationId}: the request body needs a $ref to a component schema");
        }
    }

    [Fact]
    public void Every_response_with_a_body_uses_a_named_component_schema_and_every_success_has_one()
    {
        foreach (var (_, _, operation) in SpecDocument.Operations)
        {
            var responses = operation.Responses ?? [];
            // GET /v1/teapot is TE's credentials check: its only documented answer is 418.
            Assert.Contains(responses.Keys, status => SpecDocument.IsSuccess(status) || status == "418");
            foreach (var (status, response) in responses)
            {
                var schema = SpecDocument.JsonSchema(response.Content);
                if (SpecDocument.IsSuccess(status) || status == "418")
                {
                    Assert.True(schema is not null, $"{operation.OperationId} {status}: a success needs a JSON schema, not only an example");
                }

                if (schema is not null)
                {
                    Assert.True(SpecDocument.ReferenceId(schema) is not null,
                        $"{operation.OperationId} {status}: the body schema must be a $ref to a component");
                }
            }
        }
    }

    [Fact]
    public void Every_list_operation_returns_the_shared_paging_envelope_and_takes_the_paging_parameters()
    {
        var lists = SpecDocument.Operations.Where(o => o.Operation.OperationId!.StartsWith("List", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lists);
        foreach (var (_, method, operation) in lists)
        {
            Assert.Equal(HttpMethod.Get, method);
            var page = SpecDocument.JsonSchema(operation.Responses!["200"].Content);
            Assert.NotNull(page);
            var allOf = page!.AllOf ?? [];
            Assert.Contains(allOf, part => SpecDocument.ReferenceId(part) == "PagedResponse");
            var items = allOf.Select(part => part.Properties is { } properties && properties.TryGetValue("items", out var items) ? items : null).SingleOrDefault(p => p is not null);
            Assert.True(items is not null, $"{operation.OperationId}: the page schema needs an items array");
            Assert.Equal(JsonSchemaType.Array, items!.Type & JsonSchemaType.Array);
            Assert.NotNull(SpecDocument.ReferenceId(items.Items));

            var parameters = (operation.Parameters ?? []).Select(p => p.Name).ToList();
            Assert.Contains("page[number]", parameters);
            Assert.Contains("page[size]", parameters);
        }
    }

    [Fact]
    public void Paging_envelope_has_links_with_page_numbers()
    {
        var schemas = SpecDocument.Document.Components!.Schemas!;
        var envelope = schemas["PagedResponse"];
        Assert.Contains("links", envelope.Required ?? new HashSet<string>());
        Assert.DoesNotContain("items", envelope.Properties!.Keys);
        var links = schemas["PageLinks"].Properties!;
        Assert.All(new[] { "first", "last", "next", "prev" }, name => Assert.Equal(JsonSchemaType.Integer, links[name].Type & JsonSchemaType.Integer));
    }

    [Theory]
    [InlineData("CreateResult", "created", "duplicate", "id")]
    [InlineData("HexCreateResult", "created", "duplicate", "id")]
    [InlineData("ErrorResponse", "error")]
    [InlineData("OAuthError", "error", "error_description")]
    [InlineData("OwnerRef", "id", "email", "username", "external_id")]
    [InlineData("InsightOwnerRef", "id", "username", "external_id")]
    [InlineData("ContactRef", "id", "first_name", "last_name", "email", "source")]
    [InlineData("ContactGroupRef", "id", "group_name")]
    [InlineData("InsightTypeRef", "id", "type")]
    [InlineData("SurveyRef", "id")]
    [InlineData("QuestionRef", "id")]
    [InlineData("AccountClassRef", "id", "class_name", "class_type")]
    [InlineData("AccountTypeRef", "id", "account_type")]
    [InlineData("AccountStatusRef", "id", "account_status")]
    public void Shared_schemas_are_defined_once_with_their_fields(string name, params string[] fields)
    {
        var schema = SpecDocument.Document.Components!.Schemas![name];
        Assert.Equal(fields.Order(), schema.Properties!.Keys.Order());
    }

    [Theory]
    [InlineData("NewInsight")]
    [InlineData("NewScenario")]
    [InlineData("Scenario")]
    public void Insight_and_scenario_owners_cannot_be_named_by_email(string schema)
    {
        var body = SpecDocument.Document.Components!.Schemas![schema];
        var owner = AllProperties(body)["owner"];
        Assert.Equal("InsightOwnerRef", SpecDocument.ReferenceId(owner));
    }

    [Theory]
    [InlineData("CreateLoanType", "NewLoanType", "loan_type")]
    [InlineData("CreateLoanStatus", "NewLoanStatus", "loan_status")]
    [InlineData("CreateLoanPurpose", "NewLoanPurpose", "loan_purpose")]
    [InlineData("CreateLoanProgram", "NewLoanProgram", "loan_program")]
    [InlineData("CreateAccountType", "NewAccountType", "account_type")]
    [InlineData("CreateAccountStatus", "NewAccountStatus", "account_status")]
    public void Lending_lookups_are_unique_by_their_name_so_their_creates_are_deduplicated(string operationId, string body, string name)
    {
        var operation = SpecDocument.Operations.Single(o => o.Operation.OperationId == operationId).Operation;
        Assert.True(operation.Extensions!.ContainsKey("x-te-deduplicated"));
        Assert.Contains("200", operation.Responses!.Keys);
        Assert.Contains($"`{name}`", operation.Description);
        Assert.Contains(name, RequiredMemberTests.RequiredJsonMembers(SpecDocument.Document.Components!.Schemas![body]));
    }

    [Theory]
    [InlineData("CreateContact")]
    [InlineData("CreateContactGroup")]
    [InlineData("CreateContactNote")]
    [InlineData("CreateContactSurveyResponse")]
    [InlineData("CreateInsight")]
    [InlineData("CreateScenario")]
    [InlineData("CreateLoan")]
    [InlineData("CreateContactRecruit")]
    public void Creates_that_need_an_owner_as_Admin_say_so(string operationId)
    {
        var operation = SpecDocument.Operations.Single(o => o.Operation.OperationId == operationId).Operation;
        Assert.Contains("Admin", operation.Description);
        Assert.Contains("owner", operation.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_lead_operation_names_its_family_and_no_other_operation_does()
    {
        foreach (var (path, _, operation) in SpecDocument.Operations)
        {
            var family = operation.Extensions?.TryGetValue("x-te-lead-family", out var value) == true && value is JsonNodeExtension node
                ? node.Node.GetValue<string>()
                : null;
            var expected = path.StartsWith("/v1/lead-opportunities", StringComparison.Ordinal) ? "lead-opportunities"
                : path.StartsWith("/v1/leads", StringComparison.Ordinal) ? "alm-leads"
                : null;
            Assert.True(expected == family, $"{operation.OperationId}: x-te-lead-family is {family ?? "absent"}");
        }
    }

    [Fact]
    public void No_model_property_declares_a_default()
    {
        // A declared default becomes a C# initializer, which the client then sends on every PATCH,
        // silently resetting the field on TE.
        foreach (var (name, schema) in SpecDocument.Document.Components!.Schemas!)
        {
            foreach (var (property, propertySchema) in AllProperties(schema))
            {
                Assert.True(propertySchema.Default is null, $"{name}.{property} declares a default");
            }
        }
    }

    [Fact]
    public void Errors_are_typed_bodies()
    {
        foreach (var (_, _, operation) in SpecDocument.Operations)
        {
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status is "400" or "401" or "422")
                {
                    var id = SpecDocument.ReferenceId(SpecDocument.JsonSchema(response.Content));
                    Assert.True(id is "ErrorResponse" or "OAuthError", $"{operation.OperationId} {status} answers {id ?? "no schema"}");
                }
            }
        }
    }

    /// <summary>The properties of a schema including those it inherits through allOf.</summary>
    private static Dictionary<string, IOpenApiSchema> AllProperties(IOpenApiSchema schema)
    {
        var result = new Dictionary<string, IOpenApiSchema>();
        foreach (var part in schema.AllOf ?? [])
        {
            foreach (var (name, property) in AllProperties(part))
            {
                result[name] = property;
            }
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            result[name] = property;
        }

        return result;
    }
}
