using System.Text.Json.Serialization;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// The JSON contracts of model and checkpoint files, generated at compile time: reading or writing them needs no
/// reflection, so the first model or checkpoint a run saves or loads costs what the later ones do (without it the
/// first load of a model took about 400 ms). The options that use it (<see cref="ModelJson"/>,
/// <see cref="CheckpointFile"/>) keep their own naming, strictness and escaping.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ModelDocument))]
[JsonSerializable(typeof(CheckpointDocument))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
