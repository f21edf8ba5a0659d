using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace TeGen.Sandbox.Tests.Robustness;

/// <summary>
/// Generates malformed requests for every route the sandbox maps: bad authorization, odd ids, odd query parameters,
/// and for writes bad JSON, wrong types for every member the spec lists, invalid text, duplicate members, deep and
/// huge values and odd media types. Each request starts from one the sandbox accepts and breaks one thing, so the
/// broken thing is what the code under test meets. The same seed always yields the same cases.
/// </summary>
internal static partial class MalformedRequests
{
    private const string Marker = "\"@@fuzz@@\"";
    private const int AuthVariantsPerRoute = 6;
    private const int ValuesPerQueryParameter = 2;

    // Authorize's parameters, sent (valid) on every GET so that the authorize route gets as far as its redirect.
    private static readonly (string Name, string Value)[] BaseQuery =
    [
        ("response_type", "code"),
        ("client_id", "tegen-sandbox-client"),
        ("redirect_uri", "https%3A%2F%2Fapp.example%2Fcallback"),
        ("scope", "leadInteraction"),
        ("state", "s"),
    ];

    // Methods no route maps (HEAD is left out: its answer has no body to check).
    private static readonly string[] OddMethods = ["FOO", "OPTIONS", "PROPFIND"];

    // No %00: Kestrel refuses a NUL in the path itself, with its bare 400, before any middleware (MalformedInputTests).
    private static readonly string[] OddIds =
    [
        "abc", "-1", "0", "99999999999999999999", "%01", "%FF", "%ED%A0%80", "1.5", "%20", "..%2F1", new string('9', 2000), "0x10", "+1", "%D9%A1", "1%3BDROP", "%25",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "2147483647", "2147483648", "9223372036854775807", "9223372036854775808", "99999999999999999999", "-99999999999999999999",
        "1.5", "1e3", "abc", "", "%00", "%201", "0x10", "%D9%A1", "+1", "1%2C2",
    ];

    private static readonly string[] Filters =
    [
        "=", "a", "first_name=", "=x", ",,,", "first_name=%00", "first_name_contains=%ED%A0%80%ED%A0%80", "internal_updated_at_start=9999-12-31T23:59:59-14:00",
        "internal_updated_at_end=0001-01-01T00:00:00%2B14:00", "created_on_start=%00", "owner_id=99999999999999999999", "group_id=abc", "archieved=maybe",
        "email=a=b=c", "first_name=" + new string('a', 2000), "type_id=1e400", "contact_id=%FF", "system_name=%F0%9F%99%82",
    ];

    private static readonly string[] Sorts = ["-", "--", "+-id", ",", "id,id", "-internal_updated_at", "nonexistent", "%00", "owner.id", new string('s', 2000), "%ED%A0%80"];

    private static readonly string[] RedirectUris =
    [
        "https%3A%2F%2Fapp.example%2Fcb%0D%0ASet-Cookie%3A%20a%3Db", "javascript%3Aalert(1)", "%2Frelative", "%00", "https%3A%2F%2Fb%C3%BCcher.example%2F",
        "https%3A%2F%2Fapp.example%2F%ED%A0%80", "http%3A%2F%2F%5B%3A%3A1", "https%3A%2F%2Fapp.example%2F" + new string('a', 2000), "ftp%3A%2F%2Fx", "https%3A%2F%2Fapp.example%2F%C2%85",
    ];

    private static readonly string[] Texts =
        ["", "%00", "%0D%0A", "%ED%A0%80", "%FF", new string('q', 2000), "%F0%9F%99%82", "a%3Db", "%5B%5D", "-1", "99999999999999999999", "%zz"];

    private static readonly (string What, string Query)[] QueryShapes =
    [
        ("a repeated page number", "page[number]=1&page[number]=2"),
        ("a key without a value", "page[number]&filter&sort"),
        ("invalid percent-encoding", "page%5Bnumber%5D=%zz&filter=%%%"),
        ("500 parameters", string.Join('&', Enumerable.Range(0, 500).Select(i => $"p{i}={i}"))),
        ("an empty key", "=1&&=&"),
    ];

