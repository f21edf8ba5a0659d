using System.Runtime.CompilerServices;

namespace TeGen.Client.Tests.Support;

/// <summary>
/// Every sandbox the client tests start refuses request members the spec does not define, so a member the SDK sends
/// outside the spec (a helper property leaking onto the wire) fails the suite instead of passing unnoticed.
/// </summary>
internal static class StrictSandboxes
{
    [ModuleInitializer]
    internal static void RefuseUnknownMembers() => Environment.SetEnvironmentVariable("Sandbox__StrictRequestMembers", "true");
}
