"""Batched training augmentation, on whatever device the photos are on; evaluation uses none.

Input is uint8 (B, 3, H, W) centre squares from the decoded cache or a pack; output is the model's input in
[-1, 1]. One random resized crop and horizontal flip per photo as one affine sampling grid, a share of each
batch shrunk and enlarged again (small web photos and large listing photos should look alike), colour
jitter, and a share turned grey (old listings often are).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class Policy:
    min_crop_area: float = 0.25
    aspect_range: tuple[float, float] = (3 / 4, 4 / 3)
    low_res_share: float = 0.25
    low_res_sides: tuple[int, int] = (64, 160)
    grey_share: float = 0.05
    brightness: float = 0.3   # factor drawn from 1 ± brightness
    contrast: float = 0.3
    saturation: float = 0.4

    @staticmethod
    def identity_with_flip() -> "Policy":
        """The evaluation view, mirrored at random: what a cached-trunk run keeps as one of its views."""
        return Policy(min_crop_area=1.0, aspect_range=(1.0, 1.0), low_res_share=0.0, grey_share=0.0, brightness=0.0, contrast=0.0,
                      saturation=0.0)


def to_input(pixels_uint8_nhwc: torch.Tensor) -> torch.Tensor:
    """(N, H, W, 3) uint8 -> (N, 3, H, W) float in [-1, 1], the model's input."""
    return pixels_uint8_nhwc.permute(0, 3, 1, 2).float().div_(255.0).mul_(2.0).sub_(1.0)


def jitter_colour(x: torch.Tensor, brightness: torch.Tensor, contrast: torch.Tensor,
                  saturation: torch.Tensor) -> torch.Tensor:
    """x: (N, 3, H, W) in [0, 1]; each factor (N, 1, 1, 1), 1 = unchanged (saturation 0 = grey)."""
    x = x * brightness
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    x = (x - mean) * contrast + mean
    grey = x.mean(dim=1, keepdim=True)
    return (x - grey) * saturation + grey


def augment(images: torch.Tensor, size: int, generator: torch.Generator, policy: Policy,
            host_rng: np.random.Generator) -> torch.Tensor:
    """(B, 3, H, W) uint8 -> augmented model input in [-1, 1], (B, 3, size, size), channels-last."""
    b, dev = images.shape[0], images.device

    def uniform(lo, hi, shape=(b,)):
        return torch.rand(shape, generator=generator, device=dev) * (hi - lo) + lo

    x = images.float().div_(255)
    area = uniform(policy.min_crop_area, 1.0)
    aspect = torch.exp(uniform(math.log(policy.aspect_range[0]), math.log(policy.aspect_range[1])))
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

    shrunk = int(round(b * policy.low_res_share))
    if shrunk:
        side = int(host_rng.integers(policy.low_res_sides[0], policy.low_res_sides[1] + 1))  # host: no device sync
        small = F.interpolate(x[:shrunk], size=(side, side), mode="bilinear", antialias=True, align_corners=False)
        x[:shrunk] = F.interpolate(small, size=(size, size), mode="bilinear", align_corners=False)

    brightness = uniform(1 - policy.brightness, 1 + policy.brightness, (b, 1, 1, 1))
    contrast = uniform(1 - policy.contrast, 1 + policy.contrast, (b, 1, 1, 1))
    saturation = uniform(1 - policy.saturation, 1 + policy.saturation, (b, 1, 1, 1))
    saturation = torch.where(uniform(0, 1, (b, 1, 1, 1)) < policy.grey_share, torch.zeros_like(saturation), saturation)
    x = jitter_colour(x, brightness, contrast, saturation)
    return x.clamp_(0, 1).mul_(2).sub_(1).contiguous(memory_format=torch.channels_last)
