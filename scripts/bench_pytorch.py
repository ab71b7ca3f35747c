#!/usr/bin/env python3
"""The PyTorch side of scripts/bench-vs-pytorch.sh: the same workloads as `fnn bench` and `fnn train`,
one JSON line each on standard output.

  bench_pytorch.py seed|mlp-sgd|mlp-adam|infer|fashion-mnist --threads N [--dtype float64|float32]
                   [--epochs E] [--data DIR]

Workloads (the same networks, optimizers, batches and counts as Functional.NN's):
  seed           the tutorial's 2-2-2 sigmoid network, half sum of squared errors, SGD lr 0.5 with the
                 biases frozen, 10,000 steps: microseconds per step.
  mlp-sgd        784-256-128-10 ReLU/ReLU/softmax cross-entropy, batch 128, SGD lr 0.01: samples/s.
  mlp-adam       the same step with Adam (lr 1e-3, betas 0.9/0.999, eps 1e-8): samples/s.
  infer          the same network's forward pass (softmax output) on a batch of 1024: samples/s.
  fashion-mnist  examples/fashion-mnist.json end to end, timed from the start of this process: read the
                 IDX files, standardize with the training part's statistics, hold out 10% for validation,
                 Adam with cosine decay, batch 128 (partial last batch kept), validation after every epoch,
                 a checkpoint (model and optimizer state) after every epoch, test accuracy at the end.
Random inputs come from a fixed seed; timings are medians of repeats after a warm-up, as in `fnn bench`.
Adam runs with foreach=True, PyTorch's multi-tensor implementation: on this machine the 1.13 default
(one tensor at a time) took 3.4 ms per optimizer step of this network against 0.66 ms.
"""
import argparse
import gzip
import json
import math
import os
import struct
import sys
import tempfile
import time

START = time.perf_counter()

import numpy as np  # noqa: E402
import torch  # noqa: E402


def header(args, bench):
    return {"bench": bench, "impl": "PyTorch", "version": torch.__version__, "dtype": args.dtype,
            "threads": torch.get_num_threads(), "blas_core": os.environ.get("FNN_BENCH_BLAS_CORE", "")}


def mlp(dtype):
    torch.manual_seed(1)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128),
                                torch.nn.ReLU(), torch.nn.Linear(128, 10)).to(dtype)
    for layer in model:
        if isinstance(layer, torch.nn.Linear):
            torch.nn.init.kaiming_uniform_(layer.weight, nonlinearity="relu")
            torch.nn.init.zeros_(layer.bias)
    return model


def batch(dtype, rows, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(rows, 784, generator=g, dtype=dtype)
    y = torch.randint(0, 10, (rows,), generator=g)
    return x, y


def timed(run, repeats, count):
    """Median seconds per call of run() over `repeats` blocks of `count` calls, after a 1.5 s warm-up."""
    warm = time.perf_counter()
    while time.perf_counter() - warm < 1.5:
        run()
    figures = []
    for _ in range(repeats):
        t = time.perf_counter()
        for _ in range(count):
            run()
        figures.append((time.perf_counter() - t) / count)
    figures.sort()
    return figures[len(figures) // 2], figures


def seed_workload(args):
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    w1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]], dtype=dtype, requires_grad=True)
    b1 = torch.tensor([0.35, 0.35], dtype=dtype)
    w2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]], dtype=dtype, requires_grad=True)
    b2 = torch.tensor([0.60, 0.60], dtype=dtype)
    x = torch.tensor([[0.05, 0.10]], dtype=dtype)
    t = torch.tensor([[0.01, 0.99]], dtype=dtype)
    optimizer = torch.optim.SGD([w1, w2], lr=0.5)
    losses = []

    def step():
        optimizer.zero_grad(set_to_none=True)
        out = torch.sigmoid(torch.sigmoid(x @ w1.T + b1) @ w2.T + b2)
        loss = 0.5 * ((out - t) ** 2).sum()
        loss.backward()
        optimizer.step()
        losses.append(loss)
        if len(losses) > 2:
            losses.pop(0)

    median, figures = timed(step, 5, 10_000)
    line = header(args, "seed")
    line.update({"us_per_iter": median * 1e6, "repeat_us_per_iter": [f * 1e6 for f in figures]})
    return line


