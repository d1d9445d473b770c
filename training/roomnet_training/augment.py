"""Batched training augmentation on uint8 HWC tensors; evaluation uses no augmentation."""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F


def to_input(pixels_uint8: torch.Tensor) -> torch.Tensor:
    """(N, H, W, 3) uint8 -> (N, 3, H, W) float in [-1, 1], the model's input."""
    return pixels_uint8.permute(0, 3, 1, 2).float().div_(255.0).mul_(2.0).sub_(1.0)


def random_resized_crop(images: torch.Tensor, size: int, generator: torch.Generator,
                        scale=(0.55, 1.0), ratio=(3 / 4, 4 / 3)) -> torch.Tensor:
    """images: (N, 3, H, W) float. One random crop per image, resized with antialiasing."""
    n, _, h, w = images.shape
    out = torch.empty((n, 3, size, size), dtype=images.dtype)
    for i in range(n):
        area = h * w * torch.empty(1).uniform_(*scale, generator=generator).item()
        log_r = torch.empty(1).uniform_(math.log(ratio[0]), math.log(ratio[1]), generator=generator).item()
        aspect = math.exp(log_r)
        cw = min(w, int(round(math.sqrt(area * aspect))))
        ch = min(h, int(round(math.sqrt(area / aspect))))
        top = int(torch.randint(0, h - ch + 1, (1,), generator=generator))
        left = int(torch.randint(0, w - cw + 1, (1,), generator=generator))
        crop = images[i:i + 1, :, top:top + ch, left:left + cw]
        out[i] = F.interpolate(crop, size=(size, size), mode="bilinear", align_corners=False, antialias=True)[0]
    return out


def train_batch(pixels_uint8: torch.Tensor, size: int, generator: torch.Generator) -> torch.Tensor:
    x = pixels_uint8.permute(0, 3, 1, 2).float().div_(255.0)
    x = random_resized_crop(x, size, generator)
    n = x.shape[0]
    flip = torch.rand(n, generator=generator) < 0.5
    x[flip] = x[flip].flip(-1)
    brightness = 1 + (torch.rand(n, 1, 1, 1, generator=generator) - 0.5) * 0.4
    contrast = 1 + (torch.rand(n, 1, 1, 1, generator=generator) - 0.5) * 0.4
    saturation = 1 + (torch.rand(n, 1, 1, 1, generator=generator) - 0.5) * 0.4
    x = jitter_colour(x, brightness, contrast, saturation)
    return x.clamp_(0, 1).mul_(2).sub_(1)


def jitter_colour(x: torch.Tensor, brightness: torch.Tensor, contrast: torch.Tensor,
                  saturation: torch.Tensor) -> torch.Tensor:
    """x: (N, 3, H, W) in [0, 1]; each factor (N, 1, 1, 1), 1 = unchanged (saturation 0 = grey)."""
    x = x * brightness
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    x = (x - mean) * contrast + mean
    grey = x.mean(dim=1, keepdim=True)
    return (x - grey) * saturation + grey
