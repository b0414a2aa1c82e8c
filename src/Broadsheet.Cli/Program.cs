using Broadsheet.Cli;

return await BroadsheetCli.RunAsync(args);
