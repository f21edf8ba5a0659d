await TeGen.Sandbox.Hosting.StandaloneHost.RunAsync(args);
