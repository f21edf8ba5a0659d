using TeGen.Build.Generation;

// dotnet TeGen.Build.Tool.dll generate <options file>: diagnostics go to standard output in MSBuild's canonical
// format, which the targets' Exec turns into warnings and errors.
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

return await Generator.RunAsync(GenerateRequest.Read(optionsFile), Console.Out, cancellation.Token);
