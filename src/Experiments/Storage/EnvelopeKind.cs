namespace Functional.NN.Experiments.Storage;

/// <summary>What a <see cref="ChecksummedEnvelope"/> holds, as written in its header and named in messages.</summary>
/// <param name="Marker">ASCII marker stored in the header, 1 to 255 characters (<c>fnn-model</c>).</param>
/// <param name="Noun">How messages call such a file: "not a Functional.NN <i>model</i> file".</param>
internal sealed record EnvelopeKind(string Marker, string Noun);

/// <summary>The checked content of an envelope: the format version of its kind and the payload bytes.</summary>
/// <param name="FormatVersion">Version of the payload's format, chosen by the kind's writer.</param>
/// <param name="Payload">The payload, verified against the envelope's SHA-256.</param>
internal sealed record EnvelopeContents(int FormatVersion, byte[] Payload);