    // Raw JSON values: of the wrong type for a member of the given type, or of the right type but odd.
    private static readonly string[] NotStrings = ["0", "-1", "1.5", "1e400", "99999999999999999999", "true", "{}", "[]", "[null]", """{"id":{}}""", "[[[]]]"];
    private static readonly string[] NotNumbers = ["\"abc\"", "\"\"", "1.5", "1e400", "99999999999999999999", "-99999999999999999999", "true", "{}", "[]", "\"1e3\""];
    private static readonly string[] NotBooleans = ["\"maybe\"", "2", "-1", "{}", "[]", "\"1.0\"", "\"\"", "0.0"];
    private static readonly string[] NotObjects = ["\"x\"", "1", "true", "[]", "[{}]", """{"id":[]}""", """{"":""}""", """{"id":"abc","username":{}}"""];
    private static readonly string[] NotArrays = ["{}", "\"x\"", "1", """[1,"a",null,true]""", "[[]]", """[{"id":{}}]""", "[null]", "[\"\"]"];
    private static readonly string[] OddStrings =
    [
        "\"\"", "\"   \"", "\"\\u0000\"", "\"0000-00-00 00:00:00\"", "\"9999-12-31 23:59:59\"", "\"0001-01-01\"", "\"\\ud83d\\ude00\"", $"\"{new string('x', 10_000)}\"",
        "\"-0\"", "\"1970-13-45 25:61:61\"", "null",
    ];

