using Microsoft.CodeAnalysis;
using TeGen.Analyzers.Rules;
using TeGen.Analyzers.Tests.Support;

namespace TeGen.Analyzers.Tests.Rules;

public class ClientPerCallAnalyzerTests
{
    private const string Usings = Verify<ClientPerCallAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>.Usings + """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;
        using TeGen.Client.Auth;

        """;

    [Fact]
    public Task Reports_a_connection_created_in_a_loop() => Web("""
        class Sync
        {
            void Run(IEnumerable<TotalExpertClientOptions> tenants)
            {
                foreach (var options in tenants)
                {
                    var te = {|TE0003:new TotalExpertConnection(options)|};
                    te.CreateAdminClient();
                }
            }
        }
        """);

    [Fact]
    public Task Reports_a_connection_created_in_a_controller() => Web("""
        [ApiController]
        public class ContactsController : ControllerBase
        {
            private readonly TotalExpertConnection _perRequest = {|TE0003:new TotalExpertConnection(new TotalExpertClientOptions())|};

            [HttpPost]
            public Task<CreateResult> Create(NewContact contact, TotalExpertClientOptions options) =>
                {|TE0003:new TotalExpertConnection(options)|}.CreateAdminClient().Contacts.CreateContactAsync(contact);
        }
        """);

    [Fact]
    public Task Reports_a_connection_created_in_a_minimal_api_handler_or_middleware() => Web("""
        static class Endpoints
        {
            public static void Map(WebApplication app, TotalExpertClientOptions options)
            {
                app.MapGet("/heartbeat", () => {|TE0003:new TotalExpertConnection(options)|}.CreateAdminClient().Health.GetHeartbeatAsync());
                app.Use(async (HttpContext context, RequestDelegate next) =>
                {
                    var te = {|TE0003:new TotalExpertConnection(options)|};
                    await next(context);
                });
            }
        }
        """);

    [Fact]
    public Task Reports_a_connection_created_in_a_static_function_or_request_handler() => Web("""
        namespace Microsoft.Azure.Functions.Worker
        {
            public sealed class FunctionAttribute(string name) : System.Attribute;
        }

        static class Functions
        {
            [Microsoft.Azure.Functions.Worker.Function("sync")]
            public static Task Sync(TotalExpertClientOptions options) =>
                {|TE0003:new TotalExpertConnection(options)|}.CreateAdminClient().Health.GetHeartbeatAsync();

            public static Task Handle(HttpContext context, TotalExpertClientOptions options) =>
                {|TE0003:new TotalExpertConnection(options)|}.CreateAdminClient().Health.GetHeartbeatAsync();
        }
        """);

    [Fact]
    public Task Reports_a_connection_or_token_provider_in_a_using_block() => Web("""
        class Sync
        {
            async Task Run(TotalExpertClientOptions options, TotalExpertTokenProvider tokens)
            {
                using var te = {|TE0003:new TotalExpertConnection(options)|};
                using (var other = {|TE0003:new TotalExpertConnection(options)|})
                {
                }

                for (var i = 0; i < 3; i++)
                {
                    var kiota = {|TE0003:new TotalExpertAccessTokenProvider(tokens, options)|};
                }

                await Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task Accepts_a_using_declaration_in_top_level_statements()
    {
        var test = Verify<ClientPerCallAnalyzer>.Test(Usings + """
            using var te = new TotalExpertConnection(new TotalExpertClientOptions());
            await te.CreateAdminClient().Health.GetHeartbeatAsync();
            """);
        test.WithAspNetCore();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Accepts_a_dependency_injection_factory() => Web("""
        static class Registration
        {
            public static IServiceCollection Add(IServiceCollection services, TotalExpertClientOptions options) =>
                services.AddSingleton(_ => new TotalExpertConnection(options));
        }
        """);

    [Fact]
    public Task Accepts_a_long_lived_field_constructor_or_static_member() => Web("""
        class Singleton(TotalExpertClientOptions options)
        {
            private readonly TotalExpertConnection _te = new TotalExpertConnection(options);
        }

        class Service
        {
            private readonly TotalExpertConnection _te;

            public Service(TotalExpertClientOptions options) => _te = new TotalExpertConnection(options);
        }

        public class HealthController : ControllerBase
        {
            private static readonly TotalExpertConnection Shared = new TotalExpertConnection(new TotalExpertClientOptions());
        }
        """);

    [Fact]
    public Task Accepts_a_using_in_Main() => Web("""
        static class Program
        {
            static async Task Main()
            {
                using var te = new TotalExpertConnection(new TotalExpertClientOptions());
                await te.CreateAdminClient().Health.GetHeartbeatAsync();
            }
        }
        """);

    private static Task Web(string source)
    {
        var test = Verify<ClientPerCallAnalyzer>.Test(Usings + source);
        test.WithAspNetCore();
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_a_connection_created_in_a_lambda_inside_a_loop_or_in_a_parallel_body() => Web("""
        class Sync
        {
            async Task Run(IEnumerable<TotalExpertClientOptions> tenants, CancellationToken ct)
            {
                var work = new List<Task>();
                foreach (var options in tenants)
                {
                    work.Add(Task.Run(() => {|TE0003:new TotalExpertConnection(options)|}.CreateAdminClient().Health.GetHeartbeatAsync()));
                }

                await Parallel.ForEachAsync(tenants, ct, async (options, token) =>
                {
                    using var te = {|TE0003:new TotalExpertConnection(options)|};
                    await te.CreateAdminClient().Health.GetHeartbeatAsync(token);
                });
                Parallel.ForEach(tenants, options => {|TE0003:new TotalExpertConnection(options)|}.Dispose());
                await Task.WhenAll(work);
            }
        }
        """);

    [Fact]
    public Task Accepts_one_registration_per_tenant_made_in_a_loop() => Web("""
        static class Registration
        {
            public static void Add(IServiceCollection services, IReadOnlyDictionary<string, TotalExpertClientOptions> tenants)
            {
                foreach (var (name, options) in tenants)
                {
                    services.AddKeyedSingleton(name, (_, _) => new TotalExpertConnection(options));
                }
            }
        }
        """);
}
