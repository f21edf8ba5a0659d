using System.Net.Http.Headers;

namespace TeGen.Client.Rules;

/// <summary>
/// TE's rules for an uploaded image (<c>POST /v1/user-images</c>), checked before the request goes, since a refused
/// upload would still cost a request and the rate limit's budget: the 5 MB ceiling, and a content type. A
/// <see cref="FileParameter"/> created without a type gets the one its file name or its first bytes show (PNG, JPEG,
/// GIF, the formats TE takes), and is refused, naming the body, when neither shows one or when the type it was given is
/// not a media type. A stream that cannot tell its length is read up to one byte past the limit and then sent from that
/// buffer.
/// </summary>
internal static class ImageUpload
{
    /// <summary>TE's maximum, 5 MB as 5 × 1024 × 1024 bytes.</summary>
    public const long MaxBytes = 5L * 1024 * 1024;

    // The formats TE takes: media type, file extensions, and the bytes a file of the format starts with.
    private static readonly (string MediaType, string[] Extensions, byte[] Signature)[] Formats =
    [
        ("image/png", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
        ("image/gif", [".gif"], "GIF8"u8.ToArray()),
    ];

    private static readonly int SignatureLength = Formats.Max(f => f.Signature.Length);

    public static async ValueTask CheckAsync(HttpRequestMessage request, TeOperation operation, FileParameter image, CancellationToken cancellationToken)
    {
        byte[]? buffered = null;
        if (image.Data.CanSeek)
        {
            Refuse(operation, image.Data.Length - image.Data.Position, exact: true);
        }
        else
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await image.Data.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                Refuse(operation, buffer.Length, exact: false);
            }

            buffered = buffer.ToArray();
            var content = new ByteArrayContent(buffered);
            content.Headers.ContentType = request.Content?.Headers.ContentType;
            request.Content?.Dispose();
            request.Content = content;
        }

        // The generated method sets the type it was given when that is a media type; otherwise it is named here.
        if (request.Content is { Headers.ContentType: null } unnamed)
        {
            unnamed.Headers.ContentType = new MediaTypeHeaderValue(await MediaTypeOfAsync(operation, image, buffered, cancellationToken).ConfigureAwait(false));
        }
    }

    private static async ValueTask<string> MediaTypeOfAsync(TeOperation operation, FileParameter image, byte[]? buffered, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(image.ContentType))
        {
            throw Problem(operation, $"the image's content type '{image.ContentType}' is not a media type (TE takes image/jpeg, image/png or image/gif); nothing was sent");
        }

        var extension = Path.GetExtension(image.FileName);
        if (Formats.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)).MediaType is { } named)
        {
            return named;
        }

        var head = buffered ?? await HeadAsync(image.Data, cancellationToken).ConfigureAwait(false);
        return Formats.FirstOrDefault(f => head.AsSpan().StartsWith(f.Signature)).MediaType
            ?? throw Problem(operation, "the image has no content type, and neither its file name nor its first bytes show one TE takes (image/jpeg, image/png, image/gif): create the FileParameter with its type; nothing was sent");
    }

    // The first bytes of a seekable stream, which is left where it was.
    private static async ValueTask<byte[]> HeadAsync(Stream data, CancellationToken cancellationToken)
    {
        var head = new byte[SignatureLength];
        var at = data.Position;
        var read = await data.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        data.Position = at;
        return head[..read];
    }

    private static void Refuse(TeOperation operation, long size, bool exact)
    {
        if (size > MaxBytes)
        {
            throw Problem(operation, $"the image is larger than TE's 5 MB maximum ({MaxBytes} bytes){(exact ? $": {size} bytes" : "")}; nothing was sent");
        }
    }

    private static TotalExpertRequestValidationException Problem(TeOperation operation, string message) =>
        new(operation.OperationId, [new RequestProblem("body", message)]);
}