def mlp_workload(args, optimizer_name):
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    model = mlp(dtype)
    x, y = batch(dtype, 128, 2)
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = (torch.optim.SGD(model.parameters(), lr=0.01) if optimizer_name == "sgd"
                 else torch.optim.Adam(model.parameters(), lr=1e-3, foreach=True))
    last = [0.0]

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        last[0] = loss

    median, figures = timed(step, 5, 200)
    line = header(args, "mlp")
    line.update({"optimizer": optimizer_name, "batch": 128, "samples_per_s": 128 / median,
                 "repeat_samples_per_s": [128 / f for f in figures], "last_loss": float(last[0])})
    return line


def infer_workload(args):
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    model = mlp(dtype)
    x, _ = batch(dtype, 1024, 3)

    def forward():
        with torch.no_grad():
            torch.softmax(model(x), dim=1)

    median, figures = timed(forward, 5, 50)
    line = header(args, "infer")
    line.update({"batch": 1024, "samples_per_s": 1024 / median, "repeat_samples_per_s": [1024 / f for f in figures]})
    return line


def read_idx(path):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(bytearray(data), dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(directory, stem):
    for name in (stem, stem + ".gz"):
        if os.path.exists(os.path.join(directory, name)):
            return os.path.join(directory, name)
    sys.exit(f"bench_pytorch: {stem}(.gz) not found in {directory} (apt-get install dataset-fashion-mnist)")


def fashion_mnist_workload(args):
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    images = torch.from_numpy(read_idx(find(args.data, "train-images-idx3-ubyte")).reshape(-1, 784)).to(dtype)
    labels = torch.from_numpy(read_idx(find(args.data, "train-labels-idx1-ubyte")).astype(np.int64))
    tx = torch.from_numpy(read_idx(find(args.data, "t10k-images-idx3-ubyte")).reshape(-1, 784)).to(dtype)
    ty = torch.from_numpy(read_idx(find(args.data, "t10k-labels-idx1-ubyte")).astype(np.int64))
    order = torch.randperm(len(images), generator=torch.Generator().manual_seed(1))
    held = len(images) // 10
    val_idx, train_idx = order[:held], order[held:]
    train_x, train_y = images[train_idx], labels[train_idx]
    val_x, val_y = images[val_idx], labels[val_idx]
    del images
    mean = train_x.mean(dim=0)
    std = train_x.std(dim=0, unbiased=False)
    std[std == 0] = 1.0
    for part in (train_x, val_x, tx):
        part.sub_(mean).div_(std)

    model = mlp(dtype)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, foreach=True)
    decay_steps, alpha = 6330, 0.02
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda k: (1 - alpha) * 0.5 * (1 + math.cos(math.pi * min(k, decay_steps) / decay_steps)) + alpha)
    loss_fn = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(1)
    checkpoint = os.path.join(tempfile.mkdtemp(prefix="bench-pytorch-"), "checkpoint.pt")
    ready = time.perf_counter()
    for _ in range(args.epochs):
        model.train()
        permutation = torch.randperm(len(train_x), generator=generator)
        for first in range(0, len(train_x), 128):
            rows = permutation[first:first + 128]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(train_x[rows]), train_y[rows])
            loss.backward()
            optimizer.step()
            schedule.step()
        model.eval()
        with torch.no_grad():
            val_accuracy = (model(val_x).argmax(dim=1) == val_y).double().mean().item()
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, checkpoint)
    with torch.no_grad():
        test_accuracy = (model(tx).argmax(dim=1) == ty).double().mean().item()
    end = time.perf_counter()
    samples = args.epochs * len(train_x)
    line = header(args, "fashion-mnist")
    line.update({"epochs": args.epochs, "samples": samples, "wall_s": end - START,
                 "samples_per_s": samples / (end - START), "startup_s": ready - START,
                 "train_samples_per_s": samples / (end - ready), "validation_accuracy": val_accuracy,
                 "test_accuracy": test_accuracy})
    return line


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workload", choices=["seed", "mlp-sgd", "mlp-adam", "infer", "fashion-mnist"])
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    run = {"seed": seed_workload, "mlp-sgd": lambda a: mlp_workload(a, "sgd"),
           "mlp-adam": lambda a: mlp_workload(a, "adam"), "infer": infer_workload,
           "fashion-mnist": fashion_mnist_workload}[args.workload]
    print(json.dumps(run(args)), flush=True)


if __name__ == "__main__":
    main()
