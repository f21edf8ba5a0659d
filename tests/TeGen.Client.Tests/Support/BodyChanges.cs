namespace TeGen.Client.Tests.Support;

/// <summary>Changing a test's body in place.</summary>
internal static class BodyChanges
{
    public static T With<T>(this T body, Action<T> change)
    {
        change(body);
        return body;
    }
}
