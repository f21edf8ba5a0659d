return await TeGen.Tool.Cli.TegenCli.RunAsync(args, TeGen.Tool.Cli.ToolEnvironment.FromProcess());
