namespace Functional.NN.Testing;

/// <summary>The kinds of target rows the generators produce.</summary>
public enum TargetKind
{
    /// <summary>Reals in [0, 1]: valid for every regression loss and every output range.</summary>
    UnitInterval,

    /// <summary>0 or 1 per element, for binary cross-entropy.</summary>
    Binary,

    /// <summary>One 1 per row, zeros elsewhere, for classifiers with a row-wise output.</summary>
    OneHot,
}
