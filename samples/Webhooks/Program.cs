// Webhooks end to end, with no TE credentials: a TE sandbox in-process, an ASP.NET Core receiver on loopback, a
// subscription made with the SDK, then a contact created, updated and deleted; the receiver prints each event.
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeGen.Client;
using TeGen.Client.AspNetCore;
using TeGen.Sandbox;
using TeGen.Samples.Webhooks;

var secret = TotalExpertWebhookSecret.Generate();

// The receiver: what an application hosts at the URL it subscribes.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
var received = Channel.CreateUnbounded<TotalExpertWebhookEvent>();
builder.Services.AddSingleton(received);
builder.Services.AddTotalExpertWebhooks<PrintingHandler>(options => options.Secret = secret);
await using var app = builder.Build();
app.MapTotalExpertWebhooks("/te/webhooks");
await app.StartAsync();
var receiverUrl = app.Urls.First() + "/te/webhooks";

await using var sandbox = await TeSandbox.StartAsync();
using var connection = new TotalExpertConnection(new TotalExpertClientOptions
{
    BaseUrl = sandbox.BaseUrl,
    ClientId = sandbox.ClientId,
    ClientSecret = sandbox.ClientSecret,
});
var admin = connection.CreateAdminClient();

Console.WriteLine("TeGen webhooks");
Console.WriteLine($"  TE sandbox {sandbox.BaseUrl}, receiver {receiverUrl}");

// HTTPS is required by TE; plain http on loopback is accepted here because the connection itself talks to a local sandbox.
var subscription = await admin.Webhooks.CreateWebhookSubscriptionAsync(new NewWebhookSubscription
{
    Url = receiverUrl,
    Secret = secret,
    Actions =
    [
        new() { Item = "CONTACT", Action = "CREATED" },
        new() { Item = "CONTACT", Action = "UPDATED" },
        new() { Item = "CONTACT", Action = "DELETED" },
    ],
});
Console.WriteLine($"  subscription     #{subscription.Id}: CONTACT CREATED, UPDATED, DELETED");

var contact = await admin.Contacts.CreateContactAsync(new NewContact
{
    Source = "TeGen webhooks sample",
    FirstName = "Ann",
    LastName = "Lee",
    Email = "ann.lee@example.com",
    Owner = OwnerRef.ById(sandbox.Users[0].Id),
});
await admin.Contacts.UpdateContactAsync(new ContactUpdate { Title = "Dr" }, contact.Id);
await admin.Contacts.DeleteContactAsync(contact.Id);
Console.WriteLine($"  contact          #{contact.Id} created, updated, deleted");

using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
for (var count = 0; count < 3; count++)
{
    await received.Reader.ReadAsync(timeout.Token);
}

Console.WriteLine($"Done: 3 events received; the sandbox sent {sandbox.Inspector.GetWebhooks().Count} notification(s).");
await app.StopAsync();
