"""PyTorch peer of `lps bench train`: the same networks, batch, optimizer and threads as the Java side.

Run by the lps app with /usr/bin/python3 and the OpenBLAS environment of docs/nets.md. Three modes:
  --mode serve     reads "ARCH SECONDS" lines on stdin, answers each with one timed run (images per
                   second, JSON) so the app can alternate its runs with ours on a shared machine;
  --mode speed     training images per second on random inputs, after a warm-up;
  --mode accuracy  the recipe of issue 5 on the full Fashion-MNIST: He-normal weights, zero biases,
                   SGD momentum 0.9, standardized inputs; test accuracy after each epoch.
Prints one JSON object per line.
"""
import argparse
import gzip
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn


def build(arch):
    if arch == "mlp":
        net = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))
    elif arch == "cnn":
        net = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * 7 * 7, 10))
    else:
        raise SystemExit("unknown arch " + arch)
    for m in net.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.kaiming_normal_(m.weight)
            nn.init.zeros_(m.bias)
    return net


def shaped(x, arch):
    return x.reshape(-1, 784) if arch == "mlp" else x.reshape(-1, 1, 28, 28)


def read_idx(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    nd = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(nd)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * nd).reshape(dims)


def load(directory, stem):
    for name in (stem + ".gz", stem):
        p = os.path.join(directory, name)
        if os.path.exists(p):
            return read_idx(p)
    raise SystemExit("missing " + stem + " in " + directory)


def timer(arch, args):
    """A function running training steps for a given time and returning images per second."""
    net = build(arch)
    opt = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    n = 4096
    x = shaped(torch.randn(n, 784), arch)
    y = torch.randint(0, 10, (n,))

    def run(seconds):
        images, start = 0, time.perf_counter()
        while True:
            for i in range(0, n, args.batch):
                xb, yb = x[i:i + args.batch], y[i:i + args.batch]
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(net(xb), yb)
                loss.backward()
                opt.step()
                images += xb.shape[0]
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                return images / elapsed

    run(args.warmup)
    return run


def serve(args):
    torch.manual_seed(args.seed)
    timers = {}
    print(json.dumps({"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        arch, seconds = parts[0], float(parts[1])
        if arch not in timers:
            timers[arch] = timer(arch, args)
        rate = timers[arch](seconds)
        print(json.dumps({"framework": "pytorch", "arch": arch, "imagesPerSecond": rate}), flush=True)


def speed(args):
    torch.manual_seed(args.seed)
    run = timer(args.arch, args)
    rates = [run(args.seconds) for _ in range(args.repeats)]
    print(json.dumps({"framework": "pytorch", "arch": args.arch, "batch": args.batch,
                      "threads": torch.get_num_threads(), "imagesPerSecond": max(rates),
                      "runs": rates, "torch": torch.__version__}))


def accuracy(args):
    torch.manual_seed(args.seed)
    xtr = load(args.data, "train-images-idx3-ubyte").astype(np.float32) / 255
    ytr = load(args.data, "train-labels-idx1-ubyte").astype(np.int64)
    xte = load(args.data, "t10k-images-idx3-ubyte").astype(np.float32) / 255
    yte = load(args.data, "t10k-labels-idx1-ubyte").astype(np.int64)
    mean, std = xtr.mean(), xtr.std()
    xtr = shaped(torch.from_numpy((xtr - mean) / std), args.arch)
    xte = shaped(torch.from_numpy((xte - mean) / std), args.arch)
    ytr, yte = torch.from_numpy(ytr), torch.from_numpy(yte)
    net = build(args.arch)
    opt = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(1, args.epochs + 1):
        net.train()
        perm = torch.randperm(len(ytr))
        total, start = 0.0, time.perf_counter()
        for i in range(0, len(ytr), args.batch):
            idx = perm[i:i + args.batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(xtr[idx]), ytr[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        seconds = time.perf_counter() - start
        net.eval()
        with torch.no_grad():
            out = torch.cat([net(xte[i:i + 1000]) for i in range(0, len(yte), 1000)])
            test_loss = nn.functional.cross_entropy(out, yte).item()
            acc = (out.argmax(1) == yte).float().mean().item()
        print(json.dumps({"framework": "pytorch", "arch": args.arch, "epoch": epoch,
                          "trainLoss": total / len(ytr), "testLoss": test_loss, "testAccuracy": acc,
                          "imagesPerSecond": len(ytr) / seconds}), flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mode", choices=["serve", "speed", "accuracy"], default="speed")
    p.add_argument("--arch", choices=["mlp", "cnn"], default="mlp")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--warmup", type=float, default=2.0)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    {"serve": serve, "speed": speed, "accuracy": accuracy}[args.mode](args)


if __name__ == "__main__":
    main()
