using System.Security.Cryptography;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Tensors;

/// <summary>
/// An immutable two-dimensional array of doubles in row-major order (rows = examples, as in PyTorch).
/// Nothing returned by a tensor lets a caller change its numbers; two tensors with the same shape and
/// the same numbers are equal.
/// </summary>
public sealed class Tensor : IEquatable<Tensor>
{
    private readonly double[] _data;

    private Tensor(int rows, int columns, double[] data)
    {
        Rows = rows;
        Columns = columns;
        _data = data;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Number of elements, <c>Rows * Columns</c>.</summary>
    public int Length => _data.Length;

    /// <summary>The element at row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public double this[int row, int column] => _data[row * Columns + column];

    /// <summary>A read-only view of the numbers in row-major order.</summary>
    public ReadOnlySpan<double> Span => _data;

    /// <summary>The elements as memory, for work handed to other threads.</summary>
    internal ReadOnlyMemory<double> Memory => _data;

    /// <summary>A read-only view of one row.</summary>
    public ReadOnlySpan<double> Row(int row) => new(_data, row * Columns, Columns);

    /// <summary>The shape as text, <c>[rows x columns]</c>, for error messages.</summary>
    public string ShapeText => $"[{Rows} x {Columns}]";

    /// <summary>A tensor of the given shape filled with zeros.</summary>
    public static Tensor Zeros(int rows, int columns) => new(rows, columns, new double[checked(rows * columns)]);

    /// <summary>A tensor of the given shape filled with <paramref name="value"/>.</summary>
    public static Tensor Filled(int rows, int columns, double value)
    {
        var data = new double[checked(rows * columns)];
        Array.Fill(data, value);
        return new Tensor(rows, columns, data);
    }

    /// <summary>A tensor whose element (r, c) is <paramref name="element"/>(r, c).</summary>
    public static Tensor Build(int rows, int columns, Func<int, int, double> element)
    {
        var data = new double[checked(rows * columns)];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                data[r * columns + c] = element(r, c);
        return new Tensor(rows, columns, data);
    }

    /// <summary>A copy of row-major numbers as a tensor; fails when the count does not match the shape.</summary>
    public static Fin<Tensor> FromRowMajor(int rows, int columns, ReadOnlySpan<double> values)
    {
        if (rows < 0 || columns < 0)
            return Error.New($"tensor shape [{rows} x {columns}] has a negative dimension");
        if (values.Length != rows * columns)
            return Error.New($"tensor of shape [{rows} x {columns}] needs {rows * columns} numbers, got {values.Length}");
        return new Tensor(rows, columns, values.ToArray());
    }

    /// <summary>A copy of a jagged array of rows; fails when the rows differ in length.</summary>
    public static Fin<Tensor> FromRows(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        var columns = rows.Count == 0 ? 0 : rows[0].Count;
        var data = new double[rows.Count * columns];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns)
                return Error.New($"row {r} has {rows[r].Count} numbers, but row 0 has {columns}");
            for (var c = 0; c < columns; c++) data[r * columns + c] = rows[r][c];
        }
        return new Tensor(rows.Count, columns, data);
    }

    /// <summary>A copy of a rectangular array.</summary>
    public static Tensor FromArray(double[,] values) =>
        Build(values.GetLength(0), values.GetLength(1), (r, c) => values[r, c]);

    /// <summary>A one-row tensor holding a copy of <paramref name="values"/>.</summary>
    public static Tensor RowVector(ReadOnlySpan<double> values) => new(1, values.Length, values.ToArray());


    /// <summary>A new array holding a copy of the numbers in row-major order.</summary>
    public double[] ToArray() => (double[])_data.Clone();

    /// <summary>A new jagged array of rows holding a copy of the numbers.</summary>
    public double[][] ToRows() => Enumerable.Range(0, Rows).Select(r => Row(r).ToArray()).ToArray();

    /// <summary>The tensor whose elements are <paramref name="f"/> of this tensor's elements.</summary>
    public Tensor Map(Func<double, double> f)
    {
        var data = new double[_data.Length];
        for (var i = 0; i < data.Length; i++) data[i] = f(_data[i]);
        return new Tensor(Rows, Columns, data);
    }

    /// <summary>The tensor whose elements are <paramref name="f"/> of the matching elements of both tensors.</summary>
    public Tensor Zip(Tensor other, Func<double, double, double> f)
    {
        RequireSameShape(other, nameof(Zip));
        var data = new double[_data.Length];
        for (var i = 0; i < data.Length; i++) data[i] = f(_data[i], other._data[i]);
        return new Tensor(Rows, Columns, data);
    }

    /// <summary>The same numbers with the element at (row, column) replaced by <paramref name="value"/>.</summary>
    public Tensor With(int row, int column, double value)
    {
        var data = ToArray();
        data[row * Columns + column] = value;
        return new Tensor(Rows, Columns, data);
    }

    /// <summary>Sum of squares of all elements.</summary>
    public double SumOfSquares()
    {
        var sum = 0.0;
        foreach (var x in _data) sum += x * x;
        return sum;
    }

    /// <summary>True when every element is a finite number (no NaN, no infinity).</summary>
    public bool IsFinite()
    {
        foreach (var x in _data)
            if (!double.IsFinite(x)) return false;
        return true;
    }

    /// <summary>True when both tensors have the same shape.</summary>
    public bool SameShape(Tensor other) => Rows == other.Rows && Columns == other.Columns;

    /// <summary>
    /// SHA-256 of the shape and the IEEE-754 bits of every element, as lower-case hex. -0 is hashed as 0
    /// and every NaN as <see cref="double.NaN"/>, because <see cref="Equals(Tensor)"/> treats them as equal.
    /// </summary>
    public string ContentHash() => Convert.ToHexStringLower(SHA256.HashData(ContentBytes()));

    internal byte[] ContentBytes()
    {
        var bytes = new byte[8 + _data.Length * 8];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), Rows);
        BitConverter.TryWriteBytes(bytes.AsSpan(4, 4), Columns);
        for (var i = 0; i < _data.Length; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 + i * 8, 8), Canonical(_data[i]));
        return bytes;
    }

    private static double Canonical(double x) => x == 0 ? 0.0 : double.IsNaN(x) ? double.NaN : x;

    /// <summary>Wraps an array that the caller has just built and never touches again (no copy).</summary>
    internal static Tensor Own(int rows, int columns, double[] data)
    {
        if (data.Length != rows * columns)
            throw new ArgumentException($"buffer of {data.Length} for shape [{rows} x {columns}]");
        return new Tensor(rows, columns, data);
    }

    internal void RequireSameShape(Tensor other, string operation)
    {
        if (!SameShape(other))
            throw new ArgumentException($"{operation}: shapes differ, {ShapeText} and {other.ShapeText}");
    }

    /// <inheritdoc />
    public bool Equals(Tensor? other) =>
        other is not null && SameShape(other) && _data.AsSpan().SequenceEqual(other._data);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Tensor);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Rows);
        hash.Add(Columns);
        foreach (var x in _data) hash.Add(x);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Tensor{ShapeText} " + string.Join("; ", ToRows().Select(r => string.Join(", ", r.Select(x => x.ToString("G6")))));
}
