using TeGen.Client.Auth;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Auth;

/// <summary>
/// Two <see cref="FileTokenStore"/> instances on one directory share no in-process gate, as two processes would not:
/// the OS file lock alone makes them take turns (a separate test runs real processes).
/// </summary>
public class FileStoreLockTests
{
    [Fact]
    public async Task The_file_lock_admits_one_holder_at_a_time()
    {
        var directory = Directory.CreateTempSubdirectory("tegen-lock-").FullName;
        try
        {
            var holder = await new FileTokenStore(directory).LockAsync("tegen:token:a");
            var waiting = new FileTokenStore(directory).LockAsync("tegen:token:a").AsTask();
            var other = await new FileTokenStore(directory).LockAsync("tegen:token:b").AsTask().WaitAsync(TimeSpan.FromSeconds(10));

            await Task.Delay(200);
            Assert.False(waiting.IsCompleted);
            await holder.DisposeAsync();
            await (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
            await other.DisposeAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Stores_on_one_directory_send_one_token_request_between_them_and_record_it_once()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var directory = Directory.CreateTempSubdirectory("tegen-lock-").FullName;
        try
        {
            var connections = Enumerable.Range(0, 3).Select(_ => SandboxClients.Connect(sandbox, store: new FileTokenStore(directory))).ToList();

            await Task.WhenAll(connections.SelectMany(c => Enumerable.Range(0, 8).Select(_ => c.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null))));

            Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
            var budget = Assert.Single(Directory.GetFiles(directory, "*.token").Select(File.ReadAllText), text => text.StartsWith('['));
            Assert.Single(budget.Split(','));
            connections.ForEach(c => c.Dispose());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
