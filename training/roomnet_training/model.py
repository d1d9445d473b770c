"""RoomNet in PyTorch, following the original TensorFlow design (see ../shared/docs/roomnet.md).

Deviations from the original, each stated in model/v1/README.md:
* no ReLU6 on the last dense layer (it capped the softmax at ~0.988);
* the residual identity branch is average-pooled to the main path's size, as the doc describes,
  instead of the original's bilinear resize;
* an adaptive 2x2 average pool before the flatten. At 224 px the map is already 2x2, so it is an
  identity there; it lets the same weights accept any input from 183 px up (the valid convolutions
  and stride-1 pools need at least that much).
"""
from __future__ import annotations

import torch
from torch import nn

from . import CLASS_NAMES


class ConvBlock(nn.Module):
    """3x3 valid convolution without bias, ReLU6, optional average pool, batch norm."""

    def __init__(self, in_ch: int, out_ch: int, pool: tuple[int, int] | None):
        super().__init__()
        self.conv = nn.Conv2d(in_ch, out_ch, 3, stride=1, padding=0, bias=False)
        self.act = nn.ReLU6(inplace=True)
        self.pool = nn.AvgPool2d(pool[0], pool[1]) if pool else nn.Identity()
        self.bn = nn.BatchNorm2d(out_ch)

    def forward(self, x):
        return self.bn(self.pool(self.act(self.conv(x))))


class ResidualBlock(nn.Module):
    """`depth` conv blocks; the first one's output, pooled like the main path, is added at the end."""

    def __init__(self, in_ch: int, out_ch: int, pool: tuple[int, int], depth: int):
        super().__init__()
        self.reps = nn.ModuleList(
            [ConvBlock(in_ch if i == 0 else out_ch, out_ch, pool) for i in range(depth)])
        # Each later repetition shrinks the map by a 3x3 valid conv and the block's pool;
        # the identity branch follows the same windows so the shapes match.
        self.identity_pools = nn.ModuleList(
            [nn.Sequential(nn.AvgPool2d(3, 1), nn.AvgPool2d(pool[0], pool[1])) for _ in range(depth - 1)])
        self.bn = nn.BatchNorm2d(out_ch)

    def forward(self, x):
        x = self.reps[0](x)
        identity = x
        for rep, identity_pool in zip(self.reps[1:], self.identity_pools):
            x = rep(x)
            identity = identity_pool(identity)
        return self.bn(x + identity)


class DenseBlock(nn.Module):
    """Fully connected without bias, ReLU6, batch norm, dropout."""

    def __init__(self, in_f: int, out_f: int, dropout: float):
        super().__init__()
        self.fc = nn.Linear(in_f, out_f, bias=False)
        self.act = nn.ReLU6(inplace=True)
        self.bn = nn.BatchNorm1d(out_f)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        return self.drop(self.bn(self.act(self.fc(x))))


class RoomNet(nn.Module):
    """Returns logits; the exported ONNX graph appends the softmax."""

    def __init__(self, num_classes: int = len(CLASS_NAMES), dropout: float = 0.0):
        super().__init__()
        self.features = nn.Sequential(
            ConvBlock(3, 8, (3, 1)),
            ResidualBlock(8, 32, (4, 1), depth=3),
            ResidualBlock(32, 64, (4, 2), depth=2),
            ConvBlock(64, 128, None),
            ResidualBlock(128, 16, (4, 2), depth=3),
            nn.AdaptiveAvgPool2d(2),
        )
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Sequential(
            DenseBlock(64, 32, dropout),
            DenseBlock(32, 16, dropout),
            DenseBlock(16, 8, dropout),
            nn.Linear(8, num_classes, bias=True),
        )

    def set_dropout(self, p: float) -> None:
        for m in self.modules():
            if isinstance(m, nn.Dropout):
                m.p = p

    def forward(self, x):
        x = self.features(x)
        return self.head(self.dropout(torch.flatten(x, 1)))


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
