using System.Net;
using System.Text;

namespace TeGen.Tool.Configuration;

/// <summary>
/// Answers every call itself, before authentication and the rate limiter, so that a client built on it runs the SDK's
/// own pre-send rules (owner, contact minimum, required groups, required members) and sends nothing. The SDK has no
/// public "validate this create" entry point; its rules run in the generated clients' send hook, which this reaches.
/// </summary>
internal sealed class ValidateOnlyHandler : DelegatingHandler
{
    // A create's success answer (TE's 201), which the generated client reads as a CreateResult.
    private const string CreatedAnswer = """{"created":"validated, not sent","id":1}""";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created)
        {
            RequestMessage = request,
            Content = new StringContent(CreatedAnswer, Encoding.UTF8, "application/json"),
        });
}
