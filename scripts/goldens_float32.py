#!/usr/bin/env python3
"""Float32 reference cases: the float64 goldens recomputed by PyTorch in float32 (issue 14).

  /usr/bin/python3 scripts/goldens_float32.py [GOLDENS_DIR] [--output FILE]

For every case of GOLDENS_DIR/reference-cases.json (default ../shared/goldens, relative to the repository
root), the parameters, inputs and targets are rounded to float32 and the case is recomputed in torch.float32
with torch.autograd and torch.optim, following the conventions of GOLDENS_DIR/README.md: the forward trace,
the output, the loss, the gradients and the six optimizers' three steps. The result is written in the same
JSON layout (default tests/Goldens/Float32/reference-cases-float32.json) with "dtype": "float32" at the top
and in every case. Every number written is a float32 value, written as repr(float(value)), so parsing it as a
double and converting to float32 is exact.

Each case's `checks` records the largest normwise relative difference between these float32 results and the
same computation in float64 from the same float32-rounded inputs: for a tensor, max|f32 - f64| / max|f64|;
for a scalar, |f32 - f64| / |f64|. Forward (trace and output), loss, gradients and optimizer trajectories
(losses and parameters) are recorded separately. One thread, fixed seed: two runs write the same file.
"""
import argparse
import ctypes
import json
import os
import sys

import torch
import torch.nn.functional as F

EPS32 = 2.0 ** -23
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINKED = {"relu", "leaky_relu", "elu"}

ACTIVATIONS = {
    "identity": lambda z: z,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": lambda z: F.leaky_relu(z, negative_slope=0.01),
    "elu": lambda z: F.elu(z, alpha=1.0),
    "softplus": F.softplus,
    "gelu": lambda z: F.gelu(z, approximate="none"),
    "softmax": lambda z: torch.softmax(z, dim=1),
}


def loss_of(case, trace, targets, labels):
    """The loss of README.md's conventions, from the last layer's z (softmax_ce) or a (the others)."""
    z, y = trace[-1]
    batch = targets.shape[0]
    kind = case["loss"]
    if kind == "half_sse":
        return 0.5 * ((targets - y) ** 2).sum() / batch
    if kind == "mse":
        return F.mse_loss(y, targets, reduction="mean")
    if kind == "bce":
        return F.binary_cross_entropy(y, targets, reduction="mean")
    if kind == "softmax_ce":
        return F.cross_entropy(z, labels, reduction="mean")
    raise ValueError(f"{case['name']}: unknown loss {kind}")


def forward(case, params, inputs):
    """[(z, a)] per layer for a batch (rows = samples): z = a_prev W^T + b, a = act(z)."""
    trace, a = [], inputs
    for (w, b), name in zip(params, case["activations"]):
        z = a @ w.T + b
        a = ACTIVATIONS[name](z)
        trace.append((z, a))
    return trace


def tensors(case, dtype):
    """The case's parameters (leaf tensors), inputs, targets and labels, rounded to float32, then cast to dtype."""
    def rounded(values):
        return torch.tensor(values, dtype=torch.float32).to(dtype)
    params = [(rounded(p["W"]).requires_grad_(), rounded(p["b"]).requires_grad_()) for p in case["params"]]
    labels = torch.tensor(case["labels"], dtype=torch.long) if "labels" in case else None
    return params, rounded(case["inputs"]), rounded(case["targets"]), labels


def optimizer(hyper, leaves):
    kind = hyper["kind"]
    if kind == "sgd":
        return torch.optim.SGD(leaves, lr=hyper["lr"], momentum=hyper["momentum"], dampening=hyper["dampening"],
                               nesterov=hyper["nesterov"], weight_decay=hyper["weight_decay"], foreach=False)
    if kind in ("adam", "adamw"):
        make = torch.optim.Adam if kind == "adam" else torch.optim.AdamW
        return make(leaves, lr=hyper["lr"], betas=(hyper["beta1"], hyper["beta2"]), eps=hyper["eps"],
                    weight_decay=hyper["weight_decay"], amsgrad=hyper["amsgrad"], foreach=False)
    if kind == "rmsprop":
        return torch.optim.RMSprop(leaves, lr=hyper["lr"], alpha=hyper["alpha"], eps=hyper["eps"],
                                   momentum=hyper["momentum"], centered=hyper["centered"],
                                   weight_decay=hyper["weight_decay"], foreach=False)
    raise ValueError(f"unknown optimizer kind {kind}")


