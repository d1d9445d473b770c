"""Makes two-outputs.onnx: a tiny RoomNet-shaped model whose first output is an embedding and whose
second is the probabilities (as the EfficientNet-Lite0 export has). Run: python3 make_model.py"""
import json

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

CLASSES = ["Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom"]
SIZE = 8

weights = numpy_helper.from_array(np.arange(18, dtype=np.float32).reshape(3, 6) / 10.0, "weights")
nodes = [
    helper.make_node("GlobalAveragePool", ["input"], ["pooled"]),
    helper.make_node("Flatten", ["pooled"], ["embedding"]),
    helper.make_node("MatMul", ["embedding", "weights"], ["logits"]),
    helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1),
]
graph = helper.make_graph(
    nodes, "two_outputs",
    [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 3, SIZE, SIZE])],
    [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["N", 3]),
     helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", len(CLASSES)])],
    [weights])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 8
for key, value in {"model_name": "two-outputs test model", "model_version": "test", "class_names": json.dumps(CLASSES),
                   "input_name": "input", "output_name": "probabilities", "input_size": str(SIZE),
                   "pixel_scale": str(2 / 255), "pixel_offset": "-1.0", "crop_rule": "center-square",
                   "channel_order": "RGB", "input_layout": "NCHW"}.items():
    model.metadata_props.add(key=key, value=value)
onnx.checker.check_model(model)
onnx.save(model, "two-outputs.onnx")
