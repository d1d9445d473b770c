"""The backbone: our definition loads the registry package's ImageNet weights exactly as the package's own
loader does, and those weights see the objects of the pool's rooms."""
import numpy as np
import pytest
import torch

from roomnet_training import presets
from roomnet_training.efficientnet_lite import (EfficientNetLite, backbone_state_dict, imagenet_weights_path,
                                                load_imagenet_backbone)

# ImageNet-1k indices of things found in these rooms (names from the ImageNet synset list).
BATHROOM_OBJECTS = {435: "bathtub", 648: "medicine chest", 794: "shower curtain", 861: "toilet seat", 876: "tub",
                    896: "washbasin", 804: "soap dispenser", 700: "paper towel"}
KITCHEN_OBJECTS = {534: "dishwasher", 651: "microwave", 760: "refrigerator", 827: "stove", 859: "toaster",
                   729: "plate rack", 495: "china cabinet", 532: "dining table", 550: "espresso maker", 909: "wok",
                   544: "Dutch oven", 469: "caldron"}


@pytest.fixture(scope="module")
def imagenet_model():
    model = EfficientNetLite("lite0", num_classes=1000).eval()
    model.load_state_dict(torch.load(imagenet_weights_path("lite0"), weights_only=True), strict=True)
    return model


def test_key_map_keeps_every_backbone_tensor_and_drops_only_the_imagenet_classifier():
    checkpoint = torch.load(imagenet_weights_path("lite0"), weights_only=True)
    mapped = backbone_state_dict(checkpoint)
    assert set(checkpoint) - set(mapped) == {"_fc.weight", "_fc.bias"}
    ours = EfficientNetLite("lite0").state_dict()
    assert set(mapped) == {k for k in ours if not k.startswith("_fc.")}
    for key, tensor in mapped.items():
        assert ours[key].shape == tensor.shape, key


def test_loading_fills_the_backbone_and_leaves_a_six_class_head():
    model = load_imagenet_backbone(EfficientNetLite("lite0"))
    checkpoint = torch.load(imagenet_weights_path("lite0"), weights_only=True)
    assert torch.equal(model._blocks[7]._depthwise_conv.weight, checkpoint["_blocks.7._depthwise_conv.weight"])
    assert torch.equal(model._bn1.running_var, checkpoint["_bn1.running_var"])
    assert model._fc.weight.shape == (6, 1280)


def test_a_checkpoint_of_another_shape_is_refused(tmp_path):
    checkpoint = torch.load(imagenet_weights_path("lite0"), weights_only=True)
    del checkpoint["_blocks.3._bn1.weight"]
    torch.save(checkpoint, tmp_path / "broken.pth")
    with pytest.raises(ValueError, match="_blocks.3._bn1.weight"):
        load_imagenet_backbone(EfficientNetLite("lite0"), tmp_path / "broken.pth")


def test_same_outputs_as_the_packages_own_loader(imagenet_model):
    from efficientnet_lite_pytorch import EfficientNet
    reference = EfficientNet.from_pretrained("efficientnet-lite0", weights_path=str(imagenet_weights_path("lite0")))
    x = torch.from_numpy(np.random.default_rng(0).uniform(-1, 1, (2, 3, 224, 224)).astype(np.float32))
    with torch.no_grad():
        np.testing.assert_allclose(imagenet_model(x).numpy(), reference.eval()(x).numpy(), atol=1e-4)


def test_trunk_then_tail_equals_the_whole_network():
    model = load_imagenet_backbone(EfficientNetLite("lite0")).eval()
    x = torch.from_numpy(np.random.default_rng(1).uniform(-1, 1, (2, 3, 224, 224)).astype(np.float32))
    with torch.no_grad():
        logits, embedding = model.forward_with_embedding(x)
        tail_logits, tail_embedding = model.forward_from(11, model.trunk(x, 11))
    assert embedding.shape == (2, 1280)
    torch.testing.assert_close(tail_logits, logits)
    torch.testing.assert_close(tail_embedding, embedding)


@pytest.mark.parametrize("room, objects", [("Bathroom", BATHROOM_OBJECTS), ("Kitchen", KITCHEN_OBJECTS)])
def test_imagenet_top5_of_listing_photos_names_objects_of_that_room(imagenet_model, pool, room, objects):
    """Input scaling x/255*2-1 (RoomNet's) is what these weights expect: most photos show a fitting object."""
    photos = sorted((pool / "houses" / room).glob("*.jpg"))[:8]
    x = torch.from_numpy(np.stack([presets.preprocess_file(p) for p in photos]))
    with torch.no_grad():
        top5 = imagenet_model(x).topk(5).indices.tolist()
    hits = sum(bool(set(t) & set(objects)) for t in top5)
    assert hits >= 6, f"{hits}/8 photos of a {room} have a {room.lower()} object in their top 5: {top5}"
