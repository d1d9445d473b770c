"""Train RoomNet on the photo pool. Seeded, resumable, one log line and one checkpoint per epoch.

An "epoch" here is --epoch-samples photos drawn with class-balancing weights (default: the size of
the training split), so that a CPU run that sees only a few thousand photos still logs and saves.
"""
from __future__ import annotations

import argparse
import json
import math
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from . import CLASS_NAMES, data, presets
from .augment import to_input, train_batch
from .model import RoomNet


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--pool", type=Path, default=data.DEFAULT_POOL)
    p.add_argument("--cache-dir", type=Path, default=Path(__file__).resolve().parents[1] / "cache")
    p.add_argument("--out", type=Path, required=True, help="run folder: checkpoint.pt, best.pt, history.jsonl")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--val-fraction", type=float, default=0.15)
    p.add_argument("--batch-size", type=int, default=24)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--weight-decay", type=float, default=5e-4)
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--dropout", type=float, default=0.1)
    p.add_argument("--class-balance-power", type=float, default=0.7,
                   help="sampling weight of a photo = count(its class) ** -power; 1 = fully balanced")
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--epoch-samples", type=int, default=0, help="photos per epoch; 0 = training split size")
    p.add_argument("--val-limit", type=int, default=0, help="validate on a stratified subset; 0 = all")
    p.add_argument("--limit-pool", type=int, default=0,
                   help="use only N photos per class and source of the pool (smoke tests)")
    p.add_argument("--size", type=int, default=presets.SIZE)
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--device", default="auto", help="auto (CUDA when available), cpu or cuda")
    p.add_argument("--resume", action="store_true", help="continue from OUT/checkpoint.pt")
    return p.parse_args(argv)


def sampling_weights(labels: np.ndarray, power: float) -> torch.Tensor:
    counts = Counter(labels.tolist())
    return torch.tensor([counts[int(y)] ** -power for y in labels], dtype=torch.double)


def lr_at(step: int, total: int, base: float) -> float:
    warmup = max(1, int(0.05 * total))
    if step < warmup:
        return base * (step + 1) / warmup
    return base * 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))


@torch.no_grad()
def predict(model: RoomNet, pixels: np.ndarray, batch_size: int = 64) -> np.ndarray:
    model.eval()
    device = next(model.parameters()).device
    probs = []
    for i in range(0, len(pixels), batch_size):
        x = to_input(torch.from_numpy(np.ascontiguousarray(pixels[i:i + batch_size]))).to(device)
        probs.append(F.softmax(model(x.contiguous(memory_format=torch.channels_last)), dim=1).cpu().numpy())
    return np.concatenate(probs) if probs else np.zeros((0, len(CLASS_NAMES)), np.float32)


def stratified_subset(labels: np.ndarray, limit: int, seed: int) -> np.ndarray:
    if not limit or limit >= len(labels):
        return np.arange(len(labels))
    rng = np.random.default_rng(seed)
    picked = []
    for c in np.unique(labels):
        idx = np.flatnonzero(labels == c)
        picked.extend(rng.permutation(idx)[: max(1, round(limit * len(idx) / len(labels)))])
    return np.sort(np.array(picked))


