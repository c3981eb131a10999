using Retort.Cli;

return await Cli.RunAsync(args);