    private static readonly string[] OddNumbers = ["0", "-1", "2147483648", "9223372036854775807", "-9223372036854775808", "1e2", "-0", "null", "0.1e-400"];

    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFE, 0xFF]];

    private static readonly string[] LoneSurrogates = ["\"\\ud800\"", "\"\\udfff\"", "\"a\\ud800b\"", "\"\\udc00\\ud800\"", "\"\\ud800\\u0041\""];

    public static List<FuzzCase> Generate(IEnumerable<(string Method, string Pattern)> routes, FuzzTargets targets, int seed)
    {
        var random = new Random(seed);
        var cases = new List<FuzzCase>();
        var patterns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (method, pattern) in routes.Distinct().OrderBy(route => route.Pattern, StringComparer.Ordinal).ThenBy(route => route.Method, StringComparer.Ordinal))
        {
            var route = new Route(method, pattern, targets);
            if (patterns.Add(pattern))
            {
                cases.AddRange(OddMethods.Select(odd => route.Base() with { What = $"method {odd}", Method = odd, ContentType = null, Body = null }));
            }

            cases.AddRange(AuthCases(route, random));
            cases.AddRange(IdCases(route));
            if (method == "GET")
            {
                cases.AddRange(QueryCases(route, random));
            }

            if (route.ReadsBody)
            {
                cases.AddRange(BodyCases(route, random));
            }
        }

        return [.. cases.OrderBy(@case => @case.Destructive).Select((@case, i) => @case with { Number = i + 1 })];
    }

    private static IEnumerable<FuzzCase> AuthCases(Route route, Random random)
    {
        var targets = route.Targets;
        (string What, string? Header)[] variants =
        [
            ("no Authorization header", null),
            ("Bearer without a token", "Bearer"),
            ("Bearer and blanks", "Bearer  \t "),
            ("an unknown token", "Bearer " + new string('0', 40)),
            ("a 16 KB token", "Bearer " + new string('A', 16 * 1024)),
            ("a token of odd characters", "Bearer \"';--%00\\"),
            ("Basic that is not base64", "Basic !!!"),
            ("Basic without a colon", "Basic " + Convert.ToBase64String("nocolon"u8)),
            ("Basic of invalid UTF-8", "Basic " + Convert.ToBase64String([0xFF, 0xFE, 0x3A, 0xC3])),
            ("Basic with a 12 KB secret", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{targets.ClientId}:{new string('x', 12_000)}"))),
            ("an unknown scheme", "Negotiate abc"),
            ("two credentials", $"Bearer {targets.AdminToken}, Basic abc"),
            ("a lower-case scheme", "bearer " + targets.AdminToken),
            ("a user token", "Bearer " + targets.UserToken),
        ];
        return Pick(variants, AuthVariantsPerRoute, random).Select(variant => route.Base() with { What = $"authorization: {variant.What}", Authorization = variant.Header });
    }

    private static IEnumerable<FuzzCase> IdCases(Route route) =>
        route.HasParameters ? OddIds.Select(id => route.Base(id: id) with { What = $"id {Shorten(id)}" }) : [];

    private static IEnumerable<FuzzCase> QueryCases(Route route, Random random)
    {
        var names = SpecOperations.QueryParameters(route.Operation).Concat(BaseQuery.Select(pair => pair.Name)).Append("last").Distinct();
        foreach (var name in names)
        {
            var pool = name switch
            {
                "page[number]" or "page[size]" or "last" => Numbers,
                "filter" => Filters,
                "sort" => Sorts,
                "redirect_uri" => RedirectUris,
                _ => Texts,
            };
            foreach (var value in Pick(pool, ValuesPerQueryParameter, random))
            {
                yield return route.Base(query: With(name, value)) with { What = $"query {name}={Shorten(value)}" };
            }
        }

        foreach (var (what, query) in QueryShapes)
        {
            yield return route.Base(query: string.Join('&', BaseQuery.Select(pair => $"{pair.Name}={pair.Value}")) + "&" + query) with { What = $"query with {what}" };
        }

        static string With(string name, string value) =>
            string.Join('&', BaseQuery.Where(pair => pair.Name != name).Select(pair => $"{pair.Name}={pair.Value}").Append($"{Uri.EscapeDataString(name)}={value}"));
    }

    private static IEnumerable<FuzzCase> BodyCases(Route route, Random random)
    {
        FuzzCase Json(string what, byte[] body, string? contentType = "application/json") => route.Base() with { What = what, ContentType = contentType, Body = body };
        FuzzCase Text(string what, string body, string? contentType = "application/json") => Json(what, Encoding.UTF8.GetBytes(body), contentType);

        (string What, string Body)[] syntax =
        [
            ("truncated JSON", """{"a":"""), ("a missing value", """{"a":}"""), ("single quotes", "{'a':1}"), ("a trailing comma", """{"a":1,}"""),
            ("NaN", """{"a":NaN}"""), ("a comment", """{"a":1}//x"""), ("a leading zero", """{"a":01}"""), ("an unquoted member name", "{a:1}"),
            ("two documents", "{} {}"), ("an empty body", ""), ("a null body", "null"), ("an array body", "[]"), ("an array of objects", "[{}]"),
            ("a string body", "\"text\""), ("a number body", "1"), ("a boolean body", "true"), ("whitespace only", " \r\n\t "),
        ];
        foreach (var (what, body) in syntax)
        {
            yield return Text(what, body);
        }

        yield return Json("a NUL byte body", [0]);
        yield return Json("a byte order mark", [0xEF, 0xBB, 0xBF, .. route.BaseBody]);

        var members = route.Members;
        (string Path, JsonSchemaType? Type) Any() => members.Count > 0 ? members[random.Next(members.Count)] : ("x", null);
        byte[] At(string path, byte[] raw) => route.BodyWith(path, raw);
        byte[] Raw(string text) => Encoding.UTF8.GetBytes(text);
        string Leaf(string path) => path[(path.LastIndexOf('.') + 1)..].Replace("[0]", "", StringComparison.Ordinal);

        var (surrogateAt, _) = Any();
        yield return Json($"a lone surrogate at {surrogateAt}", At(surrogateAt, Raw(LoneSurrogates[random.Next(LoneSurrogates.Length)])));
        var (utf8At, _) = Any();
        yield return Json($"invalid UTF-8 at {utf8At}", At(utf8At, [(byte)'"', (byte)'a', .. InvalidUtf8[random.Next(InvalidUtf8.Length)], (byte)'"']));
        var (surrogateNameAt, _) = Any();
        yield return Json($"a member name with a lone surrogate beside {surrogateNameAt}", At(surrogateNameAt, Raw("1,\"\\ud800\":1")));
        var (utf8NameAt, _) = Any();
        yield return Json($"a member name of invalid UTF-8 beside {utf8NameAt}", At(utf8NameAt, [.. Raw("1,\""), .. InvalidUtf8[random.Next(InvalidUtf8.Length)], .. Raw("\":1")]));
        var (duplicateAt, _) = Any();
        yield return Json($"{duplicateAt} twice", At(duplicateAt, Raw($"1,\"{Leaf(duplicateAt)}\":2")));
        foreach (var depth in (int[])[62, 65, 1000])
        {
            var (deepAt, _) = Any();
            var nested = depth == 1000 ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);
            yield return Json($"{depth} levels of nesting at {deepAt}", At(deepAt, Raw(nested)));
        }

        var (hugeAt, _) = Any();
        yield return Json($"a 1 MB string at {hugeAt}", At(hugeAt, Raw($"\"{new string('h', 1024 * 1024)}\"")));
        var (longArrayAt, _) = Any();
        yield return Json($"a 100000-element array at {longArrayAt}", At(longArrayAt, Raw($"[{string.Join(',', Enumerable.Repeat("{}", 100_000))}]")));
        var (longNumberAt, _) = Any();
        yield return Json($"a number of 100000 digits at {longNumberAt}", At(longNumberAt, Raw(new string('9', 100_000))));
        var (longNameAt, _) = Any();
        yield return Json($"a 1 MB member name beside {longNameAt}", At(longNameAt, Raw($"1,\"{new string('n', 1024 * 1024)}\":1")));

        foreach (var (path, type) in members)
        {
            var wrong = Choose(WrongFor(type), random);
            yield return Json($"{path} = {Shorten(wrong)}", At(path, Raw(wrong)));
            var odd = Choose(type is { } known && (known & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 ? OddNumbers : OddStrings, random);
            yield return Json($"{path} = {Shorten(odd)}", At(path, Raw(odd)));
        }

        (string What, string? ContentType)[] mediaTypes =
        [
            ("text/plain", "text/plain"), ("no Content-Type", null), ("a broken Content-Type", "application/json; charset=\""), ("a wildcard Content-Type", "*/*"),
            ("multipart", "multipart/form-data; boundary=x"), ("an unknown charset", "application/json; charset=no-such-charset"), ("XML", "application/xml"),
        ];
        foreach (var (what, contentType) in mediaTypes)
        {
            yield return Json($"the body as {what}", route.BaseBody, contentType);
        }

        const string Form = "application/x-www-form-urlencoded";
        yield return Text("a form of 1100 fields", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")), Form);
        yield return Text("a form with a 3000-character key", new string('k', 3000) + "=1&grant_type=client_credentials", Form);
        yield return Text("a form with a 5 MB value", "grant_type=client_credentials&scope=" + new string('s', 5 * 1024 * 1024), Form);
        yield return Text("a form of bad percent-encoding", "grant_type=%zz%&%=%%", Form);
        yield return Json("a form of invalid UTF-8", [.. Raw("grant_type="), 0xFF, 0xFE, .. Raw("&scope=%ED%A0%80")], Form);
        yield return Text("a form with an unknown charset", "grant_type=client_credentials", Form + "; charset=no-such-charset");
        yield return Text("a form of JSON", route.BaseBodyText, Form);
    }

    private static string[] WrongFor(JsonSchemaType? type) => type switch
    {
        { } known when (known & JsonSchemaType.String) != 0 => NotStrings,
        { } known when (known & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 => NotNumbers,
        { } known when (known & JsonSchemaType.Boolean) != 0 => NotBooleans,
        { } known when (known & JsonSchemaType.Object) != 0 => NotObjects,
        { } known when (known & JsonSchemaType.Array) != 0 => NotArrays,
        _ => [.. NotStrings, .. NotObjects],
    };

    private static T Choose<T>(IReadOnlyList<T> pool, Random random) => pool[random.Next(pool.Count)];

    private static IEnumerable<T> Pick<T>(IReadOnlyList<T> pool, int count, Random random) =>
        pool.Select(item => (item, key: random.Next())).OrderBy(pair => pair.key).Take(count).Select(pair => pair.item).ToList();

    private static string Shorten(string text) => text.Length > 40 ? $"{text[..20]}…({text.Length} chars)" : text;

    // One route and the valid request each case starts from.
    private sealed partial class Route(string method, string pattern, FuzzTargets targets)
    {
        public FuzzTargets Targets => targets;

        public OpenApiOperation? Operation { get; } = SpecOperations.Find(method, pattern);

        public bool HasParameters => pattern.Contains('{', StringComparison.Ordinal);

        public bool ReadsBody => method is "POST" or "PATCH" or "PUT";

        public JsonObject BaseObject =>
            (targets.Bodies.GetValueOrDefault(SpecOperations.BodySchemaName(Operation) ?? "") ?? targets.Bodies.GetValueOrDefault($"{method} {pattern}") ?? []).DeepClone().AsObject();

        public string BaseBodyText => BaseObject.ToJsonString();

        public byte[] BaseBody => Encoding.UTF8.GetBytes(BaseBodyText);

        // From the spec when it describes the route, else from the accepted body itself.
        public IReadOnlyList<(string Path, JsonSchemaType? Type)> Members =>
            SpecOperations.BodyMembers(Operation) is { Count: > 0 } described ? described : [.. Paths(BaseObject, "")];

        public FuzzCase Base(string? id = null, string? query = null)
        {
            var path = Parameter().Replace(pattern, id ?? targets.IdIn(pattern[..(pattern.IndexOf("/{", StringComparison.Ordinal) is >= 0 and var at ? at : pattern.Length)])).TrimStart('/');
            query ??= method == "GET" ? string.Join('&', BaseQuery.Select(pair => $"{pair.Name}={pair.Value}")) : "";
            var authorization = pattern == "/v1/token"
                ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{targets.ClientId}:{targets.ClientSecret}"))
                : "Bearer " + targets.AdminToken;
            return new FuzzCase("valid", method, query.Length == 0 ? path : $"{path}?{query}", authorization, ReadsBody ? "application/json" : null, ReadsBody ? BaseBody : null);
        }

        // The accepted body with the member at `path` (created if absent) replaced by raw bytes.
        public byte[] BodyWith(string path, byte[] raw)
        {
            var body = BaseObject;
            Set(body, path);
            var text = Encoding.UTF8.GetBytes(body.ToJsonString());
            var marker = Encoding.UTF8.GetBytes(Marker);
            var at = text.AsSpan().IndexOf(marker);
            return [.. text.AsSpan(0, at), .. raw, .. text.AsSpan(at + marker.Length)];
        }

        private static void Set(JsonObject root, string path)
        {
            var current = root;
            var segments = path.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                var item = segments[i].EndsWith("[0]", StringComparison.Ordinal);
                var name = item ? segments[i][..^3] : segments[i];
                if (i == segments.Length - 1 && !item)
                {
                    current[name] = JsonValue.Create(Marker.Trim('"'));
                    return;
                }

                JsonObject next;
                if (item)
                {
                    if (current[name] is not JsonArray array)
                    {
                        current[name] = array = [];
                    }

                    if (array.Count == 0 || array[0] is not JsonObject first)
                    {
                        first = [];
                        array.Insert(0, first);
                    }

                    next = first;
                }
                else if (current[name] is JsonObject child)
                {
                    next = child;
                }
                else
                {
                    current[name] = next = [];
                }

                if (i == segments.Length - 1)
                {
                    next["x"] = JsonValue.Create(Marker.Trim('"'));
                    return;
                }

                current = next;
            }
        }

        private static IEnumerable<(string Path, JsonSchemaType? Type)> Paths(JsonObject body, string prefix)
        {
            foreach (var (name, value) in body)
            {
                var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
                yield return (path, null);
                var nested = value switch
                {
                    JsonObject child => Paths(child, path),
                    JsonArray { Count: > 0 } array when array[0] is JsonObject first => Paths(first, path + "[0]"),
                    _ => [],
                };
                foreach (var member in nested)
                {
                    yield return member;
                }
            }
        }

        [GeneratedRegex(@"\{[^}]+\}")]
        private static partial Regex Parameter();
    }
}
