using Functional.NN.Model;
using LanguageExt;

namespace Functional.NN.App.Models;

/// <summary>A network and its parameters, as read from a file.</summary>
/// <param name="Network">The architecture.</param>
/// <param name="Parameters">The numbers; they fit the network.</param>
internal sealed record LoadedModel(Network Network, Parameters Parameters);

/// <summary>Reads the model in the file at a path, or an error that starts with the path.</summary>
internal delegate Fin<LoadedModel> ModelLoader(string path);
