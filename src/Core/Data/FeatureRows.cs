using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Data;

/// <summary>
/// Feature rows in the form they were stored in, read as doubles one row at a time: either a
/// <see cref="Tensor"/> (read as it is) or unsigned bytes (byte b read as <c>b / divisor</c>, for example
/// image pixels read as <c>pixel / 255</c>). A <see cref="Dataset"/> built from chosen rows
/// (<see cref="Dataset.FromRows"/>) keeps them in this form and converts only the rows a batch or a block
/// takes, instead of holding the data set as doubles. Immutable: the bytes are an
/// <see cref="ImmutableArray{T}"/>, never written.
/// </summary>
public sealed class FeatureRows
{
    private readonly Tensor? _tensor;
    private readonly ImmutableArray<byte> _bytes;
    private readonly int _offset;
    private readonly double[]? _byteValues;
    private readonly double _divisor;

    private FeatureRows(int rows, int columns, Tensor? tensor, ImmutableArray<byte> bytes, int offset, double divisor)
    {
        Rows = rows;
        Columns = columns;
        _tensor = tensor;
        _bytes = bytes;
        _offset = offset;
        _divisor = divisor;
        // Stryker disable once Statement : without the return, tensor rows also get a table of byte values, which nothing reads (IsBytes is false for them)
        if (tensor is not null) return;
        _byteValues = new double[256];
        for (var b = 0; b < _byteValues.Length; b++) _byteValues[b] = b / divisor;
    }

    /// <summary>Number of rows (examples).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features per example).</summary>
    public int Columns { get; }

    /// <summary>The rows of <paramref name="features"/>, read as they are.</summary>
    public static FeatureRows Of(Tensor features) => new(features.Rows, features.Columns, features, default, 0, 1.0);

    /// <summary>
    /// Rows of unsigned bytes in row-major order starting at <paramref name="offset"/> of
    /// <paramref name="bytes"/>, byte b read as <c>b / divisor</c>; or an error when a dimension is below 1, the
    /// bytes from the offset on are not exactly <c>rows x columns</c>, or the divisor is not finite and positive.
    /// </summary>
    public static Fin<FeatureRows> FromBytes(ImmutableArray<byte> bytes, int offset, int rows, int columns, double divisor)
    {
        if (rows < 1 || columns < 1)
            return Error.New($"feature bytes: need at least one row and one column, got [{rows} x {columns}]");
        if (!(double.IsFinite(divisor) && divisor > 0))
            return Error.New($"feature bytes: the divisor must be finite and positive, got {divisor}");
        var available = (long)bytes.Length - offset;
        if (offset < 0 || available != (long)rows * columns)
            return Error.New($"feature bytes: [{rows} x {columns}] needs {(long)rows * columns} bytes from offset {offset}, " +
                             $"there are {available} (of {bytes.Length})");
        return new FeatureRows(rows, columns, null, bytes, offset, divisor);
    }

    /// <summary>The number at <paramref name="row"/> and <paramref name="column"/>.</summary>
    public double this[int row, int column] =>
        _tensor is not null ? _tensor[row, column] : _byteValues![_bytes[_offset + row * Columns + column]];

    /// <summary>Writes the <see cref="Columns"/> numbers of <paramref name="row"/> to the start of <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per row at startup, before tiered compilation would optimize it
    public void CopyRow(int row, Span<double> destination)
    {
        if (_tensor is not null)
        {
            _tensor.Row(row).CopyTo(destination);
            return;
        }
        var source = _bytes.AsSpan(_offset + row * Columns, Columns);
        var target = destination[..Columns];
        var values = _byteValues.AsSpan();
        for (var c = 0; c < target.Length; c++) target[c] = values[source[c]];
    }

    /// <summary>True for byte rows (<see cref="FromBytes"/>): every number is one of 256 values, <see cref="ByteValue"/>.</summary>
    internal bool IsBytes => _tensor is null;

    /// <summary>The number byte <paramref name="value"/> stands for (byte rows only).</summary>
    internal double ByteValue(byte value) => _byteValues![value];

    /// <summary>
    /// Whether <see cref="StandardizedByteRow"/> runs: byte rows on a processor with AVX-512. Otherwise rows are copied
    /// (<see cref="CopyRow"/>) and standardized by the caller with the same formula.
    /// </summary>
    // Stryker disable once Boolean,Conditional,Logical : declining byte rows only changes the speed: the caller then copies and standardizes them with the same formula (tests/Data/StandardizerFitProperties)
    internal bool StandardizesByteRows => _tensor is null && Avx512F.IsSupported;

    /// <summary>
    /// (x − mean) / scale of byte row <paramref name="row"/> into <paramref name="into"/>, x its numbers, each result
    /// rounded once to <typeparamref name="T"/>: eight columns at a time (for doubles and floats), each number made as
    /// <see cref="CopyRow"/>'s table holds it (the byte, exactly a double, divided by the divisor), standardized with
    /// one subtraction and one division in double and narrowed in the register for floats, so the bits of
    /// <see cref="CopyRow"/> followed by the scalar formula and <see cref="Rounding{T}"/>, in one pass. Only where
    /// <see cref="StandardizesByteRows"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // every batch's rows go through here
    internal unsafe void StandardizedByteRow<T>(int row, Span<T> into, ReadOnlySpan<double> mean, ReadOnlySpan<double> scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Columns before vectorEnd go eight at a time, the rest one by one.
        var vectorEnd = typeof(T) == typeof(double) || typeof(T) == typeof(float) ? Columns - Columns % 8 : 0;
        var source = _bytes.AsSpan(_offset + row * Columns, Columns);
        fixed (byte* bytes = source)
            for (var c = 0; c < vectorEnd; c += 8)
            {
                var x = Avx512F.ConvertToVector512Double(Avx2.ConvertToVector256Int32(bytes + c)) / Vector512.Create(_divisor);
                var standardized = (x - Vector512.Create(mean[c..])) / Vector512.Create(scale[c..]);
                if (typeof(T) == typeof(double)) standardized.CopyTo(MemoryMarshal.Cast<T, double>(into)[c..]);
                else Avx512F.ConvertToVector256Single(standardized).CopyTo(MemoryMarshal.Cast<T, float>(into)[c..]);
            }
        for (var c = vectorEnd; c < Columns; c++) into[c] = Rounding<T>.Of((_byteValues![source[c]] - mean[c]) / scale[c]);
    }

    /// <summary>The stored bytes of <paramref name="row"/> (byte rows only).</summary>
    internal ReadOnlySpan<byte> ByteRow(int row) => _bytes.AsSpan(_offset + row * Columns, Columns);

    /// <summary>Every row as a tensor: the tensor itself for <see cref="Of"/>, otherwise one new tensor of doubles.</summary>
    public Tensor ToTensor()
    {
        if (_tensor is not null) return _tensor;
        // Stryker disable once Checked : cannot overflow, byte rows hold exactly Rows x Columns bytes in one array (FromBytes), so the product is at most int.MaxValue
        var data = new double[checked(Rows * Columns)];
        for (var r = 0; r < Rows; r++) CopyRow(r, data.AsSpan(r * Columns, Columns));
        return Tensor.Own(Rows, Columns, data);
    }
}
