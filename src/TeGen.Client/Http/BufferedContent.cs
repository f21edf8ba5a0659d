namespace TeGen.Client.Http;

/// <summary>
/// An answer's body as <see cref="ResponseBodyHandler"/> read it into memory: a <see cref="ByteArrayContent"/> that
/// also lets the SDK's own reader deserialize straight from the bytes, without a stream over them.
/// </summary>
internal sealed class BufferedContent : ByteArrayContent
{
    private readonly ArraySegment<byte> _body;

    public BufferedContent(ArraySegment<byte> body)
        : base(body.Array!, body.Offset, body.Count)
    {
        _body = body;
    }

    /// <summary>The bytes of the body.</summary>
    public ReadOnlySpan<byte> Body => _body;
}
