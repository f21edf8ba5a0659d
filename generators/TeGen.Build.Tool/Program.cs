using TeGen.Build.Generation;

// dotnet TeGen.Build.Tool.dll generate <options file>: diagnostics go to standard output in MSBuild's canonical
// format, which the targets' Exec turns into warnings and errors. Exit code 1 means a TEGEN error was printed.
if (args is not ["generate", var optionsFile])
{
    Console.Error.WriteLine("usage: TeGen.Build.Tool generate <options file>");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var origin = optionsFile;
try
{
    var request = GenerateRequest.Read(optionsFile);
    origin = request.Spec;
    return await Generator.RunAsync(request, Console.Out, cancellation.Token);
}
catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or System.ComponentModel.Win32Exception)
{
    // A failure of the tool itself is still reported against the spec, as an NSwag-side failure, never as an invalid spec.
    Console.WriteLine($"{origin}: TeGen error TEGEN003: TeGen.Build.Tool failed: {exception.GetType().Name}: {exception.Message}");
    return 1;
}
