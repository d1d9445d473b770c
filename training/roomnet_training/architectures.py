"""The networks the trainer can build, by name: RoomNet (the original design, from scratch) and
EfficientNet-Lite0/1/2 (ImageNet weights from a registry package, fine-tuned)."""
from __future__ import annotations

from torch import nn

from . import CLASS_NAMES, presets
from .efficientnet_lite import VARIANTS, EfficientNetLite, load_imagenet_backbone
from .model import RoomNet

ARCHS = ("roomnet", *VARIANTS)


def input_size(arch: str) -> int:
    return presets.SIZE if arch == "roomnet" else VARIANTS[arch].image_size


def create(arch: str, pretrained: bool = True, dropout: float | None = None, drop_path: float = 0.2) -> nn.Module:
    """A fresh network; EfficientNet-Lite starts from the package's ImageNet backbone unless pretrained=False."""
    if arch == "roomnet":
        return RoomNet(dropout=0.1 if dropout is None else dropout)
    model = EfficientNetLite(arch, num_classes=len(CLASS_NAMES), drop_path=drop_path)
    if dropout is not None:
        model._dropout.p = dropout
    return load_imagenet_backbone(model) if pretrained else model


def has_embedding(model: nn.Module) -> bool:
    return isinstance(model, EfficientNetLite)