def evaluate(case, dtype, optimizers):
    """Everything the file records for one case, as tensors of dtype, and the extremes of the pre-activations
    met at every point where a gradient or a loss is evaluated (the checks' min |z| kinked, max |z| softplus)."""
    params, inputs, targets, labels = tensors(case, dtype)
    kinked = [i for i, name in enumerate(case["activations"]) if name in KINKED]
    softplus = [i for i, name in enumerate(case["activations"]) if name == "softplus"]
    extremes = {"kinked": float("inf"), "softplus": 0.0}

    def value_and_grad(current):
        for w, b in current:
            w.grad = b.grad = None
        trace = forward(case, current, inputs)
        for i in kinked:
            extremes["kinked"] = min(extremes["kinked"], trace[i][0].abs().min().item())
        for i in softplus:
            extremes["softplus"] = max(extremes["softplus"], trace[i][0].abs().max().item())
        loss = loss_of(case, trace, targets, labels)
        loss.backward()
        return trace, loss

    trace, loss = value_and_grad(params)
    result = {"forward_trace": [(z.detach(), a.detach()) for z, a in trace], "output": trace[-1][1].detach(),
              "loss_value": loss.detach(), "grads": [(w.grad.clone(), b.grad.clone()) for w, b in params],
              "optimizers": {}}
    for key, hyper in optimizers.items():
        run_params, _, _, _ = tensors(case, dtype)
        step = optimizer(hyper, [t for layer in run_params for t in layer])
        losses, after_step1 = [], None
        for k in range(case["optimizers"][key]["steps"] + 1):
            _, run_loss = value_and_grad(run_params)
            losses.append(run_loss.detach())
            if k == case["optimizers"][key]["steps"]:
                break
            step.step()
            if k == 0:
                after_step1 = [(w.detach().clone(), b.detach().clone()) for w, b in run_params]
        result["optimizers"][key] = {"losses": losses, "params_after_step1": after_step1,
                                     "params_final": [(w.detach().clone(), b.detach().clone()) for w, b in run_params]}
    result["extremes"] = extremes
    return result


def numbers(t):
    """A tensor as (nested lists of) Python floats; float(float32) is exact, and json writes repr."""
    return t.double().tolist()


def layers(pairs):
    return [{"W": numbers(w), "b": numbers(b)} for w, b in pairs]


def relative(single, double):
    """Normwise relative difference: max|single - double| / max|double| (0 when both are exactly 0)."""
    diff = (single.double() - double).abs().max().item()
    scale = double.abs().max().item()
    return diff / scale if scale > 0 else (0.0 if diff == 0 else float("inf"))


def absolute(single, double):
    return (single.double() - double).abs().max().item()


def differences(single, double):
    def over(pairs32, pairs64, measure=relative):
        return max(measure(a, b) for p32, p64 in zip(pairs32, pairs64) for a, b in zip(p32, p64))
    trajectories = [max(max(relative(a, b) for a, b in zip(r32["losses"], r64["losses"])),
                        over(r32["params_after_step1"], r64["params_after_step1"]),
                        over(r32["params_final"], r64["params_final"]))
                    for r32, r64 in zip(single["optimizers"].values(), double["optimizers"].values())]
    return {
        "max_rel_diff_float64_forward": max(over(single["forward_trace"], double["forward_trace"]),
                                            relative(single["output"], double["output"])),
        "max_abs_diff_float64_forward": max(over(single["forward_trace"], double["forward_trace"], absolute),
                                            absolute(single["output"], double["output"])),
        "max_rel_diff_float64_loss": relative(single["loss_value"], double["loss_value"]),
        "max_rel_diff_float64_grads": over(single["grads"], double["grads"]),
        "max_rel_diff_float64_optimizers": max(trajectories),
    }


def in_tolerance_form(single, double):
    """The largest |f32 - f64| / (eps * max(s, |f64|)) per field kind, in the form of
    tests/Goldens/Float32/README.md: s = 1 for the forward fields and the loss, s = max|f64| of the same tensor
    for the gradients. The C# tests check these fields against PyTorch float32 with a bound c in these units."""
    def units(a, b, floor):
        return ((a.double() - b).abs() / (EPS32 * b.abs().clamp(min=floor))).max().item()
    forward = [t for pair in zip(single["forward_trace"], double["forward_trace"]) for t in zip(*pair)]
    forward.append((single["output"], double["output"]))
    return {"forward": max(units(a, b, 1.0) for a, b in forward),
            "loss": units(single["loss_value"], double["loss_value"], 1.0),
            "grads": max(units(a, b, b.abs().max().item()) for p32, p64 in zip(single["grads"], double["grads"])
                         for a, b in zip(p32, p64))}


