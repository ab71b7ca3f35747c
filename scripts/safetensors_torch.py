#!/usr/bin/python3
"""PyTorch side of the safetensors round trip (docs/safetensors.md), run by tests/App/Storage/SafetensorsPyTorchTests.cs.

Debian ships no `safetensors` module, so the format is read and written here with the standard library
(json, struct) and numpy: an 8-byte little-endian header length N, N bytes of JSON, then the raw data.

  safetensors_torch.py predict MODEL.safetensors --inputs INPUTS --out PREDICTIONS.csv
      Rebuilds the model as a float64 torch.nn.Sequential (nn.Linear + activation modules, from the
      file's __metadata__ layer_sizes and activations), standardizes the inputs with input_mean/input_std
      when the metadata has them, and writes one row per example: row, then the outputs in repr() form.
      INPUTS is a CSV file (every column but `label` is a feature) or fashion_mnist:DIR (the test split's
      images, pixel / 255, from the gzip-compressed IDX files in DIR).
  safetensors_torch.py write OUT.safetensors --layer-sizes 2,16,2 --activations tanh,softmax --loss softmax_ce
          --seed S [--standardize-from INPUTS]
      Builds such a Sequential with PyTorch's default nn.Linear initialization (torch.manual_seed(S)),
      in float64, and saves its weights as layers.{l}.weight / layers.{l}.bias, F64, with the metadata;
      with --standardize-from, input_mean and input_std (population std, 1 for a constant column) of the
      given inputs go into the metadata too.
  safetensors_torch.py compare A.csv B.csv
      Prints the largest absolute difference between the numeric output columns of two prediction files
      (the columns after `row`, up to a non-numeric column such as predicted_class).
"""
import argparse
import csv
import gzip
import json
import os
import struct
import sys

import numpy as np
import torch

