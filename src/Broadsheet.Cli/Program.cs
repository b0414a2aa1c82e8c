using Broadsheet.Cli;

return await CliApp.RunAsync(args);
