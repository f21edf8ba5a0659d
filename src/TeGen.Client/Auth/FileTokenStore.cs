using System.Security.Cryptography;
using System.Text;

namespace TeGen.Client.Auth;

/// <summary>
/// Keeps tokens in files in one directory, so a restarted process, or a second process on the same machine,
/// reuses the token. Files are written atomically (write to a temporary file, then rename) and, on Unix,
/// readable by the owner only (directory 0700, files 0600). Processes sharing the directory take turns through OS file
/// locks (<see cref="ITokenStoreLock"/>): one token request per credential at a time, and no lost budget update.
/// </summary>
public sealed class FileTokenStore : ITokenStore, ITokenStoreLock
{
    // How often a process waiting for another's file lock looks again: a token request takes tens of milliseconds or more.
    private static readonly TimeSpan LongestLockPoll = TimeSpan.FromMilliseconds(50);

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates a store in <paramref name="directory"/>, creating it if needed.</summary>
    /// <param name="directory">A directory only the service account can read.</param>
    public FileTokenStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, OwnerOnlyDirectory);
        }
    }

    /// <summary>The directory holding the files.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            return await File.ReadAllTextAsync(PathFor(key), cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var target = PathFor(key);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Created with owner-only permissions: the token is never readable by others, not even briefly.
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            await using (var stream = new FileStream(temporary, options))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(value), cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathFor(key));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>
    /// An exclusive lock on a file beside the entry's (<c>.lock</c>), taken with <see cref="FileShare.None"/> (an advisory
    /// <c>flock</c> on Unix, a share lock on Windows). The OS releases it when the holder exits, crash included, so no lease
    /// is needed. Lock files are kept: deleting one while another process waits on it would let two processes hold "the" lock.
    /// </remarks>
    public async ValueTask<IAsyncDisposable> LockAsync(string key, CancellationToken cancellationToken = default)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        var path = Path.ChangeExtension(PathFor(key), ".lock");
        var poll = TimeSpan.FromMilliseconds(2);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new FileStream(path, options);
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                // Held by another process: wait, a little longer each time.
                await Task.Delay(poll, cancellationToken).ConfigureAwait(false);
                poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestLockPoll.Ticks));
            }
        }
    }

    // Keys may hold characters a file system rejects; a hash is safe everywhere and reveals nothing.
    private string PathFor(string key) =>
        Path.Combine(Directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".token");
}
