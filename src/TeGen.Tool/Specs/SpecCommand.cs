using System.CommandLine;
using System.Text.Json;
using TeGen.Tool.Cli;

namespace TeGen.Tool.Specs;

/// <summary><c>tegen spec check FILE</c> and <c>tegen spec diff OLD NEW</c>.</summary>
internal static class SpecCommand
{
    public static Command Create(GlobalOptions global, ToolEnvironment environment, ISpecChecker checker)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An OpenAPI description (YAML or JSON)" };
        file.AcceptExistingOnly();
        var check = new Command("check", "Validate a spec as code generation needs it: parse errors, untyped operations, identifiers to sanitize") { file };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!.FullName;
            var findings = await checker.CheckAsync(path, cancellationToken).ConfigureAwait(false);
            var exit = findings.Any(f => f.IsProblem) ? ExitCodes.SpecProblems : ExitCodes.Success;
            if (parse.GetValue(global.Output) == OutputFormat.Json)
            {
                environment.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    file = path,
                    findings = findings.Select(f => new { kind = f.Kind, operation_id = f.OperationId, method = f.Method, path = f.Path, line = f.Line, message = f.Message }),
                    exit_code = exit,
                }));
                return exit;
            }

            foreach (var finding in findings)
            {
                environment.Out.WriteLine(finding);
            }

            var untyped = findings.Count(f => f.Kind == SpecFinding.Untyped);
            environment.Out.WriteLine($"{Path.GetFileName(path)}: {findings.Count(f => f.Kind == SpecFinding.Error)} errors, {untyped} untyped answers, {findings.Count(f => f.Kind == SpecFinding.Identifier)} identifiers to sanitize, {findings.Count(f => f.Kind == SpecFinding.Warning)} warnings.");
            return exit;
        });

        var old = new Argument<FileInfo>("OLD") { Description = "The spec before" };
        old.AcceptExistingOnly();
        var @new = new Argument<FileInfo>("NEW") { Description = "The spec after" };
        @new.AcceptExistingOnly();
        var failOnBreaking = new Option<bool>("--fail-on-breaking") { Description = "Exit with 5 when a change breaks C# callers" };
        var diff = new Command("diff", "What changed between two specs for a C# user: operations, models, members added/removed/retyped; breaking or not") { old, @new, failOnBreaking };
        diff.SetAction(async (parse, cancellationToken) =>
        {
            var before = await SpecLoader.LoadAsync(parse.GetValue(old)!.FullName, cancellationToken).ConfigureAwait(false);
            var after = await SpecLoader.LoadAsync(parse.GetValue(@new)!.FullName, cancellationToken).ConfigureAwait(false);
            if (before.Document is null || after.Document is null || before.Errors.Count + after.Errors.Count > 0)
            {
                var context = new CommandContext(parse, global, environment);
                return context.Fail("a spec does not parse: " + string.Join("; ", before.Errors.Concat(after.Errors)), ExitCodes.SpecProblems);
            }

            var changes = SpecDiffer.Diff(before.Document, after.Document);
            var breaking = changes.Count(c => c.Breaking);
            var exit = breaking > 0 && parse.GetValue(failOnBreaking) ? ExitCodes.SpecProblems : ExitCodes.Success;
            if (parse.GetValue(global.Output) == OutputFormat.Json)
            {
                environment.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    changes = changes.Select(c => new { kind = c.KindName, name = c.Name, detail = c.Detail, breaking = c.Breaking }),
                    breaking,
                    exit_code = exit,
                }));
                return exit;
            }

            foreach (var change in changes)
            {
                environment.Out.WriteLine(change);
            }

            environment.Out.WriteLine($"{changes.Count} changes, {breaking} breaking.");
            return exit;
        });

        return new Command("spec", "Check an OpenAPI description, or compare two") { check, diff };
    }
}
