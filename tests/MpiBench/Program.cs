using System.Diagnostics;
using System.Globalization;
using Functional.NN.Activations;
using Functional.NN.Distributed;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Functional.NN.Training;

// Under mpirun (or alone):
//   step BATCH STEPS [WIDTH]  ms per data-parallel step of Adam on 784-256w-128w-10 (w = WIDTH, default 1), global batch BATCH
//   allgather MB...           µs per AllGather in which every rank sends MB megabytes of doubles
//   selftest                  every operation of the collective on double, float, int and byte; prints what differs
// Rank 0 prints one JSON line per measurement.
var launched = MpiLaunch.Detect(Environment.GetEnvironmentVariable) is not null;
using var mpi = launched ? MpiCollective.Initialize(Environment.GetEnvironmentVariable(MpiLaunch.LibraryVariable)).ThrowIfFail() : null;
var world = new Functional.NN.MpiBench.TimedCollective((ICollective?)mpi ?? SoleCollective.Instance);
var invariant = CultureInfo.InvariantCulture;
void Say(string json)
{
    if (world.Rank == 0) Console.WriteLine(json);
}
double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

switch (args[0])
{
    case "step":
    {
        var batch = int.Parse(args[1], invariant);
        var steps = int.Parse(args[2], invariant);
        var width = args.Length > 3 ? int.Parse(args[3], invariant) : 1;
        var network = Network.Create(784, Loss.SoftmaxCrossEntropy, (256 * width, Activation.Relu), (128 * width, Activation.Relu), (10, Activation.Softmax)).ThrowIfFail();
        var parameters = Initializer.HeUniform.Initialize(network, RandomKey.FromSeed(1));
        var random = new Random(2);
        var inputs = Tensor.Build(batch, 784, (_, _) => random.NextDouble());
        var targets = Tensor.Build(batch, 10, (r, j) => r % 10 == j ? 1.0 : 0.0);
        var whole = Batch.Create(network, inputs, targets).ThrowIfFail();
        var share = RowShare.Of(batch, world.Rank, world.Size);
        var own = share.Rows == 0 ? null : Batch.Create(network,
            Tensor.Build(share.Rows, 784, (r, j) => inputs[share.From + r, j]), Tensor.Build(share.Rows, 10, (r, j) => targets[share.From + r, j])).ThrowIfFail();
        var optimizer = Optimizer.Adam(0.001);
        var (p, s) = (parameters, optimizer.Init(parameters));
        // As fnn train runs it: each step writes into the arrays of the state two steps back.
        var arrays = Functional.NN.Optimizers.Elementwise.StepArrays.Recycling();
        StepResult Step()
        {
            var result = world.Size == 1
                ? TrainingStep.Run(Functional.NN.Compute.ComputeBackend.Current, network, optimizer, p, s, whole, arrays)
                : DataParallelStep.Run(Functional.NN.Compute.ComputeBackend.Current, world, network, optimizer, p, s, own, batch, arrays);
            arrays.StepEnded();
            return result;
        }
        // Warm-up past tiered JIT: methods reach tier 1 after 30 calls and a quiet spell of the background compiler.
        for (var i = 0; i < 30; i++) (p, s) = Step() is var r ? (r.Parameters, r.OptimizerState) : default;
        Thread.Sleep(300);
        for (var i = 0; i < 5; i++) (p, s) = Step() is var r ? (r.Parameters, r.OptimizerState) : default;
        var windows = new List<double>();
        var cpu = new List<double>();
        var exchangeCpu = new List<double>();
        var exchangeWall = new List<double>();
        for (var w = 0; w < 9; w++)
        {
            world.Barrier();
            world.Reset();
            var clock = Stopwatch.StartNew();
            var cpuStart = Functional.NN.MpiBench.TimedCollective.ThreadCpuSeconds();
            for (var i = 0; i < steps; i++) (p, s) = Step() is var r ? (r.Parameters, r.OptimizerState) : default;
            cpu.Add((Functional.NN.MpiBench.TimedCollective.ThreadCpuSeconds() - cpuStart) * 1000 / steps);
            exchangeCpu.Add(world.CpuSeconds * 1000 / steps);
            exchangeWall.Add(world.WallSeconds * 1000 / steps);
            world.Barrier();
            windows.Add(clock.Elapsed.TotalMilliseconds / steps);
        }
        // Every rank's medians at rank 0: thread CPU ms per step (all of it), and CPU and wall ms inside the all-gather.
        var perRank = new double[3 * world.Size];
        world.Gather<double>([Median(cpu), Median(exchangeCpu), Median(exchangeWall)], perRank, root: 0);
        var cpuMax = Enumerable.Range(0, world.Size).Max(r => perRank[3 * r]);
        var computeMax = Enumerable.Range(0, world.Size).Max(r => perRank[3 * r] - perRank[3 * r + 1]);
        var ranksText = string.Join(",", Enumerable.Range(0, world.Size).Select(r => string.Create(invariant,
            $"{{\"cpu_ms\":{perRank[3 * r]:F3},\"exchange_cpu_ms\":{perRank[3 * r + 1]:F3},\"exchange_wall_ms\":{perRank[3 * r + 2]:F3}}}")));
        Say(string.Create(invariant, $"{{\"measure\":\"step\",\"ranks\":{world.Size},\"threads\":{Functional.NN.Compute.ComputeBackend.Current.Threads},\"batch\":{batch},\"width\":{width},\"parameters\":{parameters.Layers.Sum(l => l.Weights.Length + l.Bias.Length)},\"ms_per_step_median\":{Median(windows):F3},\"ms_per_step_windows\":[{string.Join(",", windows.Select(x => x.ToString("F3", invariant)))}],\"cpu_ms_per_step_max_rank\":{cpuMax:F3},\"cpu_ms_outside_exchange_max_rank\":{computeMax:F3},\"per_rank\":[{ranksText}],\"hash\":\"{p.ContentHash()[..16]}\"}}"));
        break;
    }
    case "selftest":
    {
        var (rank, size) = (world.Rank, world.Size);
        var problems = new List<string>();
        void Expect(bool ok, string what)
        {
            if (!ok) problems.Add(what);
        }
        var floats = new float[] { rank + 0.5f, -rank };
        world.Broadcast<float>(floats, root: size - 1);
        Expect(floats[0] == size - 0.5f && floats[1] == -(size - 1), "broadcast float");
        var gathered = new float[2 * size];
        world.Gather<float>([rank, 2f * rank], gathered, root: 0);
        Expect(rank != 0 || Enumerable.Range(0, size).All(r => gathered[2 * r] == r && gathered[2 * r + 1] == 2 * r), "gather float");
        var doubles = new[] { 1.0 + rank, 0.25 };
        world.AllReduceSum<double>(doubles);
        Expect(doubles[0] == size * (size + 1) / 2.0 && doubles[1] == 0.25 * size, "all-reduce double");
        var sums = new[] { 1f, (float)rank };
        world.AllReduceSum<float>(sums);
        Expect(sums[0] == size && sums[1] == size * (size - 1) / 2f, "all-reduce float");
        var counts = Enumerable.Range(0, size).Select(r => r % 2 == 0 ? 2 : 0).ToArray();
        var mine = Enumerable.Range(0, counts[rank]).Select(i => 10.0 * rank + i).ToArray();
        var all = new double[counts.Sum()];
        world.AllGather<double>(mine, all, counts);
        var expected = Enumerable.Range(0, size).SelectMany(r => Enumerable.Range(0, counts[r]).Select(i => 10.0 * r + i)).ToArray();
        Expect(all.SequenceEqual(expected), "all-gather double with empty contributions");
        var bytes = new byte[] { (byte)(rank + 7) };
        world.Broadcast<byte>(bytes, root: 0);
        Expect(bytes[0] == 7, "broadcast byte");
        world.Barrier();
        var failures = new int[size];
        world.Gather<int>([problems.Count], failures, root: 0);
        if (problems.Count > 0) Console.Error.WriteLine($"rank {rank}: {string.Join(", ", problems)} differ");
        Say(string.Create(invariant, $"{{\"measure\":\"selftest\",\"ranks\":{size},\"library\":\"{mpi?.Library ?? "none"}\",\"failures\":{failures.Sum()}}}"));
        if (failures.Sum() > 0 || problems.Count > 0) Environment.ExitCode = 1;
        break;
    }
    case "allgather":
        foreach (var text in args.Skip(1))
        {
            var megabytes = double.Parse(text, invariant);
            var count = (int)(megabytes * 1e6 / 8);
            var mine = new double[count];
            var all = new double[count * world.Size];
            var counts = Enumerable.Repeat(count, world.Size).ToArray();
            for (var i = 0; i < 5; i++) world.AllGather<double>(mine, all, counts);
            var times = new List<double>();
            for (var w = 0; w < 7; w++)
            {
                world.Barrier();
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < 20; i++) world.AllGather<double>(mine, all, counts);
                times.Add(clock.Elapsed.TotalMicroseconds / 20);
            }
            Say(string.Create(invariant, $"{{\"measure\":\"allgather\",\"ranks\":{world.Size},\"mb_per_rank\":{megabytes},\"us_median\":{Median(times):F1}}}"));
        }
        break;
}
