"""Train RoomNet from a data pack (pack.py) with every photo resident on the accelerator.

Made for a short GPU lease: the pack is decoded once into one uint8 tensor on the device,
augmentation runs batched on the device, and the forward and backward passes run in bfloat16
autocast with channels-last memory. It runs on the CPU as well (slowly; the tests do two steps).

The run's length is --steps, or --time-budget seconds: then a short throughput probe fixes the
number of steps, which is logged (history.jsonl, checkpoint) so that the run can be repeated with
--steps. An exponential moving average of the weights (--ema) is kept beside the raw weights; both
are saved (raw.pt, ema.pt) and validated about 20 times a run (--val-every).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

from . import CLASS_NAMES, pack, presets
from .augment import jitter_colour
from .model import RoomNet
from .train import sampling_weights

PROBE_STEPS = 30
# The step count of a --time-budget run until the probe has measured the speed.
UNKNOWN_TOTAL = 10 ** 9


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--pack", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    length = p.add_mutually_exclusive_group(required=True)
    length.add_argument("--steps", type=int)
    length.add_argument("--time-budget", type=float, help="seconds of training, probe included")
    p.add_argument("--init", type=Path, help="start from these weights (a raw.pt or ema.pt) to fine-tune")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--warmup-steps", type=int, default=300)
    p.add_argument("--weight-decay", type=float, default=0.05)
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--dropout", type=float, default=0.1)
    p.add_argument("--class-balance-power", type=float, default=0.85)
    p.add_argument("--min-crop-area", type=float, default=0.25)
    p.add_argument("--low-res-share", type=float, default=0.25,
                   help="share of each batch shrunk to 64-160 px and enlarged again, so that small web "
                        "photos and large listing photos look alike")
    p.add_argument("--ema", type=float, default=0.999)
    p.add_argument("--size", type=int, default=presets.SIZE)
    p.add_argument("--device", default="auto")
    p.add_argument("--checkpoint-seconds", type=float, default=60)
    p.add_argument("--val-every", type=int, default=0, help="validate every N epochs; 0 = about 20 times a run")
    return p.parse_args(argv)


def lr_at(step: int, total: int, base: float, warmup: int) -> float:
    warmup = max(1, min(warmup, total // 5))
    if step < warmup:
        return base * (step + 1) / warmup
    return base * 0.5 * (1 + math.cos(math.pi * min(1.0, (step - warmup) / max(1, total - warmup))))


def augment(images: torch.Tensor, size: int, generator: torch.Generator, min_area: float,
            low_res_share: float, rng: np.random.Generator) -> torch.Tensor:
    """(B, 3, H, W) uint8 on the device -> augmented model input in [-1, 1], (B, 3, size, size)."""
    b, dev = images.shape[0], images.device

    def uniform(lo, hi, shape=(b,)):
        return torch.rand(shape, generator=generator, device=dev) * (hi - lo) + lo

    x = images.float().div_(255)
    # Random resized crop and horizontal flip as one affine sampling grid per photo.
    area = uniform(min_area, 1.0)
    aspect = torch.exp(uniform(math.log(3 / 4), math.log(4 / 3)))
    half_w = torch.sqrt(area * aspect).clamp(max=1.0)
    half_h = torch.sqrt(area / aspect).clamp(max=1.0)
    cx = uniform(-1, 1) * (1 - half_w)
    cy = uniform(-1, 1) * (1 - half_h)
    flip = torch.where(torch.rand(b, generator=generator, device=dev) < 0.5, -1.0, 1.0)
    theta = torch.zeros(b, 2, 3, device=dev)
    theta[:, 0, 0], theta[:, 0, 2] = half_w * flip, cx
    theta[:, 1, 1], theta[:, 1, 2] = half_h, cy
    grid = F.affine_grid(theta, [b, 3, size, size], align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="reflection", align_corners=False)

    shrunk = int(b * low_res_share)
    if shrunk:
        side = int(rng.integers(64, 161))  # drawn on the host: no device sync
        small = F.interpolate(x[:shrunk], size=(side, side), mode="bilinear", antialias=True, align_corners=False)
        x[:shrunk] = F.interpolate(small, size=(size, size), mode="bilinear", align_corners=False)

    brightness = uniform(0.7, 1.3, (b, 1, 1, 1))
    contrast = uniform(0.7, 1.3, (b, 1, 1, 1))
    saturation = uniform(0.6, 1.4, (b, 1, 1, 1))
    saturation = torch.where(uniform(0, 1, (b, 1, 1, 1)) < 0.05, torch.zeros_like(saturation), saturation)
    x = jitter_colour(x, brightness, contrast, saturation)
    return x.clamp_(0, 1).mul_(2).sub_(1).contiguous(memory_format=torch.channels_last)


@torch.no_grad()
def validate(model: torch.nn.Module, images: torch.Tensor, labels: torch.Tensor, size: int, autocast) -> dict:
    model.eval()
    preds = []
    for i in range(0, len(images), 512):
        x = images[i:i + 512].float().div_(255).mul_(2).sub_(1)
        if x.shape[-1] != size:
            x = F.interpolate(x, size=(size, size), mode="bilinear", align_corners=False)
        with autocast():
            preds.append(model(x.contiguous(memory_format=torch.channels_last)).argmax(1))
    pred = torch.cat(preds)
    recall = {CLASS_NAMES[c]: float((pred[labels == c] == c).float().mean())
              for c in range(len(CLASS_NAMES)) if (labels == c).any()}
    return {"accuracy": float((pred == labels).float().mean()), "recall": recall}


def main(argv=None):
    args = parse_args(argv)
    started = time.time()
    device = torch.device("cuda" if args.device == "auto" and torch.cuda.is_available() else
                          ("cpu" if args.device == "auto" else args.device))
    torch.manual_seed(args.seed)
    torch.backends.cudnn.benchmark = True
    args.out.mkdir(parents=True, exist_ok=True)

    pixels, index = pack.load(args.pack, workers=os.cpu_count() or 1)
    photos = index["photos"]
    is_val = np.array([p["val"] for p in photos])
    labels = np.array([p["label"] for p in photos])
    images = torch.from_numpy(pixels).to(device).permute(0, 3, 1, 2).contiguous()
    train_idx = torch.from_numpy(np.flatnonzero(~is_val)).to(device)
    val_images = images[torch.from_numpy(np.flatnonzero(is_val)).to(device)]
    val_labels = torch.from_numpy(labels[is_val]).to(device)
    train_labels = torch.from_numpy(labels).to(device)
    print(json.dumps({"device": str(device), "gpu": torch.cuda.get_device_name() if device.type == "cuda" else None,
                      "torch": torch.__version__, "train": int(len(train_idx)), "val": int(is_val.sum()),
                      "pack_px": index["size"], "decode_seconds": round(time.time() - started, 1)}), flush=True)

    model = RoomNet(dropout=args.dropout)
    if args.init:
        model.load_state_dict(torch.load(args.init, weights_only=False, map_location="cpu")["model"])
    model = model.to(device, memory_format=torch.channels_last)
    decay = [p for p in model.parameters() if p.ndim > 1]
    no_decay = [p for p in model.parameters() if p.ndim <= 1]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=args.lr)
    ema = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(args.ema), use_buffers=True)
    use_bf16 = device.type == "cuda"

    def autocast():
        return torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=use_bf16)

    generator = torch.Generator(device=device).manual_seed(args.seed)
    host_rng = np.random.default_rng(args.seed)
    weights = sampling_weights(labels[~is_val], args.class_balance_power).to(device)
    steps_per_epoch = max(1, len(train_idx) // args.batch_size)
    total_steps = args.steps or UNKNOWN_TOTAL
    step, epoch, history, last_save = 0, 0, [], time.time()
    train_started = time.time()
    probe_started = None

    def save_checkpoint():
        state = {"model": {k: v.detach().cpu() for k, v in model.state_dict().items()},
                 "ema_model": {k: v.detach().cpu() for k, v in ema.module.state_dict().items()},
                 "step": step, "total_steps": total_steps, "history": history,
                 "args": {k: str(v) for k, v in vars(args).items()}}
        torch.save(state, args.out / "checkpoint.tmp")
        (args.out / "checkpoint.tmp").replace(args.out / "checkpoint.pt")
        return state

    seen, loss_sum, correct = 0, torch.zeros((), device=device), torch.zeros((), device=device)
    since = time.time()
    while step < total_steps:
        model.train()
        order = torch.multinomial(weights, steps_per_epoch * args.batch_size, replacement=True, generator=generator)
        for b in range(steps_per_epoch):
            if step >= total_steps:
                break
            chosen = train_idx[order[b * args.batch_size:(b + 1) * args.batch_size]]
            x = augment(images[chosen], args.size, generator, args.min_crop_area, args.low_res_share, host_rng)
            y = train_labels[chosen]
            for group in optimizer.param_groups:
                group["lr"] = lr_at(step, total_steps, args.lr, args.warmup_steps)
            with autocast():
                logits = model(x)
                loss = F.cross_entropy(logits.float(), y, label_smoothing=args.label_smoothing)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            ema.update_parameters(model)
            step += 1
            seen += len(y)
            loss_sum += loss.detach() * len(y)
            correct += (logits.argmax(1) == y).sum()
            if total_steps == UNKNOWN_TOTAL:
                if step == 10:
                    if device.type == "cuda":
                        torch.cuda.synchronize()
                    probe_started = time.time()
                elif step == PROBE_STEPS:
                    if device.type == "cuda":
                        torch.cuda.synchronize()
                    rate = (PROBE_STEPS - 10) / (time.time() - probe_started)
                    # A tenth of the budget is kept for validation, checkpoints and the final save.
                    left = 0.9 * args.time_budget - (time.time() - train_started)
                    total_steps = max(step + 1, step + int(rate * left))
                    print(json.dumps({"probe_steps_per_s": round(rate, 2), "total_steps": total_steps}), flush=True)
        epoch += 1
        epochs_total = math.ceil(total_steps / steps_per_epoch)
        val_every = args.val_every or max(1, round(epochs_total / 20))
        if epoch % val_every and step < total_steps:
            continue
        elapsed = time.time() - since
        raw_val = validate(model, val_images, val_labels, args.size, autocast)
        ema_val = validate(ema.module, val_images, val_labels, args.size, autocast)
        entry = {"epoch": epoch, "step": step, "total_steps": total_steps, "samples_seen": step * args.batch_size,
                 "train_loss": float(loss_sum) / seen, "train_accuracy": float(correct) / seen,
                 "val_accuracy": raw_val["accuracy"], "val_recall": raw_val["recall"],
                 "ema_val_accuracy": ema_val["accuracy"], "ema_val_recall": ema_val["recall"],
                 "val_images": int(len(val_labels)), "lr": lr_at(step - 1, total_steps, args.lr, args.warmup_steps),
                 "train_seconds": round(elapsed, 1), "train_images_per_s": round(seen / elapsed, 1),
                 "wall_seconds": round(time.time() - started, 1)}
        history.append(entry)
        print(json.dumps(entry), flush=True)
        with open(args.out / "history.jsonl", "a") as log:
            log.write(json.dumps(entry) + "\n")
        seen, loss_sum, correct = 0, torch.zeros((), device=device), torch.zeros((), device=device)
        since = time.time()
        if time.time() - last_save > args.checkpoint_seconds:
            save_checkpoint()
            last_save = time.time()

    state = save_checkpoint()
    common = {"step": step, "history": history, "args": state["args"]}
    torch.save({"model": state["model"], **common}, args.out / "raw.pt")
    torch.save({"model": state["ema_model"], **common}, args.out / "ema.pt")
    print(json.dumps({"done_steps": step, "wall_seconds": round(time.time() - started, 1)}), flush=True)
    return history


if __name__ == "__main__":
    main()
