namespace TeGen.Sandbox.Domain;

// The body of a raw upload (POST /v1/user-images): the bytes as sent, their declared type, and the request's headers,
// which name what the bytes belong to (X-User-Id).
internal sealed record Upload(byte[] Bytes, string? ContentType, IHeaderDictionary Headers);
