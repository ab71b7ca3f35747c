using System.Buffers;
using Functional.NN.Passes;
using Xunit;

namespace Functional.NN.Tests.Passes;

/// <summary>
/// The scratch of a step goes back to the shared pool when the step ends (<c>StepAllocationTests</c> holds a step's
/// bytes to its new parameters), and only once: a buffer given back twice would be handed out to two users at once.
/// </summary>
public sealed class ScratchBuffersTests
{
    [Fact]
    public void Disposing_twice_gives_each_buffer_back_once()
    {
        var scratch = new ScratchBuffers<double>();
        scratch.Rent(777);
        scratch.Dispose();
        scratch.Dispose();
        var first = ArrayPool<double>.Shared.Rent(777);
        var second = ArrayPool<double>.Shared.Rent(777);
        Assert.NotSame(first, second);
        ArrayPool<double>.Shared.Return(first);
        ArrayPool<double>.Shared.Return(second);
    }
}