def main(argv=None):
    args = parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)

    samples = data.list_pool(args.pool)
    if args.limit_pool:
        samples = data.limit_per_group(samples, args.limit_pool)
    pixels = data.build_cache(samples, args.pool, args.cache_dir)
    index = {s.path: i for i, s in enumerate(samples)}
    train_s, val_s = data.split(samples, args.val_fraction, args.seed)
    train_idx = np.array([index[s.path] for s in train_s])
    val_idx = np.array([index[s.path] for s in val_s])
    train_y = np.array([s.label for s in train_s])
    val_y = np.array([s.label for s in val_s])
    val_pick = stratified_subset(val_y, args.val_limit, args.seed)

    device = torch.device("cuda" if args.device == "auto" and torch.cuda.is_available() else
                          ("cpu" if args.device == "auto" else args.device))
    model = RoomNet(dropout=args.dropout).to(device, memory_format=torch.channels_last)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    epoch_samples = args.epoch_samples or len(train_s)
    steps_per_epoch = max(1, epoch_samples // args.batch_size)
    total_steps = steps_per_epoch * args.epochs
    start_epoch, step, history, best_acc = 0, 0, [], -1.0
    generator = torch.Generator().manual_seed(args.seed)

    checkpoint_path = args.out / "checkpoint.pt"
    if args.resume and checkpoint_path.exists():
        ckpt = torch.load(checkpoint_path, weights_only=False, map_location=device)
        model.load_state_dict(ckpt["model"])
        optimizer.load_state_dict(ckpt["optimizer"])
        start_epoch, step, history = ckpt["epoch"], ckpt["step"], ckpt["history"]
        best_acc = max((h["val_accuracy"] for h in history), default=-1.0)
        generator.set_state(ckpt["generator"])
        torch.set_rng_state(ckpt["torch_rng"])
        print(f"resumed at epoch {start_epoch}, step {step}", flush=True)

    weights = sampling_weights(train_y, args.class_balance_power)
    for epoch in range(start_epoch, args.epochs):
        model.train()
        t0, seen, loss_sum, correct = time.time(), 0, 0.0, 0
        order = torch.multinomial(weights, steps_per_epoch * args.batch_size, replacement=True, generator=generator)
        for b in range(steps_per_epoch):
            chosen = order[b * args.batch_size:(b + 1) * args.batch_size].numpy()
            batch_pixels = torch.from_numpy(np.stack([pixels[train_idx[i]] for i in chosen]))
            x = train_batch(batch_pixels, args.size, generator).to(device).contiguous(memory_format=torch.channels_last)
            y = torch.from_numpy(train_y[chosen]).to(device)
            for group in optimizer.param_groups:
                group["lr"] = lr_at(step, total_steps, args.lr)
            logits = model(x)
            loss = F.cross_entropy(logits, y, label_smoothing=args.label_smoothing)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            step += 1
            seen += len(y)
            loss_sum += loss.item() * len(y)
            correct += (logits.argmax(1) == y).sum().item()
        train_time = time.time() - t0
        probs = predict(model, pixels[val_idx[val_pick]])
        val_pred = probs.argmax(1)
        val_true = val_y[val_pick]
        recalls = {CLASS_NAMES[c]: float((val_pred[val_true == c] == c).mean()) for c in np.unique(val_true)}
        entry = {
            "epoch": epoch + 1, "step": step, "samples_seen": step * args.batch_size,
            "train_loss": loss_sum / seen, "train_accuracy": correct / seen,
            "val_accuracy": float((val_pred == val_true).mean()), "val_images": int(len(val_true)),
            "val_recall": recalls, "lr": lr_at(step - 1, total_steps, args.lr),
            "train_seconds": round(train_time, 1), "train_images_per_s": round(seen / train_time, 2),
        }
        history.append(entry)
        print(json.dumps(entry), flush=True)
        with open(args.out / "history.jsonl", "a") as log:
            log.write(json.dumps(entry) + "\n")
        ckpt = {"model": {k: v.cpu() for k, v in model.state_dict().items()}, "optimizer": optimizer.state_dict(), "epoch": epoch + 1,
                "step": step, "history": history, "args": {k: str(v) for k, v in vars(args).items()},
                "generator": generator.get_state(), "torch_rng": torch.get_rng_state()}
        torch.save(ckpt, args.out / "checkpoint.tmp")
        (args.out / "checkpoint.tmp").replace(checkpoint_path)
        if entry["val_accuracy"] > best_acc:
            best_acc = entry["val_accuracy"]
            torch.save({"model": ckpt["model"], "epoch": epoch + 1, "history": history,
                        "args": ckpt["args"]}, args.out / "best.pt")
    return history


if __name__ == "__main__":
    main()
