using BenchmarkDotNet.Running;

// Each benchmark is a class in this assembly: `dotnet run -c Release --project bench/Broadsheet.Bench -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
