using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// POST /v1/user-images: the raw bytes of a jpeg, png or gif (415 for a body declared as anything but an image) for the user the X-User-Id header names (404 for a user
// the organization lacks), at most 5 MB (422 beyond; the status is inferred), declared with the type its first bytes show (422 for
// a mismatch, as TE documents). The image is stored and answered with where it is served (inferred).
internal sealed class UserImageRules(Shape? item) : RecordResource("/v1/user-images", item)
{
    public const long MaxBytes = 5L * 1024 * 1024;

    // The signature each accepted type starts with.
    private static readonly (string Type, byte[] Magic)[] Signatures =
    [
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        ("image/gif", [0x47, 0x49, 0x46, 0x38]),
    ];

    public override bool AdminOnly => true;

    public override TeReply Create(TeCall call)
    {
        var upload = call.Upload ?? throw TeErrors.UnsupportedMediaType("send the image's bytes");
        var declared = MediaTypeHeaderValue.TryParse(upload.ContentType, out var type) ? type.MediaType : null;
        if (declared is null || !declared.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !string.Equals(declared, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            throw TeErrors.UnsupportedMediaType("send the image's bytes as image/jpeg, image/png or image/gif");
        }

        var userId = long.TryParse(upload.Headers["X-User-Id"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw call.Missing("X-User-Id");
        if (call.Store.Collection(UserRules.Path).Find(userId.ToString(CultureInfo.InvariantCulture)) is not { } user || user.Org != call.Org.Name)
        {
            throw call.NotFound();
        }

        if (upload.Bytes.Length > MaxBytes)
        {
            throw TeErrors.Unprocessable($"The image is larger than 5 MB ({MaxBytes} bytes)");
        }

        var shown = Signatures.FirstOrDefault(signature => upload.Bytes.AsSpan().StartsWith(signature.Magic)).Type;
        if (shown is null || !string.Equals(declared, shown, StringComparison.OrdinalIgnoreCase) && !string.Equals(declared, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            throw TeErrors.Unprocessable($"The image's content does not match its type '{declared}': send a jpeg, png or gif with its own type");
        }

        var image = call.New(new GenericRecord { Id = SandboxStore.NewHexId(16), NumericId = false, OwnerId = userId });
        image.Fields["content_type"] = shown;
        image.Fields["size"] = upload.Bytes.Length;
        image.Fields["url"] = $"{call.Link("user-images", image.Id)}.{shown["image/".Length..]}";
        Table(call.Store).Add(image);
        return new TeReply(StatusCodes.Status201Created, new JsonObject { ["url"] = image.Fields["url"]!.DeepClone() });
    }
}
