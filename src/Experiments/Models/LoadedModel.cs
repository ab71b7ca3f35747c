using Functional.NN.Data;
using Functional.NN.Model;
using LanguageExt;

namespace Functional.NN.Experiments.Models;

/// <summary>A network, its parameters and its input standardization, as read from a file.</summary>
/// <param name="Network">The architecture.</param>
/// <param name="Parameters">The numbers; they fit the network.</param>
/// <param name="Standardizer">The standardization the network's inputs need (from an fnn model file trained on standardized data), or None.</param>
internal sealed record LoadedModel(Network Network, Parameters Parameters, Option<Standardizer> Standardizer);

/// <summary>Reads the model in the file at a path, or an error that starts with the path.</summary>
internal delegate Fin<LoadedModel> ModelLoader(string path);
