"""RoomNet training pipeline: network, data, training, evaluation and ONNX export."""

CLASS_NAMES = ("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom")
