using System.CommandLine;
using System.Text.Json;
using TeGen.Sandbox;
using TeGen.Tool.Cli;

namespace TeGen.Tool.Emulator;

/// <summary>
/// <c>tegen sandbox</c>: runs the TE emulator in-process on a loopback port with the options of <c>src/TeGen.Sandbox</c>
/// (strict request members, a spec file, several organizations, the lead API family) plus its request limit, prints where
/// it listens and its credentials, and runs until Ctrl+C.
/// </summary>
internal static class SandboxCommand
{
    public static Command Create(GlobalOptions global, ToolEnvironment environment)
    {
        var strict = new Option<bool>("--strict-request-members") { Description = "Refuse request members the spec does not declare" };
        var specFile = new Option<FileInfo>("--spec-file") { Description = "Serve this spec instead of the embedded one" };
        specFile.AcceptExistingOnly();
        var organizations = new Option<int>("--organizations") { Description = "How many organizations to seed", DefaultValueFactory = _ => 1 };
        var leadFamilies = new Option<SandboxLeadFamilies?>("--lead-families") { Description = "Which of TE's lead APIs the organizations use" };
        var requestLimit = new Option<int?>("--request-limit") { Description = "Requests allowed per window (TE: 1000)" };
        var requestWindow = new Option<TimeSpan?>("--request-window") { Description = "The window of the request limit (TE: 00:01:00)" };
        var port = new Option<int>("--port") { Description = "The loopback port to listen on (default: any free port)" };
        var createGroups = new Option<bool>("--create-missing-contact-groups") { Description = "Create a contact group a create names and the organization lacks, instead of refusing the contact" };
        var command = new Command("sandbox", "Start the local TE emulator on a loopback port and print its credentials; Ctrl+C stops it")
        {
            strict, specFile, organizations, leadFamilies, requestLimit, requestWindow, createGroups, port,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new TeSandboxOptions
            {
                StrictRequestMembers = parse.GetValue(strict),
                CreateMissingContactGroups = parse.GetValue(createGroups),
                Port = parse.GetValue(port),
            };
            options.SpecFile = parse.GetValue(specFile)?.FullName;
            if (parse.GetValue(organizations) is > 1 and var count)
            {
                options.Organizations = SandboxOrganization.Many(count);
            }

            if (parse.GetValue(leadFamilies) is { } families)
            {
                options.LeadFamilies = families;
            }

            options.RateLimits.RequestLimit = parse.GetValue(requestLimit) ?? options.RateLimits.RequestLimit;
            options.RateLimits.RequestWindow = parse.GetValue(requestWindow) ?? options.RateLimits.RequestWindow;
            await using var sandbox = await TeSandbox.StartAsync(options, cancellationToken).ConfigureAwait(false);
            Print(environment.Out, sandbox, parse.GetValue(global.Output));
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                environment.Error.WriteLine("Sandbox stopped.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(TextWriter output, TeSandbox sandbox, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                base_url = sandbox.BaseUrl.ToString(),
                organizations = sandbox.Organizations.Select(o => new { name = o.Name, client_id = o.ClientId, client_secret = o.ClientSecret, users = o.Users.Select(u => new { id = u.Id, email = u.Email, username = u.Username }) }),
            }));
            output.Flush();
            return;
        }

        output.WriteLine($"TE sandbox listening on {sandbox.BaseUrl} (API under v1/, inspection under _sandbox/). Ctrl+C stops it.");
        foreach (var organization in sandbox.Organizations)
        {
            output.WriteLine($"Organization {organization.Name}: client id {organization.ClientId}, client secret {organization.ClientSecret}");
            foreach (var user in organization.Users)
            {
                output.WriteLine($"  user {user.Id}: {user.Username} <{user.Email}>");
            }
        }

        // A sandbox's credentials are no secret: they are printed so another shell can use them.
        output.WriteLine("In another shell:");
        output.WriteLine($"  export TotalExpert__BaseUrl={sandbox.BaseUrl} TotalExpert__ClientId={sandbox.ClientId} TotalExpert__ClientSecret={sandbox.ClientSecret}");
        output.Flush();
    }
}
