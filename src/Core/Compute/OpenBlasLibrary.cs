using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Functional.NN.Compute;

/// <summary>
/// The system OpenBLAS, found by name (<c>libopenblas.so.0</c>, Debian's <c>libopenblas0-pthread</c>) and
/// loaded at most once per process, with the entry points the backend calls.
/// <para>
/// Kernel choice: OpenBLAS 0.3.21 (Debian 12) does not recognise recent Intel Xeons and serves them with its
/// SSE3 "Prescott" kernel, four times slower than its AVX-512 one. So when <c>OPENBLAS_CORETYPE</c> is not set
/// and the processor is an Intel one with AVX-512, <c>OPENBLAS_CORETYPE=SkylakeX</c> (OpenBLAS's AVX-512
/// double-precision kernel) is put in the process environment just before the library is loaded. A value the
/// user set is always kept. Other processors are left to OpenBLAS's own detection.
/// </para>
/// </summary>
internal sealed unsafe partial class OpenBlasLibrary
{
    /// <summary>The file name looked up through the system's library search path.</summary>
    public const string FileName = "libopenblas.so.0";

    private const string CoreTypeVariable = "OPENBLAS_CORETYPE";

    private OpenBlasLibrary(nint handle, bool hinted)
    {
        Dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)
            NativeLibrary.GetExport(handle, "cblas_dgemm");
        Sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)
            NativeLibrary.GetExport(handle, "cblas_sgemm");
        SetNumThreads = (delegate* unmanaged<int, void>)NativeLibrary.GetExport(handle, "openblas_set_num_threads");
        var config = Text(handle, "openblas_get_config");
        var core = Text(handle, "openblas_get_corename");
        Description = $"{config}; kernel {core}" + (hinted ? $" ({CoreTypeVariable}=SkylakeX set by Functional.NN for this Intel AVX-512 processor)" : "");
    }

    /// <summary><c>cblas_dgemm</c>.</summary>
    public delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dgemm { get; }

    /// <summary><c>cblas_sgemm</c>.</summary>
    public delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm { get; }

    /// <summary><c>openblas_set_num_threads</c> (process-wide inside the library).</summary>
    public delegate* unmanaged<int, void> SetNumThreads { get; }

    /// <summary>The library's configuration and the kernel it picked, from <c>openblas_get_config</c> and <c>openblas_get_corename</c>.</summary>
    public string Description { get; }

    private static readonly OpenBlasLibrary? Loaded;
    private static readonly string LoadError = "";

    static OpenBlasLibrary()
    {
        try
        {
            var hinted = HintCoreType();
            if (!NativeLibrary.TryLoad(FileName, typeof(OpenBlasLibrary).Assembly, null, out var handle))
            {
                LoadError = $"the OpenBLAS library {FileName} could not be loaded";
                return;
            }
            Loaded = new OpenBlasLibrary(handle, hinted);
        }
        catch (EntryPointNotFoundException e)
        {
            LoadError = $"{FileName} was loaded but lacks an entry point ({e.Message})";
        }
    }

    /// <summary>The loaded library, or false with the reason.</summary>
    public static bool TryLoad(out OpenBlasLibrary library, out string error)
    {
        library = Loaded!;
        error = LoadError;
        return Loaded is not null;
    }

    private static string Text(nint handle, string export) =>
        NativeLibrary.TryGetExport(handle, export, out var address)
            ? Marshal.PtrToStringUTF8((nint)((delegate* unmanaged<byte*>)address)()) ?? "?"
            : "?";

    private static bool HintCoreType()
    {
        if (!OperatingSystem.IsLinux() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(CoreTypeVariable)))
            return false;
        if (!X86Base.IsSupported || !Avx512F.IsSupported || !Avx512BW.IsSupported || !Avx512DQ.IsSupported || !Avx512CD.IsSupported)
            return false;
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        if (ebx != 0x756e6547 || edx != 0x49656e69 || ecx != 0x6c65746e) return false; // "GenuineIntel"
        fixed (byte* name = "OPENBLAS_CORETYPE"u8)
        fixed (byte* value = "SkylakeX"u8)
            return SetEnv(name, value, 0) == 0;
    }

    [LibraryImport("libc", EntryPoint = "setenv")]
    private static partial int SetEnv(byte* name, byte* value, int overwrite);
}
