namespace TeGen.Client.Rules;

/// <summary>
/// TE's 5 MB ceiling on an uploaded image (<c>POST /v1/user-images</c>), checked before the request goes: an image
/// over it would cost a request (and the rate limit's budget) only to be refused. A stream that cannot tell its length
/// is read up to one byte past the limit and then sent from that buffer.
/// </summary>
internal static class ImageUploadLimit
{
    /// <summary>TE's maximum, 5 MB as 5 × 1024 × 1024 bytes.</summary>
    public const long MaxBytes = 5L * 1024 * 1024;

    public static async ValueTask CheckAsync(HttpRequestMessage request, TeOperation operation, FileParameter image, CancellationToken cancellationToken)
    {
        if (image.Data.CanSeek)
        {
            Refuse(operation, image.Data.Length - image.Data.Position, exact: true);
            return;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await image.Data.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            Refuse(operation, buffer.Length, exact: false);
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = request.Content?.Headers.ContentType;
        request.Content?.Dispose();
        request.Content = content;
    }

    private static void Refuse(TeOperation operation, long size, bool exact)
    {
        if (size > MaxBytes)
        {
            throw new TotalExpertRequestValidationException(
                operation.OperationId,
                [new RequestProblem("body", $"the image is larger than TE's 5 MB maximum ({MaxBytes} bytes){(exact ? $": {size} bytes" : "")}; nothing was sent")]);
        }
    }
}
