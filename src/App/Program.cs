using Functional.NN.App.Bench;

// Minimal entry point for the bench command; the full command line (System.CommandLine) replaces it.
if (args.Length > 0 && args[0] == "bench") return BenchArguments.Run(args[1..]);
Console.Error.WriteLine("usage: fnn bench [seed|mlp|infer|memory|gemm|all] [--threads N] [--backend auto|openblas|managed]");
return 2;
