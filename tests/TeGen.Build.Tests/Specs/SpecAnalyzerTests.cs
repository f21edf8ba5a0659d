using TeGen.Build.Specs;

namespace TeGen.Build.Tests.Specs;

public class SpecAnalyzerTests
{
    private const string File = "/specs/api.yaml";

    private const string Untyped = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /v1/leads:
            get:
              operationId: ListLeads
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      example: {type: strnig, id: 1}
            post:
              operationId: CreateLead
              responses:
                '201': {$ref: '#/components/responses/Created'}
            delete:
              responses:
                '204': {description: Gone}
          /v1/leads/{id}:
            get:
              operationId: GetLead
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: {type: object, properties: {name: {type: strnig}}}
        components:
          responses:
            Created:
              description: Created
              content:
                application/json:
                  example: {id: 1}
          securitySchemes:
            oauth: {type: oauth2, flows: {}}
        """;

    [Fact]
    public void Each_operation_with_content_but_no_schema_is_reported_once_at_its_method()
    {
        var analysis = Analyze(Untyped);

        var untyped = analysis.Diagnostics.Where(d => d.Code == SpecDiagnosticCodes.UntypedOperation).ToList();
        Assert.Equal(
            [
                $"{File}(5,5): TeGen warning TEGEN010: Operation 'ListLeads' (GET /v1/leads) has no response schema: the generated method returns Task and discards the response body. Add a schema to its success response.",
                $"{File}(13,5): TeGen warning TEGEN010: Operation 'CreateLead' (POST /v1/leads) has no response schema: the generated method returns Task and discards the response body. Add a schema to its success response.",
            ],
            untyped.Select(d => d.ToMSBuildFormat()));
        Assert.False(analysis.HasErrors);
    }

    [Fact]
    public void Operations_without_a_usable_operationId_are_listed_with_the_method_name_they_get()
    {
        var analysis = Analyze("""
            openapi: 3.0.3
            info: { title: Things, version: "1" }
            paths:
              /v1/things:
                get:
                  operationId: ListThings
                  responses: { "204": { description: none } }
                post:
                  operationId: create-thing!
                  responses: { "204": { description: none } }
                delete:
                  responses: { "204": { description: none } }
            """);

        Assert.Equal(
            [
                new SpecOperationName("POST", "/v1/things", "create-thing!", "CreateThing", 9),
                new SpecOperationName("DELETE", "/v1/things", null, "DeleteV1Things", 11),
            ],
            analysis.OperationNames);
    }

    [Fact]
    public void Untyped_operations_can_be_errors()
    {
        var analysis = Analyze(Untyped, new SpecAnalysisOptions { UntypedOperationsAsErrors = true });

        Assert.True(analysis.HasErrors);
        Assert.All(analysis.Diagnostics.Where(d => d.Code == SpecDiagnosticCodes.UntypedOperation), d => Assert.Equal(SpecDiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void An_unknown_schema_type_is_reported_at_its_value_but_not_inside_examples_or_security_schemes()
    {
        var types = Analyze(Untyped).Diagnostics.Where(d => d.Code == SpecDiagnosticCodes.UnknownSchemaType).ToList();

        var single = Assert.Single(types);
        Assert.Equal((28, 64), (single.Line, single.Column));
        Assert.Contains("'strnig'", single.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_is_an_invalid_spec_at_the_line_where_reading_stopped()
    {
        var analysis = Analyze("openapi: 3.0.3\ninfo: {title: Pets\npaths: {}\n");

        var error = Assert.Single(analysis.Diagnostics);
        Assert.Equal(SpecDiagnosticCodes.InvalidSpec, error.Code);
        Assert.Equal(SpecDiagnosticSeverity.Error, error.Severity);
        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.StartsWith("The OpenAPI description is invalid: the YAML starting here cannot be read", error.Message, StringComparison.Ordinal);
        Assert.False(analysis.NeedsNormalizedCopy);
    }

    [Fact]
    public void A_reference_to_nothing_is_an_invalid_spec_at_the_line_using_it()
    {
        var analysis = Analyze("""
            openapi: 3.0.3
            paths:
              /a:
                get:
                  responses:
                    '200': {$ref: '#/components/responses/Nope'}
            """);

        var error = Assert.Single(analysis.Diagnostics);
        Assert.Equal($"{File}(6,23): TeGen error TEGEN001: The OpenAPI description is invalid: Could not resolve the path '#/components/responses/Nope'.", error.ToMSBuildFormat());
    }

    [Fact]
    public void Repeated_operation_ids_are_numbered_and_reported_with_the_first_line()
    {
        var analysis = Analyze("""
            openapi: 3.0.3
            paths:
              /a:
                get: {operationId: search, responses: {'204': {description: x}}}
              /b:
                get: {operationId: Search, responses: {'204': {description: x}}}
            """);

        var warning = Assert.Single(analysis.Diagnostics);
        Assert.Equal($"{File}(6,24): TeGen warning TEGEN012: operationId 'Search' is also used at line 4: this operation's method is named Search2.", warning.ToMSBuildFormat());
        Assert.Contains("operationId: \"Search2\"", Normalized(analysis), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_become_identifiers_in_the_copy_while_wire_names_stay()
    {
        var analysis = Analyze("""
            openapi: 3.0.3
            tags: [{name: Lead Opportunities (New)}]
            paths:
              /v1/leads/{lead-id}:
                get:
                  tags: [Lead Opportunities (New)]
                  operationId: get-lead
                  parameters:
                    - {name: lead-id, in: path, required: true, schema: {type: integer}}
                    - {name: 'page[number]', in: query, schema: {type: integer}}
                    - {name: first_name, in: query, schema: {type: string}}
                    - {name: sort, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: OK
                      content: {application/json: {schema: {$ref: '#/components/schemas/Lead (New)'}}}
              /v1/other:
                get:
                  responses: {'204': {description: x}}
            components:
              schemas:
                Lead (New):
                  type: object
                  properties: {first_name: {type: string}}
            """);

        Assert.Empty(analysis.Diagnostics);
        Assert.True(analysis.NeedsNormalizedCopy);
        var copy = Normalized(analysis);
        Assert.Contains("tags: [\"LeadOpportunitiesNew\"]", copy, StringComparison.Ordinal);
        Assert.Contains("tags: [{name: \"LeadOpportunitiesNew\"}]", copy, StringComparison.Ordinal);
        Assert.Contains("operationId: \"GetLead\"", copy, StringComparison.Ordinal);
        Assert.Contains("operationId: \"GetV1Other\"", copy, StringComparison.Ordinal);
        Assert.Contains("{name: lead-id, in: path, required: true, schema: {type: integer}, x-originalName: \"leadId\"}", copy, StringComparison.Ordinal);
        Assert.Contains("{name: 'page[number]', in: query, schema: {type: integer}, x-originalName: \"pageNumber\"}", copy, StringComparison.Ordinal);
        Assert.Contains("{name: first_name, in: query, schema: {type: string}, x-originalName: \"firstName\"}", copy, StringComparison.Ordinal);
        Assert.Contains("{name: sort, in: query, schema: {type: string}}", copy, StringComparison.Ordinal);
        Assert.Contains("$ref: \"#/components/schemas/LeadNew\"", copy, StringComparison.Ordinal);
        Assert.Contains("\"LeadNew\":", copy, StringComparison.Ordinal);
        Assert.Contains("/v1/leads/{lead-id}:", copy, StringComparison.Ordinal);
        Assert.Contains("properties: {first_name: {type: string}}", copy, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_names_can_be_left_to_NSwag()
    {
        var analysis = Analyze(
            """
            openapi: 3.0.3
            paths:
              /v1/leads:
                get:
                  operationId: ListLeads
                  parameters: [{name: 'page[number]', in: query, schema: {type: integer}}]
                  responses: {'204': {description: x}}
            """,
            new SpecAnalysisOptions { CamelCaseParameters = false });

        Assert.False(analysis.NeedsNormalizedCopy);
        Assert.Throws<InvalidOperationException>(() => analysis.WriteNormalizedCopy(Path.GetTempFileName()));
    }

    [Fact]
    public void A_spec_referring_to_other_files_is_generated_as_written_with_a_warning()
    {
        var analysis = Analyze("""
            openapi: 3.0.3
            paths:
              /v1/leads:
                get:
                  operationId: list-leads
                  responses: {'200': {$ref: 'common.yaml#/responses/Ok'}}
            """);

        var warning = Assert.Single(analysis.Diagnostics);
        Assert.Equal(SpecDiagnosticCodes.ExternalReferences, warning.Code);
        Assert.Equal($"{File}: TeGen warning TEGEN013: {warning.Message}", warning.ToMSBuildFormat());
        Assert.False(analysis.NeedsNormalizedCopy);
    }

    [Fact]
    public void Swagger_2_examples_without_schema_are_untyped_too()
    {
        var analysis = Analyze("""
            swagger: '2.0'
            paths:
              /v1/leads:
                get:
                  operationId: ListLeads
                  responses:
                    '200': {description: OK, examples: {application/json: {id: 1}}}
            """);

        Assert.Equal(SpecDiagnosticCodes.UntypedOperation, Assert.Single(analysis.Diagnostics).Code);
    }

    private static SpecAnalysis Analyze(string yaml, SpecAnalysisOptions? options = null) =>
        SpecAnalyzer.Analyze(File, new StringReader(yaml), options ?? new SpecAnalysisOptions());

    private static string Normalized(SpecAnalysis analysis)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tegen-normalized-{Guid.NewGuid():N}.yaml");
        try
        {
            analysis.WriteNormalizedCopy(path);
            return System.IO.File.ReadAllText(path);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