def float32_case(case, optimizers):
    single = evaluate(case, torch.float32, optimizers)
    double = evaluate(case, torch.float64, optimizers)
    params, inputs, targets, labels = tensors(case, torch.float32)
    out = {"name": case["name"], "dtype": "float32", "seed": case["seed"], "layer_sizes": case["layer_sizes"],
           "activations": case["activations"], "loss": case["loss"], "batch_size": case["batch_size"],
           "params": layers([(w.detach(), b.detach()) for w, b in params]),
           "inputs": numbers(inputs), "targets": numbers(targets)}
    if labels is not None:
        out["labels"] = labels.tolist()
    out.update({
        "output": numbers(single["output"]),
        "loss_value": numbers(single["loss_value"]),
        "grads": layers(single["grads"]),
        "forward_trace": [{"z": numbers(z), "a": numbers(a)} for z, a in single["forward_trace"]],
        "optimizers": {key: {"hyper": case["optimizers"][key]["hyper"], "steps": case["optimizers"][key]["steps"],
                             "losses": [numbers(v) for v in run["losses"]],
                             "params_after_step1": layers(run["params_after_step1"]),
                             "params_final": layers(run["params_final"])}
                       for key, run in single["optimizers"].items()},
    })
    extremes = single["extremes"]
    checks = {"min_abs_preactivation_kinked": extremes["kinked"] if extremes["kinked"] != float("inf") else None,
              "max_abs_preactivation_softplus": extremes["softplus"] if "softplus" in case["activations"] else None}
    checks.update(differences(single, double))
    out["checks"] = checks
    return out, in_tolerance_form(single, double)


def blas_libraries():
    """The BLAS shared objects this process has loaded (after a matrix product), with OpenBLAS's own config."""
    torch.ones(2, 2) @ torch.ones(2, 2)
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
    names = [os.path.basename(os.path.realpath(p)) for p in paths]
    for path in paths:
        try:
            config = ctypes.CDLL(path).openblas_get_config
        except (OSError, AttributeError):
            continue
        config.restype = ctypes.c_char_p
        names.append(config().decode())
        break
    return ", ".join(names)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("goldens", nargs="?", default=os.path.join(REPO, "..", "shared", "goldens"))
    parser.add_argument("--output", default=os.path.join(REPO, "tests", "Goldens", "Float32",
                                                         "reference-cases-float32.json"))
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    with open(os.path.join(args.goldens, "reference-cases.json")) as f:
        source = json.load(f)
    conventions = dict(source["conventions"])
    conventions["dtype"] = ("float32 (IEEE single): parameters, inputs and targets are the float64 cases' values "
                            "rounded to float32, and every result is computed in torch.float32; each number is "
                            "Python repr() of the float32 value widened to a double, so double -> float is exact")
    conventions["checks_float64"] = ("checks.max_rel_diff_float64_*: largest normwise relative difference "
                                     "max|f32 - f64| / max|f64| per tensor (|f32 - f64| / |f64| for a scalar) "
                                     "against the same computation in float64 from the same float32 inputs; "
                                     "checks.max_abs_diff_float64_forward: largest max|f32 - f64| over the "
                                     "forward trace and the output")
    out = {"format_version": 1, "dtype": "float32",
           "generator": f"scripts/goldens_float32.py: PyTorch {torch.__version__} (float32), torch.autograd and "
                        f"torch.optim, from {os.path.basename(args.goldens.rstrip('/'))}/reference-cases.json "
                        f"({source['generator']}) rounded to float32",
           "torch_version": torch.__version__, "blas_libraries": blas_libraries(), "conventions": conventions,
           "optimizers": source["optimizers"],
           "cases": []}
    forms = []
    for case in source["cases"]:
        written, form = float32_case(case, source["optimizers"])
        out["cases"].append(written)
        forms.append(form)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"{args.output}: {len(out['cases'])} cases, torch {torch.__version__}, {out['blas_libraries']}")
    kinds = ("max_rel_diff_float64_forward", "max_abs_diff_float64_forward", "max_rel_diff_float64_loss",
             "max_rel_diff_float64_grads", "max_rel_diff_float64_optimizers")
    print("largest difference to float64 from the same float32 inputs, in eps = 2^-23 "
          "(relative: normwise per tensor; absolute: forward only)")
    print(f"{'case':42} {'forward':>8} {'fwd abs':>8} {'loss':>8} {'grads':>8} {'optim':>8}")
    for case in out["cases"]:
        print(f"{case['name']:42} " + " ".join(f"{case['checks'][k] / EPS32:8.2f}" for k in kinds))
    print(f"{'largest':42} " + " ".join(f"{max(c['checks'][k] for c in out['cases']) / EPS32:8.2f}" for k in kinds))
    print("in the tolerance's form, |f32 - f64| / (eps * max(s, |f64|)): "
          "s = 1 (forward, loss), max|f64| of the tensor (grads)")
    print(f"{'case':42} {'forward':>8} {'loss':>8} {'grads':>8}")
    for case, form in zip(out["cases"], forms):
        print(f"{case['name']:42} " + " ".join(f"{form[k]:8.2f}" for k in ("forward", "loss", "grads")))
    print(f"{'largest':42} " + " ".join(f"{max(f[k] for f in forms):8.2f}" for k in ("forward", "loss", "grads")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
