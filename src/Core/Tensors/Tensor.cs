using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Tensors;

/// <summary>
/// An immutable two-dimensional array of numbers of type <typeparamref name="T"/> (<see cref="double"/>, the
/// library's default, or <see cref="float"/>) in row-major order (rows = examples, as in PyTorch). Nothing returned
/// by a tensor lets a caller change its numbers; two tensors with the same shape and the same numbers are equal.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Tensor<T> : IEquatable<Tensor<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _data;

    private Tensor(int rows, int columns, T[] data)
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
    public T this[int row, int column] => _data[row * Columns + column];

    /// <summary>A read-only view of the numbers in row-major order.</summary>
    public ReadOnlySpan<T> Span => _data;

    /// <summary>The elements as memory, for work handed to other threads.</summary>
    internal ReadOnlyMemory<T> Memory => _data;

    /// <summary>A read-only view of one row.</summary>
    public ReadOnlySpan<T> Row(int row) => new(_data, row * Columns, Columns);

    /// <summary>The shape as text, <c>[rows x columns]</c>, for error messages.</summary>
    public string ShapeText => $"[{Rows} x {Columns}]";

    /// <summary>A tensor of the given shape filled with zeros.</summary>
    public static Tensor<T> Zeros(int rows, int columns) => new(rows, columns, new T[checked(rows * columns)]);

    /// <summary>A tensor of the given shape filled with <paramref name="value"/>.</summary>
    public static Tensor<T> Filled(int rows, int columns, T value)
    {
        var data = new T[checked(rows * columns)];
        Array.Fill(data, value);
        return new Tensor<T>(rows, columns, data);
    }

    /// <summary>A tensor whose element (r, c) is <paramref name="element"/>(r, c).</summary>
    public static Tensor<T> Build(int rows, int columns, Func<int, int, T> element)
    {
        var data = new T[checked(rows * columns)];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                data[r * columns + c] = element(r, c);
        return new Tensor<T>(rows, columns, data);
    }

    /// <summary>A copy of row-major numbers as a tensor; fails when the count does not match the shape.</summary>
    public static Fin<Tensor<T>> FromRowMajor(int rows, int columns, ReadOnlySpan<T> values)
    {
        if (rows < 0 || columns < 0)
            return Error.New($"tensor shape [{rows} x {columns}] has a negative dimension");
        if (values.Length != rows * columns)
            return Error.New($"tensor of shape [{rows} x {columns}] needs {rows * columns} numbers, got {values.Length}");
        return new Tensor<T>(rows, columns, values.ToArray());
    }

    /// <summary>A copy of a jagged array of rows; fails when the rows differ in length.</summary>
    public static Fin<Tensor<T>> FromRows(IReadOnlyList<IReadOnlyList<T>> rows)
    {
        var columns = rows.Count == 0 ? 0 : rows[0].Count;
        var data = new T[rows.Count * columns];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns)
                return Error.New($"row {r} has {rows[r].Count} numbers, but row 0 has {columns}");
            for (var c = 0; c < columns; c++) data[r * columns + c] = rows[r][c];
        }
        return new Tensor<T>(rows.Count, columns, data);
    }

    /// <summary>A copy of a rectangular array.</summary>
    public static Tensor<T> FromArray(T[,] values) =>
        Build(values.GetLength(0), values.GetLength(1), (r, c) => values[r, c]);

    /// <summary>A one-row tensor holding a copy of <paramref name="values"/>.</summary>
    public static Tensor<T> RowVector(ReadOnlySpan<T> values) => new(1, values.Length, values.ToArray());


    /// <summary>A new array holding a copy of the numbers in row-major order.</summary>
    public T[] ToArray() => (T[])_data.Clone();

    /// <summary>A new jagged array of rows holding a copy of the numbers.</summary>
    public T[][] ToRows() => Enumerable.Range(0, Rows).Select(r => Row(r).ToArray()).ToArray();

    /// <summary>The tensor whose elements are <paramref name="f"/> of this tensor's elements.</summary>
    public Tensor<T> Map(Func<T, T> f)
    {
        var data = new T[_data.Length];
        for (var i = 0; i < data.Length; i++) data[i] = f(_data[i]);
        return new Tensor<T>(Rows, Columns, data);
    }

    /// <summary>The tensor whose elements are <paramref name="f"/> of the matching elements of both tensors.</summary>
    public Tensor<T> Zip(Tensor<T> other, Func<T, T, T> f)
    {
        RequireSameShape(other, nameof(Zip));
        var data = new T[_data.Length];
        for (var i = 0; i < data.Length; i++) data[i] = f(_data[i], other._data[i]);
        return new Tensor<T>(Rows, Columns, data);
    }

    /// <summary>
    /// The same shape with every element converted to <typeparamref name="TOther"/>, rounded to nearest (float to
    /// double is exact; double to float rounds once).
    /// </summary>
    public Tensor<TOther> Convert<TOther>() where TOther : unmanaged, IFloatingPointIeee754<TOther>
    {
        if (typeof(TOther) == typeof(T)) return (Tensor<TOther>)(object)this;
        var data = GC.AllocateUninitializedArray<TOther>(_data.Length);
        for (var i = 0; i < data.Length; i++) data[i] = TOther.CreateTruncating(_data[i]);
        return new Tensor<TOther>(Rows, Columns, data);
    }

    /// <summary>The same numbers with the element at (row, column) replaced by <paramref name="value"/>.</summary>
    public Tensor<T> With(int row, int column, T value)
    {
        var data = ToArray();
        data[row * Columns + column] = value;
        return new Tensor<T>(Rows, Columns, data);
    }

    /// <summary>Sum of squares of all elements.</summary>
    public T SumOfSquares()
    {
        var sum = T.Zero;
        foreach (var x in _data) sum += x * x;
        return sum;
    }

    /// <summary>True when every element is a finite number (no NaN, no infinity).</summary>
    public bool IsFinite()
    {
        foreach (var x in _data)
            if (!T.IsFinite(x)) return false;
        return true;
    }

    /// <summary>True when both tensors have the same shape.</summary>
    public bool SameShape(Tensor<T> other) => Rows == other.Rows && Columns == other.Columns;

    /// <summary>
    /// SHA-256 of the shape and the IEEE-754 bits of every element (8 bytes for a double, 4 for a float), as
    /// lower-case hex. -0 is hashed as 0 and every NaN as the type's NaN, because <see cref="Equals(Tensor{T})"/>
    /// treats them as equal.
    /// </summary>
    public string ContentHash() => System.Convert.ToHexStringLower(SHA256.HashData(ContentBytes()));

    internal byte[] ContentBytes()
    {
        var size = Unsafe.SizeOf<T>();
        var bytes = new byte[8 + _data.Length * size];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), Rows);
        BitConverter.TryWriteBytes(bytes.AsSpan(4, 4), Columns);
        for (var i = 0; i < _data.Length; i++)
        {
            var x = Canonical(_data[i]);
            var into = bytes.AsSpan(8 + i * size, size);
            if (typeof(T) == typeof(double)) System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(into, Unsafe.As<T, double>(ref x));
            else System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(into, Unsafe.As<T, float>(ref x));
        }
        return bytes;
    }

    private static T Canonical(T x) => x == T.Zero ? T.Zero : T.IsNaN(x) ? T.NaN : x;

    /// <summary>Wraps an array that the caller has just built and never touches again (no copy).</summary>
    internal static Tensor<T> Own(int rows, int columns, T[] data)
    {
        if (data.Length != rows * columns)
            throw new ArgumentException($"buffer of {data.Length} for shape [{rows} x {columns}]");
        return new Tensor<T>(rows, columns, data);
    }

    internal void RequireSameShape(Tensor<T> other, string operation)
    {
        if (!SameShape(other))
            throw new ArgumentException($"{operation}: shapes differ, {ShapeText} and {other.ShapeText}");
    }

    /// <inheritdoc />
    public bool Equals(Tensor<T>? other) =>
        other is not null && SameShape(other) && _data.AsSpan().SequenceEqual(other._data);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Tensor<T>);

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
        $"Tensor{ShapeText} " + string.Join("; ", ToRows().Select(r => string.Join(", ", r.Select(x => x.ToString("G6", null)))));
}
