"""Harsh copies of the validation split (grey, shorter side 72 px, contrast 0.6, JPEG quality 30: v2 scores ~70 %,
like the grey portal of the sealed exam) through v2, for decision 0017. Run from training/:
    cd training && python3 ../tests/benchmarks/memory_harsh_copies.py   # writes /tmp/harsh.npz
"""
import sys, io
sys.path.insert(0, '.')
import numpy as np, onnxruntime as ort
from PIL import Image, ImageEnhance
from roomnet_training import data, presets
sys.path.insert(0, str(__import__('pathlib').Path(__file__).resolve().parent))
from memory_embeddings import run
pool = data.DEFAULT_POOL
_, val = data.split(data.list_pool(pool))
def harsh(path):
    im = Image.open(pool / path).convert('L')
    w, h = im.size
    s = 72 / min(w, h)
    im = im.resize((max(1, round(w * s)), max(1, round(h * s))), Image.BILINEAR)
    im = ImageEnhance.Contrast(im).enhance(0.6)
    b = io.BytesIO(); im.save(b, 'JPEG', quality=30); b.seek(0)
    im = Image.open(b).convert('RGB')
    return np.clip(np.rint(presets.to_pixels_224(np.asarray(im, dtype=np.float64), presets.SIZE)), 0, 255).astype(np.uint8)
px = np.stack([harsh(s.path) for s in val])
o = ort.SessionOptions(); o.intra_op_num_threads = 2
sess = ort.InferenceSession('../model/roomnet.onnx', o, providers=['CPUExecutionProvider'])
p, e = run(sess, px)
np.savez('/tmp/harsh.npz', prob=p, emb=e)
y = np.array([s.label for s in val])
print('harsh acc', (p.argmax(1) == y).mean())
