namespace Functional.NN.Experiments;

/// <summary>The two parts Fashion-MNIST comes in.</summary>
public enum FashionMnistSplit
{
    /// <summary>The 60,000 training images.</summary>
    Train,

    /// <summary>The 10,000 test images.</summary>
    Test,
}
