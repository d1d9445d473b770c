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


def create(arch: str, pretrained: bool = True, dropout: float | None = None, drop_path: float = 0.2,
           num_classes: int = len(CLASS_NAMES)) -> nn.Module:
    """A fresh network; EfficientNet-Lite starts from the package's ImageNet backbone unless pretrained=False."""
    if arch == "roomnet":
        return RoomNet(num_classes=num_classes, dropout=0.1 if dropout is None else dropout)
    model = EfficientNetLite(arch, num_classes=num_classes, drop_path=drop_path)
    if dropout is not None:
        model._dropout.p = dropout
    return load_imagenet_backbone(model) if pretrained else model


def has_embedding(model: nn.Module) -> bool:
    return isinstance(model, EfficientNetLite)


def class_names(checkpoint: dict) -> tuple[str, ...]:
    """The label set a checkpoint was trained on (checkpoints from before --classes: the six)."""
    return tuple(checkpoint.get("class_names") or CLASS_NAMES)


def from_checkpoint(checkpoint: dict) -> nn.Module:
    """The network of a raw.pt / ema.pt / checkpoint.pt, weights loaded."""
    model = create(checkpoint.get("arch", "roomnet"), pretrained=False, num_classes=len(class_names(checkpoint)))
    model.load_state_dict(checkpoint["model"])
    return model
