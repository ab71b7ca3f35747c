using System.Diagnostics;
using System.Runtime.InteropServices;
using Functional.NN.Distributed;

namespace Functional.NN.MpiBench;

/// <summary>An <see cref="ICollective"/> that adds up the wall-clock and thread CPU time spent in its all-gathers.</summary>
internal sealed class TimedCollective(ICollective inner) : ICollective
{
    public double WallSeconds { get; private set; }

    public double CpuSeconds { get; private set; }

    public int Rank => inner.Rank;

    public int Size => inner.Size;

    public void Barrier() => inner.Barrier();

    public void Broadcast<T>(Span<T> data, int root) where T : unmanaged => inner.Broadcast(data, root);

    public void Gather<T>(ReadOnlySpan<T> mine, Span<T> all, int root) where T : unmanaged => inner.Gather(mine, all, root);

    public void AllGather<T>(ReadOnlySpan<T> mine, Span<T> all, ReadOnlySpan<int> counts) where T : unmanaged
    {
        var (wall, cpu) = (Stopwatch.GetTimestamp(), ThreadCpuSeconds());
        inner.AllGather(mine, all, counts);
        WallSeconds += Stopwatch.GetElapsedTime(wall).TotalSeconds;
        CpuSeconds += ThreadCpuSeconds() - cpu;
    }

    public void AllReduceSum<T>(Span<T> data) where T : unmanaged => inner.AllReduceSum(data);

    public void Reset() => (WallSeconds, CpuSeconds) = (0, 0);

    [DllImport("libc.so.6", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID), which stays steady when other jobs share the machine.</summary>
    public static double ThreadCpuSeconds()
    {
        ClockGetTime(3, out var t);
        return t.Seconds + t.Nanoseconds * 1e-9;
    }
}
