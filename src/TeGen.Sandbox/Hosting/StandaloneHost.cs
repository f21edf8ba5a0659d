namespace TeGen.Sandbox.Hosting;

// `dotnet run --project src/TeGen.Sandbox -- --urls http://127.0.0.1:5080 [--Sandbox:OrganizationCount=5]`
internal static class StandaloneHost
{
    public static async Task RunAsync(string[] args)
    {
        var (app, runtime) = SandboxApp.Build(new TeSandboxOptions(), args, standalone: true);
        await app.StartAsync();
        var output = Console.Out;
        output.WriteLine("TeGen.Sandbox: a local emulator of the Total Expert public API");
        foreach (var org in runtime.Tenants.Organizations)
        {
            output.WriteLine($"Organization: {org.Name}");
            output.WriteLine($"  client_id:     {org.ClientId}");
            output.WriteLine($"  client_secret: {org.ClientSecret}");
            output.WriteLine($"  scopes:        {string.Join(' ', org.Scopes)}");
            foreach (var user in org.Users)
            {
                output.WriteLine($"  user {user.Id}: {user.Username} <{user.Email}> external_id={user.ExternalId}");
            }

            foreach (var group in org.ContactGroups)
            {
                output.WriteLine($"  contact group {group.Id}: {group.Name}");
            }

            foreach (var survey in org.Surveys)
            {
                output.WriteLine($"  survey {survey.Id}: {survey.Name} version {survey.Version}");
            }
        }

        foreach (var url in app.Urls)
        {
            output.WriteLine($"Listening on {url} (API under /v1, inspection and faults under /_sandbox). Ctrl+C stops.");
        }

        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
    }
}
