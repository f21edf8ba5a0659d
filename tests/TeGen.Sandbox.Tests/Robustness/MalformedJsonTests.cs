using System.Text;
using TeGen.Sandbox.Tests.Support;
using static TeGen.Sandbox.Tests.Robustness.RobustnessAsserts;

namespace TeGen.Sandbox.Tests.Robustness;

// JSON bodies that once got a 500 (text that is not Unicode, members given twice, depth) and other bodies that are not one object.
public sealed class MalformedJsonTests
{
    // Members the bodies of TE's writes start with, so that whatever a handler reads first is the bad value.
    private static readonly string[] Members =
        ["grant_type", "source", "first_name", "last_name", "email", "group_name", "title", "note", "type_id", "survey_name", "questions", "question_responses", "survey", "contact", "type", "owner"];

    public static TheoryData<string> InvalidStrings => new()
    {
        "lone high surrogate",
        "lone low surrogate",
        "reversed surrogates",
        "lone surrogate inside an object",
        "lone surrogate inside an array",
        "lone surrogate in a member name",
        "invalid utf-8 byte",
        "truncated utf-8 sequence",
        "overlong utf-8 sequence",
        "utf-8 encoded surrogate",
        "invalid utf-8 in a member name",
    };

    [Theory]
    [MemberData(nameof(InvalidStrings))]
    public async Task Strings_that_are_not_unicode_get_400_on_every_body_reading_route(string variant)
    {
        await using var api = await TestApi.StartAsync();

        await ExpectOnEveryWriteAsync(api, InvalidString(variant), 400);
    }

    [Theory]
    [InlineData("""{"source":"Web","source":"Web"}""")]
    [InlineData("""{"source":"Web","\u0073ource":"Web"}""")]
    [InlineData("""{"owner":{"username":"jane-doe-acme","username":"john-smith-acme"}}""")]
    [InlineData("""{"questions":[{"system_name":"a","system_name":"b"}]}""")]
    [InlineData("""{"grant_type":"client_credentials","grant_type":"client_credentials"}""")]
    public async Task Duplicate_members_get_400_on_every_body_reading_route(string body)
    {
        await using var api = await TestApi.StartAsync();

        // A JSON object with a member twice has no single meaning (RFC 8259 §4); TE's parser is unknown, so the sandbox refuses it.
        var replies = await ExpectOnEveryWriteAsync(api, Encoding.UTF8.GetBytes(body), 400);

        Assert.All(replies.Where(reply => !reply.Route.Contains("token", StringComparison.Ordinal)),
            reply => Assert.Contains("duplicate", reply.Reply.Error, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("", "application/json")]
    [InlineData("null", "application/json")]
    [InlineData("[]", "application/json")]
    [InlineData("[{}]", "application/json")]
    [InlineData("\"text\"", "application/json")]
    [InlineData("1", "application/json")]
    [InlineData("{} {}", "application/json")]
    [InlineData("{\"a\":1", "application/json; charset=utf-8")]
    [InlineData("\uFEFF{\"a\":1", "application/json")]
    public async Task Empty_null_and_non_object_bodies_get_400_on_every_body_reading_route(string body, string contentType)
    {
        await using var api = await TestApi.StartAsync();

        await ExpectOnEveryWriteAsync(api, Encoding.UTF8.GetBytes(body), 400, contentType);
    }

    [Fact]
    public async Task Nesting_deeper_than_the_parser_allows_gets_400_and_the_deepest_accepted_data_is_served_back()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        string Insight(int depth) =>
            $$"""{"contact":{"id":{{contact}}},"type":{"id":1},"owner":{"id":101},"data":{{string.Concat(Enumerable.Repeat("{\"a\":", depth - 1))}}{}{{new string('}', depth - 1)}}}""";

        (await api.PostAsync("v1/insights", token, Insight(64))).ExpectError(400, "Malformed JSON");
        var id = (await api.PostAsync("v1/insights", token, Insight(63))).Expect(201).Id;

        (await api.GetAsync($"v1/insights/{id}", token)).Expect(200);
        (await api.GetAsync("v1/insights", token)).Expect(200);
        (await api.GetAsync("_sandbox/state", null)).Expect(200);
    }

    private static async Task<List<(string Route, Reply Reply)>> ExpectOnEveryWriteAsync(TestApi api, byte[] body, int status, string contentType = "application/json")
    {
        var token = await api.AdminTokenAsync();
        // A raw upload (an image) reads bytes, not JSON: a JSON body there is 415 (UserWriteTests).
        var routes = api.Sandbox.Routes
            .Where(route => route.Method is "POST" or "PATCH" or "PUT" && route.Pattern.StartsWith("/v1/", StringComparison.Ordinal))
            .Where(route => SpecOperations.Find(route.Method, route.Pattern)?.RequestBody?.Content?.ContainsKey("application/json") != false)
            .ToList();
        var replies = new List<(string, Reply)>();
        foreach (var (method, pattern) in routes)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", "1").TrimStart('/');
            Reply reply;
            if (path == "v1/token")
            {
                using var content = new ByteArrayContent(body);
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                reply = await api.RequestTokenAsync(content);
            }
            else
            {
                reply = await api.SendAsync(new HttpMethod(method), path, token, body, contentType);
            }

            Assert.True(reply.Status == status, $"{method} {pattern}: expected {status}, got {reply.Status}: {reply.Body}");
            AssertTeError(reply);
            replies.Add(($"{method} {pattern}", reply));
        }

        Assert.True(routes.Count >= 10, $"only {routes.Count} body-reading routes found");
        await ExpectStillServingAsync(api);
        return replies;
    }

    private static byte[] InvalidString(string variant)
    {
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        byte[] Quoted(params byte[] bytes) => [(byte)'"', .. Utf8("abc"), .. bytes, (byte)'"'];
        var value = variant switch
        {
            "lone high surrogate" => Utf8("\"a\\ud800b\""),
            "lone low surrogate" => Utf8("\"\\udc00\""),
            "reversed surrogates" => Utf8("\"\\udc00\\ud800\""),
            "lone surrogate inside an object" => Utf8("""{"username":"\ud800","id":"\ud800"}"""),
            "lone surrogate inside an array" => Utf8("""["\ud800",{"system_name":"\ud800"}]"""),
            "invalid utf-8 byte" => Quoted(0xFF),
            "truncated utf-8 sequence" => Quoted(0xC3),
            "overlong utf-8 sequence" => Quoted(0xC0, 0xAF),
            "utf-8 encoded surrogate" => Quoted(0xED, 0xA0, 0x80),
            "lone surrogate in a member name" => null,
            "invalid utf-8 in a member name" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        if (value is null)
        {
            byte[] name = variant.Contains("surrogate", StringComparison.Ordinal) ? Utf8("\"\\ud800\"") : [(byte)'"', 0xC3, 0x28, (byte)'"'];
            return [.. Utf8("""{"grant_type":"client_credentials","source":"Web","first_name":"Ann","last_name":"Lee","email":"a@b.test","group_name":"g",""" ), .. name, .. Utf8(":1}")];
        }

        var body = new List<byte>((byte[])[(byte)'{']);
        foreach (var member in Members)
        {
            body.AddRange(Utf8($"\"{member}\":"));
            body.AddRange(value);
            body.Add((byte)',');
        }

        body[^1] = (byte)'}';
        return [.. body];
    }
}