DTYPE_SIZES = {"F64": 8, "F32": 4}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    if n > len(data) - 8:
        raise SystemExit(f"{path}: header length {n} exceeds the file")
    header = json.loads(data[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    body = data[8 + n:]
    tensors = {}
    for name, entry in header.items():
        if entry["dtype"] != "F64":
            raise SystemExit(f"{name}: dtype {entry['dtype']}, this script reads F64 only")
        begin, end = entry["data_offsets"]
        tensors[name] = np.frombuffer(body[begin:end], dtype="<f8").reshape(entry["shape"]).copy()
    return tensors, metadata


def write_safetensors(path, tensors, metadata):
    header = {"__metadata__": metadata} if metadata else {}
    offset = 0
    chunks = []
    for name, array in tensors:
        raw = np.ascontiguousarray(array, dtype="<f8").tobytes()
        header[name] = {"dtype": "F64", "shape": list(array.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        chunks.append(raw)
    text = json.dumps(header).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in chunks:
            f.write(raw)


def activation_module(spec):
    if isinstance(spec, str):
        name, parameters = spec, {}
    else:
        name, parameters = spec["name"], spec.get("parameters", {})
    if name == "identity":
        return None
    if name == "relu":
        return torch.nn.ReLU()
    if name == "tanh":
        return torch.nn.Tanh()
    if name == "sigmoid":
        return torch.nn.Sigmoid()
    if name == "softmax":
        return torch.nn.Softmax(dim=1)
    if name == "leaky_relu":
        return torch.nn.LeakyReLU(parameters.get("slope", 0.01))
    if name == "elu":
        return torch.nn.ELU(parameters.get("alpha", 1.0))
    if name == "softplus":
        return torch.nn.Softplus()
    if name == "gelu":
        return torch.nn.GELU()
    raise SystemExit(f"activation {name} has no PyTorch module here")


def sequential(layer_sizes, activations):
    """The model as torch.nn.Sequential in float64, and its Linear layers in order."""
    modules, linears = [], []
    for l, spec in enumerate(activations):
        linear = torch.nn.Linear(layer_sizes[l], layer_sizes[l + 1]).double()
        modules.append(linear)
        linears.append(linear)
        act = activation_module(spec)
        if act is not None:
            modules.append(act)
    return torch.nn.Sequential(*modules), linears


def read_inputs(spec):
    if spec.startswith("fashion_mnist:"):
        directory = spec.split(":", 1)[1]
        with gzip.open(os.path.join(directory, "t10k-images-idx3-ubyte.gz"), "rb") as f:
            raw = f.read()
        magic, count, rows, columns = struct.unpack(">IIII", raw[:16])
        pixels = np.frombuffer(raw[16:], dtype=np.uint8).reshape(count, rows * columns)
        return pixels.astype(np.float64) / 255.0
    with open(spec, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        keep = [i for i, h in enumerate(header) if h != "label"]
        return np.array([[float(row[i]) for i in keep] for row in reader], dtype=np.float64)


def predict(args):
    tensors, metadata = read_safetensors(args.model)
    layer_sizes = json.loads(metadata["layer_sizes"])
    activations = json.loads(metadata["activations"])
    model, linears = sequential(layer_sizes, activations)
    with torch.no_grad():
        for l, linear in enumerate(linears):
            linear.weight.copy_(torch.from_numpy(tensors[f"layers.{l}.weight"]))
            linear.bias.copy_(torch.from_numpy(tensors[f"layers.{l}.bias"]))
        x = torch.from_numpy(read_inputs(args.inputs))
        if "input_mean" in metadata:
            mean = torch.tensor(json.loads(metadata["input_mean"]), dtype=torch.float64)
            std = torch.tensor(json.loads(metadata["input_std"]), dtype=torch.float64)
            x = (x - mean) / std
        y = model(x).numpy()
    with open(args.out, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["row"] + [f"output_{j}" for j in range(y.shape[1])])
        for i, row in enumerate(y):
            out.writerow([i] + [repr(float(v)) for v in row])
    print(f"wrote {len(y)} predictions of {model} to {args.out}")


def write(args):
    torch.manual_seed(args.seed)
    layer_sizes = [int(s) for s in args.layer_sizes.split(",")]
    activations = args.activations.split(",")
    model, linears = sequential(layer_sizes, activations)
    tensors = []
    for l, linear in enumerate(linears):
        tensors.append((f"layers.{l}.weight", linear.weight.detach().numpy()))
        tensors.append((f"layers.{l}.bias", linear.bias.detach().numpy()))
    metadata = {
        "format": "functional.nn/1",
        "experiment": "pytorch",
        "layer_sizes": json.dumps(layer_sizes),
        "activations": json.dumps(activations),
        "loss": args.loss,
    }
    if args.standardize_from:
        x = read_inputs(args.standardize_from)
        std = x.std(axis=0)
        std[std == 0] = 1.0
        metadata["input_mean"] = json.dumps([float(v) for v in x.mean(axis=0)])
        metadata["input_std"] = json.dumps([float(v) for v in std])
    write_safetensors(args.out, tensors, metadata)
    print(f"wrote {args.out}: {model}")


def numeric_columns(path):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        rows = []
        for row in reader:
            values = []
            for field in row[1:]:
                try:
                    values.append(float(field))
                except ValueError:
                    break
            rows.append(values)
    return np.array(rows, dtype=np.float64)


def compare(args):
    a, b = numeric_columns(args.a), numeric_columns(args.b)
    if a.shape != b.shape:
        raise SystemExit(f"shapes differ: {args.a} {a.shape}, {args.b} {b.shape}")
    print(repr(float(np.max(np.abs(a - b)))))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("predict")
    p.add_argument("model")
    p.add_argument("--inputs", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(run=predict)
    w = commands.add_parser("write")
    w.add_argument("out")
    w.add_argument("--layer-sizes", required=True)
    w.add_argument("--activations", required=True)
    w.add_argument("--loss", required=True)
    w.add_argument("--seed", type=int, default=0)
    w.add_argument("--standardize-from")
    w.set_defaults(run=write)
    c = commands.add_parser("compare")
    c.add_argument("a")
    c.add_argument("b")
    c.set_defaults(run=compare)
    args = parser.parse_args()
    torch.set_num_threads(1)
    args.run(args)


if __name__ == "__main__":
    main()
