import torch

from roomnet_training import CLASS_NAMES
from roomnet_training.model import RoomNet, parameter_count


def test_output_is_one_logit_per_class_for_a_batch():
    model = RoomNet().eval()
    with torch.no_grad():
        out = model(torch.zeros(3, 3, 224, 224))
    assert out.shape == (3, len(CLASS_NAMES))


def test_parameter_count_matches_the_original_roomnet_size():
    # The original: ~176 k parameters (~0.7 MB in float32).
    assert 170_000 <= parameter_count(RoomNet()) <= 180_000


def test_feature_map_is_2x2x16_at_224_like_the_original():
    model = RoomNet().eval()
    x = torch.zeros(1, 3, 224, 224)
    for block in list(model.features)[:-1]:  # everything before the adaptive pool
        x = block(x)
    assert tuple(x.shape[1:]) == (16, 2, 2)


def test_softmax_is_not_capped_by_a_final_relu6():
    model = RoomNet().eval()
    with torch.no_grad():
        model.head[-1].bias.copy_(torch.tensor([50.0, 0, 0, 0, 0, 0]))
        probs = torch.softmax(model(torch.zeros(1, 3, 224, 224)), 1)
    assert probs[0, 0] > 0.999
