namespace Functional.NN.Data;

/// <summary>What to do with the last mini-batch of an epoch when the examples do not divide evenly.</summary>
public enum PartialBatch
{
    /// <summary>Keep it as a smaller batch, so that every example is used once per epoch.</summary>
    Keep,

    /// <summary>Drop it, so that every batch has the same size (the dropped examples change with the shuffle).</summary>
    Drop,
}
